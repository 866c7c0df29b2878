import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_DIR, CITY_PAYMENT_HEADER, CITY_QUOTA_HEADER, cleanup, runJincai, summaryJson, tempDir, totalFen, writeCsv } from "./_testing/run-jincai";

// One database with the whole sample city (26 agencies, 270 quota lines, 3000 payments), shared
// by the tests below in order: importing it once keeps the suite fast.
let dir: string;
const city = (name: string) => join(CITY_DIR, name);

beforeAll(async () => {
  dir = await tempDir();
  expect((await runJincai(dir, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
});
afterAll(() => cleanup(dir));

describe("jincai import (sample city 青川市)", () => {
  it("imports 26 agencies, 270 quota lines and 3000 payments with exit 0", async () => {
    const agencies = await runJincai(dir, ["import", "agencies", city("agencies.csv")]);
    expect(agencies.code).toBe(0);
    expect(agencies.stdout).toContain("26 rows read, 26 applied, 0 rejected");
    const quotas = await runJincai(dir, ["import", "quotas", city("quotas.csv")]);
    expect(quotas.code).toBe(0);
    expect(quotas.stdout).toContain("270 rows read, 270 applied, 0 rejected");
    const payments = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(payments.code).toBe(0);
    expect(payments.stdout).toContain("3000 rows read, 3000 applied, 0 rejected");
    expect(payments.stderr).toBe("");
    const rows = await summaryJson(dir);
    expect(rows).toHaveLength(26 - 6); // the summary lists agencies with quota lines
    expect(totalFen(rows, "quota")).toBe(4653450000n);
    expect(totalFen(rows, "paid")).toBeGreaterThan(0n);
  });

  it("names the agencies and codes beside their codes in the summary table and JSON, not in CSV", async () => {
    const table = await runJincai(dir, ["summary", "--by", "agency,function", "--level", "类"]);
    expect(table.stdout).toMatch(/^101001 市政府办公室本级 +201 一般公共服务支出 +[\d,]+\.\d\d /m);
    const json = await summaryJson(dir, ["--by", "agency,economic,fund", "--level", "款"]);
    expect(json[0]).toMatchObject({ agency: "101001", agencyName: "市政府办公室本级", economicCode: "30101", economicName: "基本工资", fundType: "111", fundName: "一般公共预算资金" });
    const csv = await runJincai(dir, ["summary", "--by", "agency", "--format", "csv"]);
    expect(csv.stdout.split("\n")[1]).toMatch(/^101001,\d/);
  });

  it("summarises a half year (--period 2026-H1, or 2026年上半年 as reports write it) as January to June", async () => {
    const period = (p: string) => summaryJson(dir, ["--by", "department", "--period", p]);
    const [h1, range, chinese, q1q2] = await Promise.all([period("2026-H1"), period("2026-01..2026-06"), period("2026年上半年"), period("2026年第一季度..2026-Q2")]);
    expect(h1).toEqual(range);
    expect(chinese).toEqual(range);
    expect(q1q2).toEqual(range);
    expect(totalFen(h1, "paid")).toBeGreaterThan(0n);
    expect(totalFen(h1, "paid")).toBeLessThan(totalFen(await summaryJson(dir, ["--by", "department"]), "paid"));
  });

  it("summarises by 主管部门 (--by department): the agencies of each department add up to the same totals", async () => {
    const [byDepartment, byAgency] = await Promise.all([summaryJson(dir, ["--by", "department"]), summaryJson(dir, ["--by", "agency"])]);
    expect(byDepartment.map((r) => [r["department"], r["departmentName"]])).toEqual([
      ["101", "青川市人民政府办公室"], ["102", "青川市教育局"], ["103", "青川市卫生健康委员会"],
      ["104", "青川市公安局"], ["105", "青川市农业农村局"], ["106", "青川市人力资源和社会保障局"],
    ]);
    for (const column of ["quota", "reserved", "paid", "available"] as const) expect(totalFen(byDepartment, column)).toBe(totalFen(byAgency, column));
    const table = await runJincai(dir, ["summary", "--by", "department,agency"]);
    expect(table.stdout).toMatch(/^101 青川市人民政府办公室 +101001 市政府办公室本级 +[\d,]+\.\d\d /m);
  });

  it("changes nothing when payments.csv is imported a second time", async () => {
    const before = await summaryJson(dir);
    const again = await runJincai(dir, ["import", "payments", city("payments.csv")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 applied, 0 rejected, 3000 duplicates skipped");
    expect(again.stdout).toContain("nothing changed");
    expect(await summaryJson(dir)).toEqual(before);
  });

  it("reports every bad row of bad-payments.csv with its code, exits 2 and writes nothing", async () => {
    await copyFile(city("bad-payments.csv"), join(dir, "bad-payments.csv"));
    const before = await summaryJson(dir);
    const run = await runJincai(dir, ["import", "payments", "bad-payments.csv"]);
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
    expect(await summaryJson(dir)).toEqual(before);
  });

  it("points a code mismatch at the column of the code that contradicts the quota", async () => {
    const rows = [
      "MIS0001,2026-03-01,ZB202600001,102001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000101,100.00,单位与指标不符,已支付,",
      "MIS0002,2026-03-01,ZB202600001,101001,111,2010301,30299,JB0000,青川办公用品有限公司,6222000000000102,100.00,经济科目与指标不符,已支付,",
      "MIS0003,2026-03-01,ZB202600001,101001,111,2010301,30101,XM999,青川办公用品有限公司,6222000000000103,100.00,项目与指标不符,已支付,",
      "MIS0004,2026-03-01,,101001,111,2010301,30101,,青川办公用品有限公司,6222000000000104,100.00,缺少项目无法匹配指标,已支付,",
    ];
    await writeCsv(dir, "mismatch.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(dir, ["import", "payments", "mismatch.csv"]);
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
    await writeCsv(dir, "subtotals-above-bad.csv", CITY_PAYMENT_HEADER, file("6.00"));
    const bad = await runJincai(dir, ["import", "payments", "subtotals-above-bad.csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("subtotals-above-bad.csv:5:11 IMPORT_TOTAL_MISMATCH amount: the 小计 row says 6.00, but the 1 row it totals sum to 5.00 (rows lost or changed?)");
    expect(bad.stdout).toContain("4 rows read, 0 applied, 1 rejected");
    await writeCsv(dir, "subtotals-above.csv", CITY_PAYMENT_HEADER, file("5.00"));
    const good = await runJincai(dir, ["import", "payments", "subtotals-above.csv"]);
    expect(good.code).toBe(0);
    expect(good.stderr).toContain("subtotals-above.csv:2:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 30.00 is the sum of the 2 rows it totals");
    expect(good.stdout).toContain("3 rows read, 3 applied, 0 rejected");
  });

  it("reads a fund type spelled out as payment systems export it (一般公共预算资金) as its code", async () => {
    const rows = [
      "FT0001,2026-03-01,,101001,一般公共预算资金,2010301,30101,JB0000,青川办公用品有限公司,6222000000000111,100.00,资金性质写全称,已支付,",
      "FT0002,2026-03-01,,101001,政府性基金,2010301,30101,JB0000,青川办公用品有限公司,6222000000000112,100.00,没有这类资金的指标,已支付,",
    ];
    await writeCsv(dir, "fund-names.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(dir, ["import", "payments", "fund-names.csv", "--dry-run"]);
    expect(run.stderr.trim()).toBe(
      "fund-names.csv:3:4 TREASURY_QUOTA_NOT_FOUND payment FT0002: no executable quota has fiscalYear 2026, agency 101001, fundType 121, functionCode 2010301, economicCode 30101, projectCode JB0000",
    );
    expect(run.stdout).toContain("2 rows read, 0 would apply, 1 rejected"); // FT0001 passed: a file with a bad row applies nothing
  });

  it("reads a payee account written in groups (6222 0000 …) as the same account, so a later export without spaces is a duplicate", async () => {
    const row = (account: string) => `AC0001,2026-03-01,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,${account},100.00,账号分组书写,已支付,`;
    await writeCsv(dir, "grouped.csv", CITY_PAYMENT_HEADER, [row("6222 0000 0000 0121")]);
    await writeCsv(dir, "plain.csv", CITY_PAYMENT_HEADER, [row("6222000000000121")]);
    expect((await runJincai(dir, ["import", "payments", "grouped.csv"])).stdout).toContain("1 rows read, 1 applied");
    expect((await runJincai(dir, ["import", "payments", "plain.csv"])).stdout).toContain("0 applied, 0 rejected, 1 duplicates skipped");
    expect((await runJincai(dir, ["payment", "AC0001"])).stdout).toContain("青川办公用品有限公司  6222000000000121");
  });

  it("reads codes and accounts an export wrote as Excel text (=\"0101\", '6222…), so a plain export of the same payment is a duplicate", async () => {
    const row = (id: string, agency: string, account: string, amount: string) =>
      `${id},2026-03-01,ZB202600001,${agency},111,2010301,30101,JB0000,青川办公用品有限公司,${account},${amount},Excel文本,已支付,`;
    await writeCsv(dir, "excel-text.csv", CITY_PAYMENT_HEADER, [
      row('="XT0001"', '="101001"', '="6222000000000131"', '="100.00"'),
      row("XT0002", "'101001", "'6222000000000132", "50.00"),
      `合计,,,,,,,,,,="150.00",,,`,
    ]);
    const run = await runJincai(dir, ["import", "payments", "excel-text.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    expect(run.stderr).toContain("its 150.00 is the sum of the 2 rows it totals");
    await writeCsv(dir, "excel-plain.csv", CITY_PAYMENT_HEADER, [row("XT0001", "101001", "6222000000000131", "100.00")]);
    expect((await runJincai(dir, ["import", "payments", "excel-plain.csv"])).stdout).toContain("0 applied, 0 rejected, 1 duplicates skipped");
    expect((await runJincai(dir, ["payment", "XT0001"])).stdout).toContain("青川办公用品有限公司  6222000000000131");
  });

  it("counts a flood of errors per code after the closing line (last year's quotas named throughout), and in JSON", async () => {
    const row = (k: number, quota: string, amount = "10.00") =>
      `LY${String(k).padStart(4, "0")},2026-03-01,${quota},101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,${amount},去年的指标,已支付,`;
    const rows = Array.from({ length: 30 }, (_, k) => row(k, `ZB2025${String(k).padStart(5, "0")}`));
    rows.push(row(30, "ZB202600001", "1.001"), row(31, "ZB202600001", "-1.00"));
    await writeCsv(dir, "last-year.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(dir, ["import", "payments", "last-year.csv", "--dry-run"]);
    expect(run.stderr.trim().split("\n")).toHaveLength(32);
    expect(run.stdout.trim().split("\n").at(-1)).toBe("last-year.csv: 32 errors by code: TREASURY_QUOTA_NOT_FOUND 30, IMPORT_INVALID_AMOUNT 2");
    const json = await runJincai(dir, ["import", "payments", "last-year.csv", "--dry-run", "--json"]);
    expect(JSON.parse(json.stdout).summary.errorsByCode).toEqual({ TREASURY_QUOTA_NOT_FOUND: 30, IMPORT_INVALID_AMOUNT: 2 });
  });

  it("imports a 预算管理一体化 payment export as it comes, code and name columns side by side, without a mapping", async () => {
    const header = "支付申请号,支付日期,支付时间,指标编号,预算单位代码,预算单位名称,资金性质代码,资金性质,功能分类代码,功能分类名称,部门经济分类代码,部门经济分类名称,项目代码,项目名称,收款人全称,收款人账号,收款人开户银行,支付金额,资金用途,支付状态";
    const rows = ['YT0001,2026-03-02,2026-03-02 10:11:12,ZB202600001,101001,市政府办公室本级,111,一般公共预算资金,2010301,行政运行,30101,基本工资,JB0000,基本支出,青川办公用品有限公司,="6222000000000188",某银行,100.00,办公,支付成功'];
    await writeCsv(dir, "yitihua.csv", header, rows);
    const run = await runJincai(dir, ["import", "payments", "yitihua.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 rows read, 1 applied, 0 rejected");
    expect(run.stderr.trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(
      [3, 6, 8, 10, 12, 14, 17].map((column) => `yitihua.csv:1:${column} IMPORT_UNKNOWN_COLUMN`),
    );
    expect((await runJincai(dir, ["payment", "YT0001"])).stdout).toContain("青川办公用品有限公司  6222000000000188");
  });

  it("reads a payment system's timestamps (2026-03-02 14:35:12, 20260302143512) as the payment's day, and refuses one with a zone", async () => {
    const row = (id: string, at: string) => `${id},${at},ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,时间戳,已支付,`;
    await writeCsv(dir, "timestamps.csv", CITY_PAYMENT_HEADER, [row("TS0001", "2026-03-02 14:35:12"), row("TS0002", "20260302143512")]);
    expect((await runJincai(dir, ["import", "payments", "timestamps.csv"])).stdout).toContain("2 rows read, 2 applied");
    expect((await runJincai(dir, ["payment", "TS0002"])).stdout).toContain("2026-03-02");
    await writeCsv(dir, "zoned.csv", CITY_PAYMENT_HEADER, [row("TS0003", "2026-03-02T14:35:12Z")]);
    expect((await runJincai(dir, ["import", "payments", "zoned.csv"])).stderr).toContain('zoned.csv:2:2 IMPORT_INVALID_DATE paid_on "2026-03-02T14:35:12Z" is not a date');
  });

  it("reads 是否可执行 as exports write it (可执行/不可执行, TRUE/FALSE, Y/N, √/×), and a 不可执行 line pays nothing", async () => {
    const line = (id: string, flag: string) => `${id},青财预〔2026〕9号,年初预算,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,${flag}`;
    const flags = ["可执行", "不可执行", "TRUE", "false", "Y", "n", "√", "×"];
    await writeCsv(dir, "flags.csv", CITY_QUOTA_HEADER, flags.map((f, i) => line(`QF000${i}`, f)));
    const run = await runJincai(dir, ["import", "quotas", "flags.csv"]);
    expect(run.stdout).toContain("8 rows read, 8 applied, 0 rejected");
    await writeCsv(dir, "on-closed-line.csv", CITY_PAYMENT_HEADER, [
      "QP0001,2026-03-02,QF0001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,不可执行,已支付,",
      "QP0002,2026-03-02,QF0000,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,可执行,已支付,",
    ]);
    const pay = await runJincai(dir, ["import", "payments", "on-closed-line.csv", "--dry-run"]);
    expect(pay.stderr).toMatch(/^on-closed-line\.csv:2:\d+ BUDGET_NOT_EXECUTABLE /);
    expect(pay.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reports each bad quota row at the column at fault, in words", async () => {
    const rows = [
      "ZB202600001,青财预〔2026〕1号,年初预算,2026,101001,111,2010301,30101,JB0000,直接支付,132500.00,是",
      "QX0001,文号,年初预算,2026,999999,111,2010301,30101,JB0000,直接支付,100.00,是",
      "QX0002,文号,年初预算,2025,101001,111,2010301,30101,JB0000,直接支付,100.00,是",
      "QX0003,文号,年初预算,2026,101001,111,2010388,30101,JB0000,直接支付,100.00,是",
      "QX0004,文号,年初预算,2026,101001,111,2010301,30177,JB0000,直接支付,100.00,是",
      "QX0005,文号,年初预算,2026,101001,111,20103,30101,JB0000,直接支付,100.00,是",
      "QX0006,文号,年初预算,2026,101001,111,2010301,301,JB0000,直接支付,100.00,是",
      "QX0007,文号,年初预算,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,也许",
      "QX0008,文号,单位自筹,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,是",
      "QX0009,文号,追加,2026,101001,111,2010301,30101,JB0000,电汇,100.00,是",
    ];
    await writeCsv(dir, "bad-quotas.csv", CITY_QUOTA_HEADER, rows);
    const run = await runJincai(dir, ["import", "quotas", "bad-quotas.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "bad-quotas.csv:2:11 BUDGET_QUOTA_CONFLICT quota ZB202600001 was loaded with amount 132,400.00; this line says 132,500.00 (a loaded line does not change: a 追加, 调剂 or 收回 is a line or adjustment of its own)",
      'bad-quotas.csv:3:5 BUDGET_UNKNOWN_AGENCY unknown agency "999999"',
      "bad-quotas.csv:4:4 BUDGET_INVALID_QUOTA fiscal_year: 2025 is not this database's fiscal year 2026 (jincai init --year)",
      "bad-quotas.csv:5:7 BUDGET_UNKNOWN_CODE function code 2010388 is not in the 2026 classification",
      "bad-quotas.csv:6:8 BUDGET_UNKNOWN_CODE economic-dept code 30177 is not in the 2026 classification",
      "bad-quotas.csv:7:7 BUDGET_NOT_LEAF function code 20103 is not a lowest-level (leaf) code in 2026",
      "bad-quotas.csv:8:8 BUDGET_NOT_LEAF gov_economic_code derived from economic_code 301: economic-gov code 501 is not a lowest-level (leaf) code in 2026; give gov_economic_code (政府经济科目)",
      'bad-quotas.csv:9:12 BUDGET_INVALID_QUOTA executable: "也许" is not 是/否 (or 可执行/不可执行, Y/N, 1/0)',
      'bad-quotas.csv:10:3 BUDGET_UNKNOWN_SOURCE source: unknown 指标来源 "单位自筹" (年初预算 1, 追加 2, 调剂 3, 结转 4, 上级转移支付 5; a mapping file\'s values translate others)',
      'bad-quotas.csv:11:10 BUDGET_UNKNOWN_PAYMENT_TYPE payment_type: unknown 支付方式 "电汇" (国库集中支付 1, 财政直接支付 11, 财政授权支付 12, 实拨 2; a mapping file\'s values translate others)',
    ]);
    expect(run.stdout).toContain("10 rows read, 0 applied, 10 rejected");
  });

  it("takes a code list in any order (项 before its 款 and 类), with its 类型 column as the README names it", async () => {
    await writeCsv(dir, "codes-any-order.csv", "科目编码,科目名称,类型", ["2999901,某项,支出功能", "29999,某款,支出功能", "299,某类,支出功能"]);
    const run = await runJincai(dir, ["import", "codes", "codes-any-order.csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    await writeCsv(dir, "codes-orphan.csv", "科目编码,科目名称,类型", ["2989901,无上级的项,支出功能"]);
    expect((await runJincai(dir, ["import", "codes", "codes-orphan.csv"])).stderr).toContain("codes-orphan.csv:2:1 CODE_PARENT_MISSING");
  });

  it("says which leading digit tells no kind when a code list has no 类型, and which kinds there are when one is unknown", async () => {
    await writeCsv(dir, "codes-no-kind.csv", "科目编码,科目名称", ["9990101,某科目"]);
    const run = await runJincai(dir, ["import", "codes", "codes-no-kind.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("codes-no-kind.csv:2:1 CODE_KIND_UNKNOWN code 9990101: no 类型/kind given, and no kind's codes start with 9 (1 收入, 2 支出功能, 3 部门经济, 5 政府经济): give its 类型");
    await writeCsv(dir, "codes-bad-kind.csv", "科目编码,科目名称,类型", ["2999901,某项,功能类"]);
    expect((await runJincai(dir, ["import", "codes", "codes-bad-kind.csv"])).stderr.trim()).toBe(
      'codes-bad-kind.csv:2:3 CODE_KIND_UNKNOWN kind: "功能类" is not a code kind (收入, 支出功能, 部门经济, 政府经济 or revenue, function, economic-dept, economic-gov)',
    );
  });

  it("asks for gov_economic_code when a new economic code has no mapping row to derive it from", async () => {
    await writeCsv(dir, "new-code.csv", "code,name,kind,year", ["30198,自定义工资项,economic-dept,2026"]);
    expect((await runJincai(dir, ["import", "codes", "new-code.csv"])).code).toBe(0);
    const rows = ["QM0001,文号,年初预算,2026,101001,111,2010301,30198,JB0000,直接支付,100.00,是,", "QM0002,文号,年初预算,2026,101001,111,2010301,30198,JB0000,直接支付,100.00,是,50199"];
    await writeCsv(dir, "unmapped.csv", `${CITY_QUOTA_HEADER},政府经济科目`, rows);
    const run = await runJincai(dir, ["import", "quotas", "unmapped.csv", "--quarantine", "unmapped-rejected.csv"]);
    expect(run.stderr.trim()).toBe(
      "unmapped.csv:2:8 CODE_MAPPING_MISSING economic_code: no government economic code for 30198 (行政) in 2026; give gov_economic_code (政府经济科目)",
    );
    expect(run.stdout).toContain("2 rows read, 1 applied, 1 rejected");
  });

  it("refuses agencies that would break the agency tree, so later commands keep working", async () => {
    const rows = [
      "108009,坏区划单位,101,行政,123456",
      "108003,新单位,101,行政,990100",
      "108003,新单位改名,101,行政,990100",
      "108003,新单位,101,行政,990100",
      "101,青川市人民政府办公室,101001,行政,990100",
      "101,青川市人民政府办公室,,行政,990200",
    ];
    await writeCsv(dir, "bad-agencies.csv", "单位编码,单位名称,上级单位,单位类型,财政区划", rows);
    const run = await runJincai(dir, ["import", "agencies", "bad-agencies.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "bad-agencies.csv:2:5 ORG_DIVISION_MISMATCH 108009 is in 123456 but its parent is in 990100",
      "bad-agencies.csv:4:1 ORG_AGENCY_DUPLICATE agency_code: 108003 appears earlier in this file with other fields",
      "bad-agencies.csv:6:3 ORG_CYCLE 101 is its own ancestor",
      "bad-agencies.csv:7:5 ORG_DIVISION_MISMATCH 101001 is in 990100 but its parent is in 990200",
    ]);
    expect(run.stdout).toContain("6 rows read, 0 applied, 4 rejected, 1 duplicates skipped");
    // With --quarantine the good row commits and the tree still loads everywhere.
    const kept = await runJincai(dir, ["import", "agencies", "bad-agencies.csv", "--quarantine", "rejected-agencies.csv"]);
    expect(kept.stdout).toContain("6 rows read, 1 applied, 4 rejected, 1 duplicates skipped");
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("takes an agency file in any order (a child before its parent, as an export sorted by name has it) and unit types as exports name them", async () => {
    const rows = [
      "109001,市审计局本级,109,行政单位",
      "109002,市审计局信息中心,109,全额拨款事业单位",
      "109,青川市审计局,,行政",
      "109003,市审计服务公司,109,国有企业",
      "109004,市审计协会,109,社团",
    ];
    await writeCsv(dir, "agencies-by-name.csv", "单位编码,单位名称,上级单位,单位类型", rows);
    const run = await runJincai(dir, ["import", "agencies", "agencies-by-name.csv"]);
    expect(run.stderr.trim()).toBe('agencies-by-name.csv:6:4 ORG_UNIT_TYPE_UNKNOWN agency_type: unknown unit type "社团" (行政, 参公, 事业, 企业, 其他, or their full names such as 事业单位)');
    const kept = await runJincai(dir, ["import", "agencies", "agencies-by-name.csv", "--quarantine", "rejected-by-name.csv"]);
    expect(kept.stdout).toContain("5 rows read, 4 applied, 1 rejected");
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("prints the issues as JSON lines with --json", async () => {
    const run = await runJincai(dir, ["import", "payments", "bad-payments.csv", "--json"]);
    expect(run.code).toBe(2);
    const issues = run.stderr.trim().split("\n").map((l) => JSON.parse(l) as { line: number; column: number; code: string });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toContain("7:11 TREASURY_EXCEEDS_QUOTA");
    expect(issues).toHaveLength(15);
    expect(JSON.parse(run.stdout)).toMatchObject({ summary: { rowsRead: 17, applied: 0, heldBack: 2, rejected: 15, committed: false } });
  });

  it("moves quota amounts between lines with a 调剂 file (源指标): each agency's quota changes, the city's total does not", async () => {
    const before = await summaryJson(dir);
    const quota = (rows: typeof before, agency: string) => totalFen(rows.filter((r) => r["agency"] === agency), "quota");
    const run = await runJincai(dir, ["import", "quotas", city("quota-reallocations.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    const after = await summaryJson(dir);
    // 50,000.00 leaves 101001 for 101002; 30,000.00 moves between two lines of 101001.
    expect(quota(after, "101001")).toBe(quota(before, "101001") - 5_000_000n);
    expect(quota(after, "101002")).toBe(quota(before, "101002") + 5_000_000n);
    expect(totalFen(after, "quota")).toBe(totalFen(before, "quota"));
    expect(totalFen(after, "available")).toBe(totalFen(before, "available"));
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
    const again = await runJincai(dir, ["import", "quotas", city("quota-reallocations.csv")]);
    expect(again.stdout).toContain("0 applied, 0 rejected, 2 duplicates skipped");
    // The new line exists from its 下达日期 (2026-07-01) on: a payment cannot spend it before.
    const pay = (date: string) => `RA0001,${date},ZB202600901,101002,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000121,100.00,调剂后支付,已支付,`;
    await writeCsv(dir, "early.csv", CITY_PAYMENT_HEADER, [pay("2026-06-30")]);
    const early = await runJincai(dir, ["import", "payments", "early.csv", "--dry-run"]);
    expect(early.stderr.trim()).toBe("early.csv:2:2 BUDGET_NOT_YET_ISSUED payment RA0001 is dated 2026-06-30, before quota ZB202600901 was issued on 2026-07-01");
    await writeCsv(dir, "on-time.csv", CITY_PAYMENT_HEADER, [pay("2026-07-01")]);
    expect((await runJincai(dir, ["import", "payments", "on-time.csv", "--dry-run"])).stdout).toContain("1 would apply, 0 rejected");
    // Nor can a further 调剂 move its amount on before then.
    const onward = "ZB202600906,青财预〔2026〕90号,调剂,2026,101002,111,2010301,30201,JB0000,直接支付,10.00,是,2026-06-15,ZB202600901";
    await writeCsv(dir, "onward.csv", `${CITY_QUOTA_HEADER},下达日期,源指标`, [onward]);
    const moved = await runJincai(dir, ["import", "quotas", "onward.csv", "--dry-run"]);
    expect(moved.stderr.trim()).toBe(
      "onward.csv:2:13 BUDGET_NOT_YET_ISSUED quota ZB202600906: dated 2026-06-15, before its origin quota ZB202600901 was issued on 2026-07-01",
    );
  });

  it("refuses a 调剂 larger than its origin's availability, from an unknown origin or from itself, at the column at fault", async () => {
    const header = `${CITY_QUOTA_HEADER},源指标`;
    const line = (id: string, amount: string, origin: string) => `${id},青财预〔2026〕89号,调剂,2026,101002,111,2010301,30201,JB0000,直接支付,${amount},是,${origin}`;
    await writeCsv(dir, "bad-reallocations.csv", header, [
      line("ZB202600903", "99000000.00", "ZB202600010"),
      line("ZB202600904", "1.00", "ZB209999999"),
      line("ZB202600905", "1.00", "ZB202600905"),
    ]);
    const run = await runJincai(dir, ["import", "quotas", "bad-reallocations.csv"]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^bad-reallocations\.csv:2:11 BUDGET_EXCEEDS_QUOTA quota ZB202600903: moving 99,000,000\.00 from quota ZB202600010 exceeds the [\d,.]+ available there$/);
    expect(lines.slice(1)).toEqual([
      "bad-reallocations.csv:3:13 BUDGET_QUOTA_NOT_FOUND quota ZB202600904: its origin quota ZB209999999 does not exist",
      "bad-reallocations.csv:4:13 BUDGET_INVALID_QUOTA quota ZB202600905 cannot move its amount from itself (originQuotaId)",
    ]);
    expect(run.stdout).toContain("3 rows read, 0 applied, 3 rejected");
  });

  it("moves amounts between loaded lines and gives some back (adjustments: 调剂, 收回), at the columns at fault when refused", async () => {
    const before = await summaryJson(dir);
    const run = await runJincai(dir, ["import", "adjustments", city("adjustments.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    const after = await summaryJson(dir);
    // 20,000.00 moves between two lines of 101001; 10,000.00 of 101001 goes back (收回).
    expect(totalFen(after, "quota")).toBe(totalFen(before, "quota") - 1_000_000n);
    expect(totalFen(after, "paid")).toBe(totalFen(before, "paid"));
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
    await writeCsv(dir, "bad-adjustments.csv", "调整单号,调整日期,源指标,调入指标,金额", [
      "X1,2026-09-01,ZB202600010,ZB202600002,9999999.00",
      "X2,2026-09-01,ZB209999999,ZB202600002,1.00",
      "X3,2026-09-01,ZB202600010,ZB209999999,1.00",
      "TZ2026-0001,2026-09-01,ZB202600010,ZB202600002,1.00",
      "X5,2027-01-05,ZB202600010,,1.00",
    ]);
    const bad = await runJincai(dir, ["import", "adjustments", "bad-adjustments.csv"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "bad-adjustments.csv:2:5 BUDGET_EXCEEDS_QUOTA",
      "bad-adjustments.csv:3:3 BUDGET_QUOTA_NOT_FOUND",
      "bad-adjustments.csv:4:4 BUDGET_QUOTA_NOT_FOUND",
      "bad-adjustments.csv:5:5 BUDGET_QUOTA_CONFLICT",
      "bad-adjustments.csv:6:2 BUDGET_OUTSIDE_FISCAL_YEAR",
    ]);
    expect(bad.stderr).toContain("bad-adjustments.csv:5:5 BUDGET_QUOTA_CONFLICT adjustment TZ2026-0001 was applied with amount 20,000.00; this row says 1.00");
    expect(bad.stderr).toContain("bad-adjustments.csv:6:2 BUDGET_OUTSIDE_FISCAL_YEAR adjustment X5: dated 2027-01-05, after fiscal year 2026 of quota ZB202600010 ended");
    expect(await summaryJson(dir)).toEqual(after);
  });

  it("takes the adjustments again from an export without 调整批次 as duplicates, not as conflicts over the batch", async () => {
    const before = await summaryJson(dir);
    await writeCsv(dir, "adjustments-no-batch.csv", "调整单号,调整日期,源指标,调入指标,金额", [
      "TZ2026-0001,2026-09-01,ZB202600010,ZB202600002,20000.00",
      "SH2026-0001,2026-12-20,ZB202600005,,10000.00",
    ]);
    const run = await runJincai(dir, ["import", "adjustments", "adjustments-no-batch.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 0 applied, 0 rejected, 2 duplicates skipped");
    expect(await summaryJson(dir)).toEqual(before);
  });
});
