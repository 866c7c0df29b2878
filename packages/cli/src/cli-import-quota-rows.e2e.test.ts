import { describe, expect, it } from "vitest";
import { city, useCityDatabase } from "./_testing/city-database";
import { CITY_PAYMENT_HEADER, CITY_QUOTA_HEADER, runJincai, summaryJson, totalFen, writeCsv } from "./_testing/run-jincai";

// Quota lines, codes and agencies as exports write them, the rows an import refuses, and quota
// moved between lines (调剂, 收回), against the whole sample city (imported once, shared by the
// tests below in order).
const db = useCityDatabase();

describe("jincai import quotas, codes, agencies and adjustments", () => {
  it("reads 是否可执行 as exports write it (可执行/不可执行, TRUE/FALSE, Y/N, √/×), and a 不可执行 line pays nothing", async () => {
    const line = (id: string, flag: string) => `${id},青财预〔2026〕9号,年初预算,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,${flag}`;
    const flags = ["可执行", "不可执行", "TRUE", "false", "Y", "n", "√", "×"];
    await writeCsv(db.dir, "flags.csv", CITY_QUOTA_HEADER, flags.map((f, i) => line(`QF000${i}`, f)));
    const run = await runJincai(db.dir, ["import", "quotas", "flags.csv"]);
    expect(run.stdout).toContain("8 rows read, 8 applied, 0 rejected");
    await writeCsv(db.dir, "on-closed-line.csv", CITY_PAYMENT_HEADER, [
      "QP0001,2026-03-02,QF0001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,不可执行,已支付,",
      "QP0002,2026-03-02,QF0000,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000131,10.00,可执行,已支付,",
    ]);
    const pay = await runJincai(db.dir, ["import", "payments", "on-closed-line.csv", "--dry-run"]);
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
    await writeCsv(db.dir, "bad-quotas.csv", CITY_QUOTA_HEADER, rows);
    const run = await runJincai(db.dir, ["import", "quotas", "bad-quotas.csv"]);
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
    await writeCsv(db.dir, "codes-any-order.csv", "科目编码,科目名称,类型", ["2999901,某项,支出功能", "29999,某款,支出功能", "299,某类,支出功能"]);
    const run = await runJincai(db.dir, ["import", "codes", "codes-any-order.csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    await writeCsv(db.dir, "codes-orphan.csv", "科目编码,科目名称,类型", ["2989901,无上级的项,支出功能"]);
    expect((await runJincai(db.dir, ["import", "codes", "codes-orphan.csv"])).stderr).toContain("codes-orphan.csv:2:1 CODE_PARENT_MISSING");
  });

  it("says which leading digit tells no kind when a code list has no 类型, and which kinds there are when one is unknown", async () => {
    await writeCsv(db.dir, "codes-no-kind.csv", "科目编码,科目名称", ["9990101,某科目"]);
    const run = await runJincai(db.dir, ["import", "codes", "codes-no-kind.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("codes-no-kind.csv:2:1 CODE_KIND_UNKNOWN code 9990101: no 类型/kind given, and no kind's codes start with 9 (1 收入, 2 支出功能, 3 部门经济, 5 政府经济): give its 类型");
    await writeCsv(db.dir, "codes-bad-kind.csv", "科目编码,科目名称,类型", ["2999901,某项,功能类"]);
    expect((await runJincai(db.dir, ["import", "codes", "codes-bad-kind.csv"])).stderr.trim()).toBe(
      'codes-bad-kind.csv:2:3 CODE_KIND_UNKNOWN kind: "功能类" is not a code kind (收入, 支出功能, 部门经济, 政府经济 or revenue, function, economic-dept, economic-gov)',
    );
  });

  it("asks for gov_economic_code when a new economic code has no mapping row to derive it from", async () => {
    await writeCsv(db.dir, "new-code.csv", "code,name,kind,year", ["30198,自定义工资项,economic-dept,2026"]);
    expect((await runJincai(db.dir, ["import", "codes", "new-code.csv"])).code).toBe(0);
    const rows = ["QM0001,文号,年初预算,2026,101001,111,2010301,30198,JB0000,直接支付,100.00,是,", "QM0002,文号,年初预算,2026,101001,111,2010301,30198,JB0000,直接支付,100.00,是,50199"];
    await writeCsv(db.dir, "unmapped.csv", `${CITY_QUOTA_HEADER},政府经济科目`, rows);
    const run = await runJincai(db.dir, ["import", "quotas", "unmapped.csv", "--quarantine", "unmapped-rejected.csv"]);
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
    await writeCsv(db.dir, "bad-agencies.csv", "单位编码,单位名称,上级单位,单位类型,财政区划", rows);
    const run = await runJincai(db.dir, ["import", "agencies", "bad-agencies.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "bad-agencies.csv:2:5 ORG_DIVISION_MISMATCH 108009 is in 123456 but its parent is in 990100",
      "bad-agencies.csv:4:1 ORG_AGENCY_DUPLICATE agency_code: 108003 appears earlier in this file with other fields",
      "bad-agencies.csv:6:3 ORG_CYCLE 101 is its own ancestor",
      "bad-agencies.csv:7:5 ORG_DIVISION_MISMATCH 101001 is in 990100 but its parent is in 990200",
    ]);
    expect(run.stdout).toContain("6 rows read, 0 applied, 4 rejected, 1 duplicates skipped");
    // With --quarantine the good row commits and the tree still loads everywhere.
    const kept = await runJincai(db.dir, ["import", "agencies", "bad-agencies.csv", "--quarantine", "rejected-agencies.csv"]);
    expect(kept.stdout).toContain("6 rows read, 1 applied, 4 rejected, 1 duplicates skipped");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });

  it("takes an agency file in any order (a child before its parent, as an export sorted by name has it) and unit types as exports name them", async () => {
    const rows = [
      "109001,市审计局本级,109,行政单位",
      "109002,市审计局信息中心,109,全额拨款事业单位",
      "109,青川市审计局,,行政",
      "109003,市审计服务公司,109,国有企业",
      "109004,市审计协会,109,社团",
    ];
    await writeCsv(db.dir, "agencies-by-name.csv", "单位编码,单位名称,上级单位,单位类型", rows);
    const run = await runJincai(db.dir, ["import", "agencies", "agencies-by-name.csv"]);
    expect(run.stderr.trim()).toBe('agencies-by-name.csv:6:4 ORG_UNIT_TYPE_UNKNOWN agency_type: unknown unit type "社团" (行政, 参公, 事业, 企业, 其他, or their full names such as 事业单位)');
    const kept = await runJincai(db.dir, ["import", "agencies", "agencies-by-name.csv", "--quarantine", "rejected-by-name.csv"]);
    expect(kept.stdout).toContain("5 rows read, 4 applied, 1 rejected");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });

  it("moves quota amounts between lines with a 调剂 file (源指标): each agency's quota changes, the city's total does not", async () => {
    const before = await summaryJson(db.dir);
    const quota = (rows: typeof before, agency: string) => totalFen(rows.filter((r) => r["agency"] === agency), "quota");
    const run = await runJincai(db.dir, ["import", "quotas", city("quota-reallocations.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    const after = await summaryJson(db.dir);
    // 50,000.00 leaves 101001 for 101002; 30,000.00 moves between two lines of 101001.
    expect(quota(after, "101001")).toBe(quota(before, "101001") - 5_000_000n);
    expect(quota(after, "101002")).toBe(quota(before, "101002") + 5_000_000n);
    expect(totalFen(after, "quota")).toBe(totalFen(before, "quota"));
    expect(totalFen(after, "available")).toBe(totalFen(before, "available"));
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    const again = await runJincai(db.dir, ["import", "quotas", city("quota-reallocations.csv")]);
    expect(again.stdout).toContain("0 applied, 0 rejected, 2 duplicates skipped");
    // The new line exists from its 下达日期 (2026-07-01) on: a payment cannot spend it before.
    const pay = (date: string) => `RA0001,${date},ZB202600901,101002,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000121,100.00,调剂后支付,已支付,`;
    await writeCsv(db.dir, "early.csv", CITY_PAYMENT_HEADER, [pay("2026-06-30")]);
    const early = await runJincai(db.dir, ["import", "payments", "early.csv", "--dry-run"]);
    expect(early.stderr.trim()).toBe("early.csv:2:2 BUDGET_NOT_YET_ISSUED payment RA0001 is dated 2026-06-30, before quota ZB202600901 was issued on 2026-07-01");
    await writeCsv(db.dir, "on-time.csv", CITY_PAYMENT_HEADER, [pay("2026-07-01")]);
    expect((await runJincai(db.dir, ["import", "payments", "on-time.csv", "--dry-run"])).stdout).toContain("1 would apply, 0 rejected");
    // Nor can a further 调剂 move its amount on before then.
    const onward = "ZB202600906,青财预〔2026〕90号,调剂,2026,101002,111,2010301,30201,JB0000,直接支付,10.00,是,2026-06-15,ZB202600901";
    await writeCsv(db.dir, "onward.csv", `${CITY_QUOTA_HEADER},下达日期,源指标`, [onward]);
    const moved = await runJincai(db.dir, ["import", "quotas", "onward.csv", "--dry-run"]);
    expect(moved.stderr.trim()).toBe(
      "onward.csv:2:13 BUDGET_NOT_YET_ISSUED quota ZB202600906: dated 2026-06-15, before its origin quota ZB202600901 was issued on 2026-07-01",
    );
  });

  it("refuses a 调剂 larger than its origin's availability, from an unknown origin or from itself, at the column at fault", async () => {
    const header = `${CITY_QUOTA_HEADER},源指标`;
    const line = (id: string, amount: string, origin: string) => `${id},青财预〔2026〕89号,调剂,2026,101002,111,2010301,30201,JB0000,直接支付,${amount},是,${origin}`;
    await writeCsv(db.dir, "bad-reallocations.csv", header, [
      line("ZB202600903", "99000000.00", "ZB202600010"),
      line("ZB202600904", "1.00", "ZB209999999"),
      line("ZB202600905", "1.00", "ZB202600905"),
    ]);
    const run = await runJincai(db.dir, ["import", "quotas", "bad-reallocations.csv"]);
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
    const before = await summaryJson(db.dir);
    const run = await runJincai(db.dir, ["import", "adjustments", city("adjustments.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    const after = await summaryJson(db.dir);
    // 20,000.00 moves between two lines of 101001; 10,000.00 of 101001 goes back (收回).
    expect(totalFen(after, "quota")).toBe(totalFen(before, "quota") - 1_000_000n);
    expect(totalFen(after, "paid")).toBe(totalFen(before, "paid"));
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    await writeCsv(db.dir, "bad-adjustments.csv", "调整单号,调整日期,源指标,调入指标,金额", [
      "X1,2026-09-01,ZB202600010,ZB202600002,9999999.00",
      "X2,2026-09-01,ZB209999999,ZB202600002,1.00",
      "X3,2026-09-01,ZB202600010,ZB209999999,1.00",
      "TZ2026-0001,2026-09-01,ZB202600010,ZB202600002,1.00",
      "X5,2027-01-05,ZB202600010,,1.00",
    ]);
    const bad = await runJincai(db.dir, ["import", "adjustments", "bad-adjustments.csv"]);
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
    expect(await summaryJson(db.dir)).toEqual(after);
  });

  it("takes the adjustments again from an export without 调整批次 as duplicates, not as conflicts over the batch", async () => {
    const before = await summaryJson(db.dir);
    await writeCsv(db.dir, "adjustments-no-batch.csv", "调整单号,调整日期,源指标,调入指标,金额", [
      "TZ2026-0001,2026-09-01,ZB202600010,ZB202600002,20000.00",
      "SH2026-0001,2026-12-20,ZB202600005,,10000.00",
    ]);
    const run = await runJincai(db.dir, ["import", "adjustments", "adjustments-no-batch.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 0 applied, 0 rejected, 2 duplicates skipped");
    expect(await summaryJson(db.dir)).toEqual(before);
  });
});
