import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { city, useCityDatabase } from "./_testing/city-database";
import { CITY_PAYMENT_HEADER, runJincai, summaryJson, writeCsv } from "./_testing/run-jincai";

// Payment rows as exports write them, and the rows an import refuses, each at its column, against
// the whole sample city (imported once, shared by the tests below in order).
const db = useCityDatabase();

describe("jincai import payments: rows as exports write them, and bad rows", () => {
  it("reports every bad row of bad-payments.csv with its code, exits 2 and writes nothing", async () => {
    await copyFile(city("bad-payments.csv"), join(db.dir, "bad-payments.csv"));
    const before = await summaryJson(db.dir);
    const run = await runJincai(db.dir, ["import", "payments", "bad-payments.csv"]);
    expect(run.code).toBe(2);
    const located = run.stderr
      .trim()
      .split("\n")
      .map((line) => line.split(" ").slice(0, 2).join(" "));
    expect(located).toEqual([
      "bad-payments.csv:2:11 IMPORT_INVALID_AMOUNT",
      "bad-payments.csv:3:2 IMPORT_INVALID_DATE",
      "bad-payments.csv:4:4 IMPORT_REQUIRED",
      "bad-payments.csv:5:6 IMPORT_INVALID_CODE",
      "bad-payments.csv:6:3 TREASURY_QUOTA_NOT_FOUND",
      "bad-payments.csv:7:11 TREASURY_EXCEEDS_QUOTA",
      "bad-payments.csv:8:6 TREASURY_CODE_MISMATCH",
      "bad-payments.csv:9:11 TREASURY_PAYMENT_CONFLICT",
      "bad-payments.csv:10:13 IMPORT_INVALID_VALUE",
      "bad-payments.csv:11:14 IMPORT_REQUIRED",
      "bad-payments.csv:12:8 BUDGET_MISSING_DIMENSION",
      "bad-payments.csv:13:2 BUDGET_OUTSIDE_FISCAL_YEAR",
      "bad-payments.csv:14:14 TREASURY_INVALID_REFUND",
      "bad-payments.csv:15:11 IMPORT_INVALID_AMOUNT",
      "bad-payments.csv:18:2 TREASURY_INVALID_PAYMENT",
    ]);
    expect(run.stderr).toContain('bad-payments.csv:2:11 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals');
    expect(run.stderr).toContain("bad-payments.csv:7:11 TREASURY_EXCEEDS_QUOTA payment BAD0006: amount 99,000,000.00 exceeds the 13,149.65 available on quota ZB202600001");
    expect(run.stderr).toContain("bad-payments.csv:6:3 TREASURY_QUOTA_NOT_FOUND payment BAD0005: quota ZB209999999 does not exist");
    expect(run.stderr).toContain("bad-payments.csv:8:6 TREASURY_CODE_MISMATCH payment BAD0007: functionCode 2050101 contradicts quota ZB202600001, which has 2010301");
    expect(run.stderr).toContain("bad-payments.csv:9:11 TREASURY_PAYMENT_CONFLICT payment ZF202600000001 was recorded with amount 11,397.63; this row says 1.00");
    expect(run.stderr).toContain("bad-payments.csv:12:8 BUDGET_MISSING_DIMENSION payment BAD0011: projectCode is needed to find its quota");
    expect(run.stderr).toContain(
      "bad-payments.csv:13:2 BUDGET_OUTSIDE_FISCAL_YEAR payment BAD0012 is dated 2025-12-31, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota ZB202600001",
    );
    expect(run.stderr).toContain(
      "bad-payments.csv:14:14 TREASURY_INVALID_REFUND refund_date: payment BAD0013 cannot be refunded on 2026-02-27, before it was paid on 2026-03-01",
    );
    expect(run.stderr).toContain(
      'bad-payments.csv:15:11 IMPORT_INVALID_AMOUNT amount "-100.00" must be greater than zero (a refund is a row with status 已退票 and its 退票日期)',
    );
    expect(run.stderr).toContain('bad-payments.csv:10:13 IMPORT_INVALID_VALUE status: unknown payment status "处理中" (已提交, 已审核, 已支付');
    expect(run.stderr).toContain("bad-payments.csv:11:14 IMPORT_REQUIRED refund_date: a refunded payment (已退票) needs its 退票日期");
    // Submitted on 03-01 and approved on 03-05 by the two rows above it, then paid on 03-02.
    expect(run.stderr).toContain("bad-payments.csv:18:2 TREASURY_INVALID_PAYMENT payment BAD0015 cannot be paid on 2026-03-02, before it was approved on 2026-03-05");
    expect(run.stderr).toContain("a mapping file's values.status translates others)");
    expect(run.stdout).toContain("17 rows read, 0 applied, 15 rejected, 0 duplicates skipped");
    expect(run.stdout).toContain("nothing written (the file has bad rows, so its 2 good rows wait too; fix them or use --quarantine)");
    expect(run.stdout).not.toContain("errors by code"); // 15 errors fit a screen
    expect(run.stdout).toContain("nothing written");
    expect(await summaryJson(db.dir)).toEqual(before);
  });

  it("points a code mismatch at the column of the code that contradicts the quota", async () => {
    const rows = [
      "MIS0001,2026-03-01,ZB202600001,102001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000101,100.00,单位与指标不符,已支付,",
      "MIS0002,2026-03-01,ZB202600001,101001,111,2010301,30299,JB0000,青川办公用品有限公司,6222000000000102,100.00,经济科目与指标不符,已支付,",
      "MIS0003,2026-03-01,ZB202600001,101001,111,2010301,30101,XM999,青川办公用品有限公司,6222000000000103,100.00,项目与指标不符,已支付,",
      "MIS0004,2026-03-01,,101001,111,2010301,30101,,青川办公用品有限公司,6222000000000104,100.00,缺少项目无法匹配指标,已支付,",
    ];
    await writeCsv(db.dir, "mismatch.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(db.dir, ["import", "payments", "mismatch.csv"]);
    expect(run.code).toBe(1); // business rejections only: a rule failure, not an input error
    expect(run.stderr.trim().split("\n")).toEqual([
      "mismatch.csv:2:4 TREASURY_CODE_MISMATCH payment MIS0001: agency 102001 contradicts quota ZB202600001, which has 101001",
      "mismatch.csv:3:7 TREASURY_CODE_MISMATCH payment MIS0002: economicCode 30299 contradicts quota ZB202600001, which has 30101",
      "mismatch.csv:4:8 TREASURY_CODE_MISMATCH payment MIS0003: projectCode XM999 contradicts quota ZB202600001, which has JB0000",
      "mismatch.csv:5:8 BUDGET_MISSING_DIMENSION payment MIS0004: projectCode is needed to find its quota",
    ]);
  });

  it("checks an export's 小计 rows placed above their groups against the rows below them", async () => {
    const row = (id: string, agency: string, quota: string, fn: string, amount: string) =>
      `${id},2026-03-01,${quota},${agency},111,${fn},30101,JB0000,青川办公用品有限公司,6222000000000141,${amount},小计在组前,已支付,`;
    const subtotal = (amount: string) => `小计,,,,,,,,,,${amount},,,`;
    const file = (second: string) => [
      subtotal("30.00"), row("SA0001", "101001", "ZB202600001", "2010301", "10.00"), row("SA0002", "101001", "ZB202600001", "2010301", "20.00"),
      subtotal(second), row("SA0003", "101001", "ZB202600001", "2010301", "5.00"),
    ];
    await writeCsv(db.dir, "subtotals-above-bad.csv", CITY_PAYMENT_HEADER, file("6.00"));
    const bad = await runJincai(db.dir, ["import", "payments", "subtotals-above-bad.csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("subtotals-above-bad.csv:5:11 IMPORT_TOTAL_MISMATCH amount: the 小计 row says 6.00, but the 1 row it totals sums to 5.00 (rows lost or changed?)");
    expect(bad.stdout).toContain("4 rows read, 0 applied, 1 rejected");
    await writeCsv(db.dir, "subtotals-above.csv", CITY_PAYMENT_HEADER, file("5.00"));
    const good = await runJincai(db.dir, ["import", "payments", "subtotals-above.csv"]);
    expect(good.code).toBe(0);
    expect(good.stderr).toContain("subtotals-above.csv:2:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 30.00 is the sum of the 2 rows it totals");
    expect(good.stdout).toContain("3 rows read, 3 applied, 0 rejected");
  });

  it("reads a fund type spelled out as payment systems export it (一般公共预算资金) as its code", async () => {
    const rows = [
      "FT0001,2026-03-01,,101001,一般公共预算资金,2010301,30101,JB0000,青川办公用品有限公司,6222000000000111,100.00,资金性质写全称,已支付,",
      "FT0002,2026-03-01,,101001,政府性基金,2010301,30101,JB0000,青川办公用品有限公司,6222000000000112,100.00,没有这类资金的指标,已支付,",
    ];
    await writeCsv(db.dir, "fund-names.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(db.dir, ["import", "payments", "fund-names.csv", "--dry-run"]);
    expect(run.stderr.trim()).toBe(
      "fund-names.csv:3:4 TREASURY_QUOTA_NOT_FOUND payment FT0002: no executable quota has fiscalYear 2026, agency 101001, fundType 121, functionCode 2010301, economicCode 30101, projectCode JB0000",
    );
    expect(run.stdout).toContain("2 rows read, 0 would apply, 1 rejected"); // FT0001 passed: a file with a bad row applies nothing
  });

  it("reads a payee account written in groups (6222 0000 …) as the same account, so a later export without spaces is a duplicate", async () => {
    const row = (account: string) => `AC0001,2026-03-01,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,${account},100.00,账号分组书写,已支付,`;
    await writeCsv(db.dir, "grouped.csv", CITY_PAYMENT_HEADER, [row("6222 0000 0000 0121")]);
    await writeCsv(db.dir, "plain.csv", CITY_PAYMENT_HEADER, [row("6222000000000121")]);
    expect((await runJincai(db.dir, ["import", "payments", "grouped.csv"])).stdout).toContain("1 rows read, 1 applied");
    expect((await runJincai(db.dir, ["import", "payments", "plain.csv"])).stdout).toContain("0 applied, 0 rejected, 1 duplicates skipped");
    expect((await runJincai(db.dir, ["payment", "AC0001"])).stdout).toContain("青川办公用品有限公司  6222000000000121");
  });

  it("reads codes and accounts an export wrote as Excel text (=\"0101\", '6222…), so a plain export of the same payment is a duplicate", async () => {
    const row = (id: string, agency: string, account: string, amount: string) =>
      `${id},2026-03-01,ZB202600001,${agency},111,2010301,30101,JB0000,青川办公用品有限公司,${account},${amount},Excel文本,已支付,`;
    await writeCsv(db.dir, "excel-text.csv", CITY_PAYMENT_HEADER, [
      row('="XT0001"', '="101001"', '="6222000000000131"', '="100.00"'),
      row("XT0002", "'101001", "'6222000000000132", "50.00"),
      `合计,,,,,,,,,,="150.00",,,`,
    ]);
    const run = await runJincai(db.dir, ["import", "payments", "excel-text.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    expect(run.stderr).toContain("its 150.00 is the sum of the 2 rows it totals");
    await writeCsv(db.dir, "excel-plain.csv", CITY_PAYMENT_HEADER, [row("XT0001", "101001", "6222000000000131", "100.00")]);
    expect((await runJincai(db.dir, ["import", "payments", "excel-plain.csv"])).stdout).toContain("0 applied, 0 rejected, 1 duplicates skipped");
    expect((await runJincai(db.dir, ["payment", "XT0001"])).stdout).toContain("青川办公用品有限公司  6222000000000131");
  });

  it("counts a flood of errors per code after the closing line (last year's quotas named throughout), and in JSON", async () => {
    const row = (k: number, quota: string, amount = "10.00") =>
      `LY${String(k).padStart(4, "0")},2026-03-01,${quota},101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,${amount},去年的指标,已支付,`;
    const rows = Array.from({ length: 30 }, (_, k) => row(k, `ZB2025${String(k).padStart(5, "0")}`));
    rows.push(row(30, "ZB202600001", "1.001"), row(31, "ZB202600001", "-1.00"));
    await writeCsv(db.dir, "last-year.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(db.dir, ["import", "payments", "last-year.csv", "--dry-run"]);
    expect(run.stderr.trim().split("\n")).toHaveLength(32);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("last-year.csv: 32 errors by code: TREASURY_QUOTA_NOT_FOUND 30, IMPORT_INVALID_AMOUNT 2");
    const json = await runJincai(db.dir, ["import", "payments", "last-year.csv", "--dry-run", "--json"]);
    expect(JSON.parse(json.stdout).summary.errorsByCode).toEqual({ TREASURY_QUOTA_NOT_FOUND: 30, IMPORT_INVALID_AMOUNT: 2 });
  });

  it("imports a 预算管理一体化 payment export as it comes, code and name columns side by side, without a mapping", async () => {
    const header = "支付申请号,支付日期,支付时间,指标编号,预算单位代码,预算单位名称,资金性质代码,资金性质,功能分类代码,功能分类名称,部门经济分类代码,部门经济分类名称,项目代码,项目名称,收款人全称,收款人账号,收款人开户银行,支付金额,资金用途,支付状态";
    const rows = ['YT0001,2026-03-02,2026-03-02 10:11:12,ZB202600001,101001,市政府办公室本级,111,一般公共预算资金,2010301,行政运行,30101,基本工资,JB0000,基本支出,青川办公用品有限公司,="6222000000000188",某银行,100.00,办公,支付成功'];
    await writeCsv(db.dir, "yitihua.csv", header, rows);
    const run = await runJincai(db.dir, ["import", "payments", "yitihua.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 rows read, 1 applied, 0 rejected");
    expect(run.stderr.trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(
      [3, 6, 8, 10, 12, 14, 17].map((column) => `yitihua.csv:1:${column} IMPORT_UNKNOWN_COLUMN`),
    );
    expect((await runJincai(db.dir, ["payment", "YT0001"])).stdout).toContain("青川办公用品有限公司  6222000000000188");
  });

  it("reads a payment system's timestamps (2026-03-02 14:35:12, 20260302143512) as the payment's day, and refuses one with a zone", async () => {
    const row = (id: string, at: string) => `${id},${at},ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,时间戳,已支付,`;
    await writeCsv(db.dir, "timestamps.csv", CITY_PAYMENT_HEADER, [row("TS0001", "2026-03-02 14:35:12"), row("TS0002", "20260302143512")]);
    expect((await runJincai(db.dir, ["import", "payments", "timestamps.csv"])).stdout).toContain("2 rows read, 2 applied");
    expect((await runJincai(db.dir, ["payment", "TS0002"])).stdout).toContain("2026-03-02");
    await writeCsv(db.dir, "zoned.csv", CITY_PAYMENT_HEADER, [row("TS0003", "2026-03-02T14:35:12Z")]);
    expect((await runJincai(db.dir, ["import", "payments", "zoned.csv"])).stderr).toContain('zoned.csv:2:2 IMPORT_INVALID_DATE paid_on "2026-03-02T14:35:12Z" is not a date');
  });

  it("prints the issues as JSON lines with --json", async () => {
    const run = await runJincai(db.dir, ["import", "payments", "bad-payments.csv", "--json"]);
    expect(run.code).toBe(2);
    const issues = run.stderr.trim().split("\n").map((l) => JSON.parse(l) as { line: number; column: number; code: string });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toContain("7:11 TREASURY_EXCEEDS_QUOTA");
    expect(issues).toHaveLength(15);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { rowsRead: 17, applied: 0, heldBack: 2, rejected: 15, committed: false } });
  });
});
