import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_DIR, CITY_PAYMENT_HEADER, cleanup, runJincai, summaryJson, tempDir } from "./_testing/run-jincai";
import type { JincaiRun } from "./_testing/run-jincai";

// Large CSV files and workbooks are read and validated on a worker thread (JINCAI_READ_THREAD
// forces it either way here, since the sample files are small): every import must come out the same.
const dirs = { always: "", never: "" };
const both = async (args: readonly string[]): Promise<{ always: JincaiRun; never: JincaiRun }> => {
  const [always, never] = await Promise.all([
    runJincai(dirs.always, args, { readThread: "always" }),
    runJincai(dirs.never, args, { readThread: "never" }),
  ]);
  return { always, never };
};
/** A run's output without its timings. */
const untimed = (run: JincaiRun) => ({ code: run.code, stdout: run.stdout.replace(/ in \d+\.\d+ s|"seconds":[\d.]+/g, ""), stderr: run.stderr });

beforeAll(async () => {
  for (const mode of ["always", "never"] as const) {
    const dir = (dirs[mode] = await tempDir());
    for (const name of ["agencies.csv", "quotas.csv", "payments.csv", "bad-payments.csv", "payments-status-update.csv"]) await copyFile(join(CITY_DIR, name), join(dir, name));
    const rows = [
      "TH0001,2026-03-01,ZB202600001,101001,一般公共预算资金,2010301,30101,JB0000,青川办公用品有限公司,6222 0000 0000 0141,100.00,编码转换,已支付,",
      "TH0002,2026-03-01,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000142,50.00,编码转换,已退票,2026-03-05",
      "合计,,,,,,,,,,150.00,,,",
    ];
    await writeFile(join(dir, "gbk.csv"), iconv.encode(`${CITY_PAYMENT_HEADER}\r\n${rows.join("\r\n")}\r\n`, "gb18030"));
    await writeFile(join(dir, "broken.csv"), `${CITY_PAYMENT_HEADER}\nTH0003,2026-03-01,"ZB202600001,101001\n`);
    await writeFile(join(dir, "bad-map.json"), JSON.stringify({ columns: { 单号: "payment_no" } }));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["青川市支付明细"]);
    const ws = wb.addWorksheet("支付");
    ws.addRow(CITY_PAYMENT_HEADER.split(","));
    ws.addRow(["WB0001", new Date(Date.UTC(2026, 2, 2)), "ZB202600001", "101001", "111", "2010301", "30101", "JB0000", "青川办公用品有限公司", "6222000000000151", 12.5, "工作簿", "已支付"]);
    ws.addRow(["WB0002", new Date(Date.UTC(2026, 2, 3)), "ZB202600001", "101001", "111", "2010301", "30101", "JB0000", "青川办公用品有限公司", 6222000000000152, 7, "工作簿", "已支付"]);
    await wb.xlsx.writeFile(join(dir, "payments.xlsx"));
    expect((await runJincai(dir, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
    expect((await runJincai(dir, ["import", "agencies", "agencies.csv"])).code).toBe(0);
    expect((await runJincai(dir, ["import", "quotas", "quotas.csv"])).code).toBe(0);
  }
});
afterAll(async () => {
  await cleanup(dirs.always);
  await cleanup(dirs.never);
});

describe("reading a CSV import on a worker thread", () => {
  it("imports the sample city's payments, a later export and them again exactly as the main thread does", async () => {
    for (const args of [["import", "payments", "payments.csv"], ["import", "payments", "payments-status-update.csv"], ["import", "payments", "payments.csv", "--json"]]) {
      const { always, never } = await both(args);
      expect(untimed(always)).toEqual(untimed(never));
    }
    const { always, never } = await both(["import", "payments", "payments.csv"]);
    expect(always.stdout).toContain("nothing changed");
    expect(untimed(always)).toEqual(untimed(never));
    expect(await summaryJson(dirs.always, ["--by", "agency,function"])).toEqual(await summaryJson(dirs.never, ["--by", "agency,function"]));
  });

  it("reports the bad rows, a GB18030 file with its totals row, a broken quote and a workbook's rows and sheets alike, and refuses a bad mapping alike", async () => {
    for (const args of [
      ["import", "payments", "bad-payments.csv", "--dry-run"],
      ["import", "payments", "bad-payments.csv", "--json", "--dry-run"],
      ["import", "payments", "gbk.csv"],
      ["import", "payments", "broken.csv"],
      ["import", "payments", "payments.csv", "--map", "bad-map.json"],
      ["import", "payments", "payments.xlsx", "--sheet", "工资"],
      ["import", "payments", "payments.xlsx", "--dry-run"],
      ["import", "payments", "payments.xlsx", "--sheet", "支付", "--dry-run"],
    ]) {
      const { always, never } = await both(args);
      expect(untimed(always)).toEqual(untimed(never));
    }
    const gbk = await runJincai(dirs.always, ["payment", "TH0001", "TH0002"]);
    expect(gbk.stdout).toContain("6222000000000141");
    expect(gbk.stdout).toContain("refund    TH0002-R  50.00  2026-03-05");
    const broken = await runJincai(dirs.always, ["import", "payments", "broken.csv"], { readThread: "always" });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.csv:2:\d+ IMPORT_CSV_SYNTAX /);
  });
});
