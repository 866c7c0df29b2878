import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER, SMALL, runJincai, summaryJson, useSmallDatabase } from "./_testing/run-jincai";

const db = useSmallDatabase();

/** The small fixtures' payments as a workbook: a notes sheet first, then 支付 with typed cells. */
async function paymentsWorkbook(name: string, extra: readonly ExcelJS.CellValue[][] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").addRow(["青川市 2026 年 3 月支付明细"]);
  const ws = wb.addWorksheet("支付");
  ws.addRow(PAYMENT_HEADER.split(","));
  for (const line of SMALL.payments.trim().split("\n").slice(1)) {
    const cells: ExcelJS.CellValue[] = line.split(",");
    cells[1] = new Date(`${String(cells[1])}T00:00:00Z`);
    cells[10] = Number(cells[10]);
    ws.addRow(cells);
  }
  for (const row of extra) ws.addRow(row);
  ws.getColumn(2).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(join(db.dir, name));
}

describe("jincai import of an .xlsx workbook", () => {
  it("imports the sheet named with --sheet exactly as the same rows from CSV", async () => {
    await paymentsWorkbook("payments.xlsx");
    const run = await runJincai(db.dir, ["import", "payments", "payments.xlsx", "--sheet", "支付"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    const fromSheet = await summaryJson(db.dir, ["--by", "agency,economic"]);
    const again = await runJincai(db.dir, ["import", "payments", "payments.csv"]);
    expect(again.stdout).toContain("0 applied, 0 rejected, 3 duplicates skipped");
    expect(fromSheet.map((r) => [r["economicCode"], r["paid"]])).toEqual([["30101", "1200.00"], ["30201", "800.50"], ["30205", "300.00"]]);
  });

  it("reports bad cells at their sheet row and column, and quarantines them to CSV", async () => {
    await paymentsWorkbook("payments.xlsx", [
      ["P4", new Date(Date.UTC(2026, 2, 4)), "ZB1", "101001", "111", "2010301", "30101", "JB0000", "青川办公用品有限公司", 6222509268374647, 10],
      ["P5", "2026-03-05", "ZB1", "101001", "111", "2010301", "30101", "JB0000", "青川办公用品有限公司", "6222000000000001", 99999],
    ]);
    const run = await runJincai(db.dir, ["import", "payments", "payments.xlsx", "--sheet", "2", "--quarantine", "rejected.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      'payments.xlsx:5:10 IMPORT_INVALID_CODE payee_account "6.222509268374647E+15" is not an account number: Excel turned it into a number (format the column as text)',
      "payments.xlsx:6:11 TREASURY_EXCEEDS_QUOTA payment P5: amount 99,999.00 exceeds the 8,800.00 available on quota ZB1",
    ]);
    expect(run.stdout).toContain("5 rows read, 3 applied, 2 rejected");
    const rejected = (await readFile(join(db.dir, "rejected.csv"), "utf8")).trim().split("\n");
    expect(rejected).toHaveLength(3);
    expect(rejected[1]).toMatch(/^P4,2026-03-04,ZB1,.*IMPORT_INVALID_CODE/);
  });

  it("skips a 合计 row whose SUM formula totals the amounts, and refuses one whose cached result does not", async () => {
    await paymentsWorkbook("payments.xlsx", [["合计", null, null, null, null, null, null, null, null, null, { formula: "SUM(K2:K4)", result: 2300.5 }]]);
    const good = await runJincai(db.dir, ["import", "payments", "payments.xlsx", "--sheet", "支付"]);
    expect(good.code).toBe(0);
    expect(good.stderr.trim()).toBe("payments.xlsx:5:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 2,300.50 is the sum of the 3 rows it totals");
    expect(good.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    await paymentsWorkbook("stale.xlsx", [["合计", null, null, null, null, null, null, null, null, null, { formula: "SUM(K2:K4)", result: 2000 }]]);
    const stale = await runJincai(db.dir, ["import", "payments", "stale.xlsx", "--sheet", "支付", "--dry-run"]);
    expect(stale.code).toBe(2);
    expect(stale.stderr.trim()).toBe("stale.xlsx:5:11 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 2,000.00, but the 3 rows it totals sum to 2,300.50 (rows lost or changed?)");
  });

  it("stops with exit 2 for a sheet that is not there, an Excel 97–2003 .xls, and --sheet on a CSV file", async () => {
    await paymentsWorkbook("payments.xlsx");
    const missing = await runJincai(db.dir, ["import", "payments", "payments.xlsx", "--sheet", "工资"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('payments.xlsx:1:0 IMPORT_WORKBOOK payments.xlsx has no sheet "工资" (its sheets: 说明, 支付)');
    await writeFile(join(db.dir, "old.xls"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const old = await runJincai(db.dir, ["import", "payments", "old.xls"]);
    expect(old.code).toBe(2);
    expect(old.stderr.trim()).toBe("old.xls:1:0 IMPORT_WORKBOOK old.xls is an Excel 97–2003 (.xls) or password-protected workbook: save it as .xlsx without a password, or as CSV");
    const csv = await runJincai(db.dir, ["import", "payments", "payments.csv", "--sheet", "支付"]);
    expect(csv.code).toBe(2);
    expect(csv.stderr.trim()).toBe("jincai: CLI_USAGE: --sheet reads a worksheet of an .xlsx workbook, and payments.csv is not one");
    expect(await summaryJson(db.dir)).toEqual([expect.objectContaining({ paid: "0.00" })]);
  });
});

describe("jincai summary --format xlsx", () => {
  it("writes the summary as a workbook: bilingual titles, codes as text beside their names, amounts in yuan as numbers, the total in bold", async () => {
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    const run = await runJincai(db.dir, ["summary", "--by", "agency,economic", "--format", "xlsx", "--output", "执行情况.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(db.dir, "执行情况.xlsx"));
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows).toEqual([
      ["单位 agency", "单位名称 agency name", "经济科目 economic", "经济科目名称 economic name", "指标 quota", "已占用 reserved", "已支付 paid", "冻结 frozen", "可用 available", "不可执行 non-executable", "执行率 rate"],
      ["101001", "市政府办公室本级", "30101", "基本工资", 10000, 0, 1200, 0, 8800, 0, 0.12],
      ["101001", "市政府办公室本级", "30201", "办公费", 5000, 0, 800.5, 0, 4199.5, 0, 0.1601],
      ["101001", "市政府办公室本级", "30205", "水费", 3000, 0, 300, 0, 2700, 0, 0.1],
      ["合计 total", "", "", "", 18000, 0, 2300.5, 0, 15699.5, 0, 0.1278],
    ]);
    expect(ws.getCell("E2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("K2").numFmt).toBe("0.00%");
    expect(ws.getRow(5).font?.bold).toBe(true);
  });

  it("totals a summary by month with the last month's quota, reserved and available and the whole period's paid, in the table and the workbook", async () => {
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    const run = await runJincai(db.dir, ["summary", "--by", "month,economic", "--period", "2026-01..2026-04", "--format", "xlsx", "--output", "by-month.xlsx"]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(db.dir, "by-month.xlsx"));
    const rows = wb.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    // Four months × three economic codes, month first as asked, then the total.
    expect(rows.slice(0, 4).map((r) => [r[0], r[1]])).toEqual([["2026-01", "30101"], ["2026-01", "30201"], ["2026-01", "30205"], ["2026-02", "30101"]]);
    expect(rows).toHaveLength(4 * 3 + 2);
    expect(rows.at(-2)).toEqual(["合计 total", "", "", 18000, 0, 2300.5, 0, 15699.5, 0, 0.1278]);
    // Under the total, which period the figures cover.
    expect(rows.at(-1)).toEqual(["期间 period 2026-01-01..2026-04-30: each month's paid within the month; quota, reserved and available at the month's end"]);
    const table = await runJincai(db.dir, ["summary", "--by", "economic,month", "--period", "2026-01..2026-04"]);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toBe("期间 period 2026-01-01..2026-04-30: each month's paid within the month; quota, reserved and available at the month's end");
    expect(lines.at(-1)!.split(/\s{2,}/)).toEqual(["合计 total", "18,000.00", "0.00", "2,300.50", "0.00", "15,699.50", "0.00", "12.78%"]);
    const csv = await runJincai(db.dir, ["summary", "--by", "economic", "--period", "2026-Q1", "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toBe("economicCode,quota,reserved,paid,frozen,available,non_executable,execution_rate,period_from,period_to");
    expect(csv.stdout.split("\n")[1]).toMatch(/^30101,.*,2026-01-01,2026-03-31$/);
    const json = JSON.parse((await runJincai(db.dir, ["summary", "--by", "economic", "--period", "2026-Q1", "--format", "json"])).stdout);
    expect(json[0]).toMatchObject({ economicCode: "30101", periodFrom: "2026-01-01", periodTo: "2026-03-31" });
    const backwards = await runJincai(db.dir, ["summary", "--period", "2026-03..2026-01"]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('CLI_USAGE: --period: "2026-03..2026-01" starts after it ends (2026-03-01 is after 2026-01-31): write the earlier period first');
    // A period with no day in the fiscal year would be a table of zeros: a typo, refused.
    const lastYear = await runJincai(db.dir, ["summary", "--by", "agency", "--period", "2025-03"]);
    expect(lastYear.code).toBe(2);
    expect(lastYear.stderr.trim()).toBe("jincai: CLI_USAGE: --period 2025-03: 2025-03-01..2025-03-31 has no day in fiscal year 2026 of these settings");
    expect((await runJincai(db.dir, ["summary", "--by", "agency", "--period", "2026-12..2027-01"])).code).toBe(0);
    const level = await runJincai(db.dir, ["summary", "--by", "agency", "--level", "类"]);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain("CLI_USAGE: --level rolls up function and economic codes: add function or economic to --by");
    const economicItem = await runJincai(db.dir, ["summary", "--by", "economic", "--level", "项"]);
    expect(economicItem.stderr).toContain("CLI_USAGE: --level 项: economic codes end at 款 (use --level 款), 项 is a level of function codes");
    const byTwice = await runJincai(db.dir, ["summary", "--by", "agency", "--by", "function"]);
    expect(byTwice.code).toBe(2);
    expect(byTwice.stderr).toContain("CLI_USAGE: --by is given 2 times: name every grouping in one, --by agency,function");
    expect(JSON.parse((await runJincai(db.dir, ["summary", "--format", "json", "--period", "2026年1-3月"])).stdout)[0]).toMatchObject({ periodFrom: "2026-01-01", periodTo: "2026-03-31" });
    const twice = await runJincai(db.dir, ["summary", "--by", "agency,agency"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('CLI_USAGE: --by: "agency" is named twice');
  });

  it("asks for --output with xlsx, and writes the other formats to --output too", async () => {
    const bare = await runJincai(db.dir, ["summary", "--format", "xlsx"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("CLI_USAGE: --format xlsx: name the workbook with --output FILE");
    const nowhere = await runJincai(db.dir, ["summary", "--format", "xlsx", "--output", "no-such-folder/summary.xlsx"]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/CLI_FILE_NOT_FOUND: .*no-such-folder\/summary\.xlsx: no such folder .*no-such-folder$/m);
    const csv = await runJincai(db.dir, ["summary", "--format", "csv", "--output", "summary.csv"]);
    expect(csv.code).toBe(0);
    expect((await readFile(join(db.dir, "summary.csv"), "utf8")).split("\n")[0]).toBe("\uFEFFagency,quota,reserved,paid,frozen,available,non_executable,execution_rate");
  });

  it("writes a workbook for --output 执行情况.xlsx without --format, and refuses a CSV named .xlsx", async () => {
    const run = await runJincai(db.dir, ["summary", "--by", "agency", "--output", "按单位.xlsx"]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(db.dir, "按单位.xlsx"));
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe("单位 agency");
    const csv = await runJincai(db.dir, ["summary", "--output", "by-agency.csv"]);
    expect((await readFile(join(db.dir, "by-agency.csv"), "utf8")).split("\n")[0]).toBe("\uFEFFagency,quota,reserved,paid,frozen,available,non_executable,execution_rate");
    expect(csv.code).toBe(0);
    const mismatch = await runJincai(db.dir, ["summary", "--format", "csv", "--output", "summary-csv.xlsx"]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain("CLI_USAGE: --output summary-csv.xlsx: its extension says xlsx, but --format is csv");
  });

  it("refuses --output naming the database or the settings, which the summary would overwrite", async () => {
    const before = await summaryJson(db.dir);
    for (const [out, what] of [["jincai.db", "the database jincai.db"], ["./jincai.config.json", "the settings file jincai.config.json"]] as const) {
      const run = await runJincai(db.dir, ["summary", "--output", out]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`jincai: CLI_USAGE: --output ${out} is ${what}: writing there would overwrite it; name another file`);
    }
    expect(await summaryJson(db.dir)).toEqual(before);
  });
});
