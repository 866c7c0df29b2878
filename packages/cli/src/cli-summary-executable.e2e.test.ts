import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENT_HEADER, SMALL, cleanup, payment, runJincai, summaryJson, tempDir, totalFen, writeFiles } from "./_testing/run-jincai";

// A line issued but not executable (是否可执行 = 否, 指标可执行标志 off: 待分配 or held back)
// cannot be paid from, so what is left on it is not 可用: the summary shows it as 不可执行.
let dir = "";
beforeAll(async () => {
  dir = await tempDir();
  await writeFiles(dir, {
    "agencies.csv": SMALL.agencies,
    "quotas.csv":
      "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额,是否可执行\n" +
      "ZB1,青财预〔2026〕1号,2026,101001,111,2010301,30101,JB0000,10000.00,是\n" +
      "ZB2,青财预〔2026〕1号,2026,101001,111,2010301,30201,JB0000,5000.00,否\n",
    "payments.csv": `${PAYMENT_HEADER}\n${payment("P1", "ZB1", "30101", "1200.00")}\n`,
    "blocked.csv": `${PAYMENT_HEADER}\n${payment("P2", "ZB2", "30201", "100.00")}\n`,
  });
  for (const args of [["init", "--year", "2026", "--division", "990100"], ["import", "agencies", "agencies.csv"], ["import", "quotas", "quotas.csv"], ["import", "payments", "payments.csv"]]) {
    const run = await runJincai(dir, args);
    if (run.code !== 0) throw new Error(`jincai ${args.join(" ")} exited ${run.code}: ${run.stderr}`);
  }
});
afterAll(() => cleanup(dir));

describe("jincai summary: lines that are not executable", () => {
  it("refuses a payment from the line, and keeps what is left on it out of 可用 in JSON, reconciling to the quota", async () => {
    const refused = await runJincai(dir, ["import", "payments", "blocked.csv"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("NOT_EXECUTABLE");
    const rows = await summaryJson(dir, ["--by", "economic"]);
    expect(rows.map((r) => [r["economicCode"], r["available"], r["nonExecutable"]])).toEqual([["30101", "8800.00", "0.00"], ["30201", "0.00", "5000.00"]]);
    const [agency] = await summaryJson(dir, ["--by", "agency"]);
    expect(agency).toMatchObject({ quota: "15000.00", reserved: "0.00", paid: "1200.00", frozen: "0.00", available: "8800.00", nonExecutable: "5000.00" });
    const parts = ["reserved", "paid", "frozen", "available", "nonExecutable"].map((c) => totalFen([agency!], c));
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(totalFen([agency!], "quota"));
  });

  it("shows 不可执行 beside 可用 in the table, CSV and workbook, their totals included", async () => {
    const table = await runJincai(dir, ["summary", "--by", "economic"]);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^经济科目 economic +指标 quota +已占用 reserved +已支付 paid +冻结 frozen +可用 available +不可执行 non-executable +执行率 rate$/);
    expect(lines.at(-1)!.split(/\s{2,}/)).toEqual(["合计 total", "15,000.00", "0.00", "1,200.00", "0.00", "8,800.00", "5,000.00", "8.00%"]);
    const csv = (await runJincai(dir, ["summary", "--by", "economic", "--format", "csv"])).stdout.trim().split("\n");
    expect(csv).toEqual([
      "economicCode,quota,reserved,paid,frozen,available,non_executable,execution_rate",
      "30101,10000.00,0.00,1200.00,0.00,8800.00,0.00,0.1200",
      "30201,5000.00,0.00,0.00,0.00,0.00,5000.00,0.0000",
    ]);
    expect((await runJincai(dir, ["summary", "--by", "economic", "--output", "s.xlsx"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "s.xlsx"));
    const rows = wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toContain("不可执行 non-executable");
    expect(rows.at(-1)).toEqual(["合计 total", "", 15000, 0, 1200, 0, 8800, 5000, 0.08]);
  });
});
