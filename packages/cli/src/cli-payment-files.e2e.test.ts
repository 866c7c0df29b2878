import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { CITY_PAYMENT_HEADER, cleanup, runJincai, setupSmall, summaryJson, tempDir, useSmallDatabase, writeCsv } from "./_testing/run-jincai";

// A bureau's payment files day after day, on quota ZB3 (3,000.00 of 101001, economic 30205):
// cases that once came out wrong without a word, or stopped a whole file.
const db = useSmallDatabase();

const row = (number: string, date: string, amount: string, status = "已支付", refund = "") =>
  `${number},${date},ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,${amount},水费,${status},${refund}`;
const zb3 = async () => (await summaryJson(db.dir, ["--by", "economic"])).find((r) => r["economicCode"] === "30205")!;
const importDay = async (name: string, rows: readonly string[], ...flags: string[]) => {
  await writeCsv(db.dir, name, CITY_PAYMENT_HEADER, rows);
  return runJincai(db.dir, ["import", "payments", name, ...flags]);
};

describe("jincai import payments: files that repeat yesterday's rows", () => {
  it("checks availability in file order although the file starts with a row imported yesterday", async () => {
    expect((await importDay("day1.csv", [row("X1", "2026-03-01", "1000.00")])).code).toBe(0);
    // 2,000.00 are left: X2 fits, X3 does not (500.00 left at its row), whatever X1 did yesterday.
    const run = await importDay("day2.csv", [row("X1", "2026-03-01", "1000.00"), row("X2", "2026-03-02", "1500.00"), row("X3", "2026-03-03", "1000.00")], "--quarantine", "rej.csv");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("day2.csv:4:11 TREASURY_EXCEEDS_QUOTA payment X3: amount 1,000.00 exceeds the 500.00 available on quota ZB3");
    expect(await zb3()).toMatchObject({ paid: "2500.00", available: "500.00" });
  });

  it("refuses a row dated in a closed month at its row, with the others applied, when the file also repeats a row", async () => {
    expect((await importDay("day1.csv", [row("X1", "2026-01-10", "1000.00")])).code).toBe(0);
    expect((await runJincai(db.dir, ["close", "2026-01"])).code).toBe(0);
    const run = await importDay("day2.csv", [row("X1", "2026-01-10", "1000.00"), row("X2", "2026-01-31", "1500.00"), row("X3", "2026-02-03", "2000.00")], "--quarantine", "rej.csv");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("day2.csv:3:2 TREASURY_PERIOD_CLOSED payment X2: its date 2026-01-31 is in a closed period");
    expect(run.stdout).toContain("3 rows read, 1 applied, 1 rejected, 1 duplicates skipped");
    expect((await readFile(join(db.dir, "rej.csv"), "utf8")).split("\r\n")[1]).toMatch(/^X2,2026-01-31,/);
    expect(await zb3()).toMatchObject({ paid: "3000.00", available: "0.00" });
  });
});

describe("jincai import payments: rows that fit only on what an earlier row gave back", () => {
  it("takes new approved, refunded and rejected rows as it takes paid ones, each with its step", async () => {
    expect((await importDay("day1.csv", [row("Y1", "2026-03-01", "3000.00")])).code).toBe(0);
    // Y1's refund gives 3,000.00 back; each row after it fits only on that.
    const run = await importDay("day2.csv", [
      row("Y1", "2026-03-01", "3000.00", "已退票", "2026-03-05"),
      row("Y2", "2026-03-06", "2000.00", "已审核"),
      row("Y3", "2026-03-06", "500.00", "已退票", "2026-03-09"),
      row("Y4", "2026-03-07", "400.00", "已退回"),
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await zb3()).toMatchObject({ reserved: "2000.00", paid: "0.00", available: "1000.00" });
    const history = await runJincai(db.dir, ["payment", "Y2", "Y3", "Y4"]);
    expect(history.stdout).toContain("Y2  已审核 approved  2026-03-06");
    expect(history.stdout).toContain("Y3  已退票 refunded  2026-03-09");
    expect(history.stdout).toContain("Y4  已退回 rejected  2026-03-07");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });
});

describe("jincai import payments: a number recorded with other fields", () => {
  it("names the field that differs at its column, whatever the row's status", async () => {
    expect((await importDay("day1.csv", [row("W1", "2026-03-01", "100.00"), row("W2", "2026-03-01", "30.00", "已提交")])).code).toBe(0);
    const run = await importDay("day2.csv", [
      row("W1", "2026-03-01", "30.00", "已退票", "2026-03-05"),
      row("W2", "2026-03-01", "30.00", "已支付").replace("青川市自来水有限公司", "青川自来水公司"),
      row("W1", "2026-02-27", "100.00"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "day2.csv:2:11 TREASURY_PAYMENT_CONFLICT payment W1 was recorded with amount 100.00; this row says 30.00",
      "day2.csv:3:9 TREASURY_PAYMENT_CONFLICT payment W2 was recorded with payee 青川市自来水有限公司; this row says 青川自来水公司",
      "day2.csv:4:2 TREASURY_PAYMENT_CONFLICT payment W1 was recorded with date 2026-03-01; this row says 2026-02-27",
    ]);
  });
});

describe("jincai import payments: a later export without the 用途 or 经济科目 column", () => {
  // Only what every payment file has, the quota, the 状态: no 用途, no 经济科目, no 项目编码.
  const header = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,收款人,收款账号,金额,状态";
  const bare = (number: string, date: string, amount: string, status: string) =>
    `${number},${date},ZB3,101001,111,2010301,青川市自来水有限公司,6222000000000002,${amount},${status}`;

  it("takes the same payment again as a duplicate, and moves a stored one on, without a word about its purpose", async () => {
    expect((await importDay("day1.csv", [row("U1", "2026-03-01", "100.00"), row("U2", "2026-03-02", "200.00", "已提交")])).code).toBe(0);
    await writeCsv(db.dir, "day2.csv", header, [bare("U1", "2026-03-01", "100.00", "已支付"), bare("U2", "2026-03-04", "200.00", "已支付")]);
    const run = await runJincai(db.dir, ["import", "payments", "day2.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 rows read, 1 applied, 0 rejected, 1 duplicates skipped");
    expect(await zb3()).toMatchObject({ reserved: "0.00", paid: "300.00" });
    // What was recorded stays: the purpose 水费 of the first file.
    expect((await runJincai(db.dir, ["payment", "U2"])).stdout).toContain("水费");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });

  it("still refuses a file that has the column with another purpose, at the 用途 column", async () => {
    expect((await importDay("day1.csv", [row("U3", "2026-03-01", "100.00")])).code).toBe(0);
    const run = await importDay("day2.csv", [row("U3", "2026-03-01", "100.00").replace(",水费,", ",电费,")]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("day2.csv:2:12 TREASURY_PAYMENT_CONFLICT payment U3 was recorded with purpose 水费; this row says 电费");
  });
});

describe("jincai import payments: a status update without 指标编号 when two lines share the payment's dimensions", () => {
  // ZB4 has ZB3's agency, fund type, function, economic code and project.
  const zb4 = "ZB4,青财预〔2026〕4号,2026,101001,111,2010301,30205,JB0000,1000.00";
  const header = "支付单号,支付日期,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,状态";
  const unnamed = (number: string, date: string, status: string, functionCode = "2010301") =>
    `${number},${date},101001,111,${functionCode},30205,JB0000,青川市自来水有限公司,6222000000000002,100.00,${status}`;

  it("moves the stored payment on on its own quota, and leaves a new payment ambiguous", async () => {
    await writeCsv(db.dir, "zb4.csv", "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额", [zb4]);
    expect((await runJincai(db.dir, ["import", "quotas", "zb4.csv"])).code).toBe(0);
    const day1 = [row("V1", "2026-03-02", "100.00", "已提交").replace(",ZB3,", ",ZB4,"), row("V2", "2026-03-02", "100.00", "已提交")];
    expect((await importDay("day1.csv", day1)).code).toBe(0);
    await writeCsv(db.dir, "day2.csv", header, [unnamed("V1", "2026-03-05", "已支付"), unnamed("V2", "2026-03-05", "已支付", "2010302"), unnamed("V3", "2026-03-05", "已支付")]);
    const run = await runJincai(db.dir, ["import", "payments", "day2.csv", "--quarantine", "rej.csv"]);
    expect(run.stderr.trim().split("\n")).toEqual([
      "day2.csv:3:5 TREASURY_PAYMENT_CONFLICT payment V2 was recorded on quota ZB3, which has functionCode 2010301; this row says 2010302",
      "day2.csv:4:3 TREASURY_QUOTA_AMBIGUOUS payment V3 matches 2 quotas (ZB3, ZB4): give its 指标编号",
    ]);
    expect(run.stdout).toContain("3 rows read, 1 applied, 2 rejected");
    expect((await runJincai(db.dir, ["payment", "V1"])).stdout).toContain("V1  已支付 paid  2026-03-05");
    // Economic 30205 is ZB3 and ZB4: V2 still reserved on ZB3, V1 paid on ZB4.
    expect(await zb3()).toMatchObject({ reserved: "100.00", paid: "100.00" });
    // A file of only the required columns (no 经济科目, no 项目编码) moves V2 on too.
    await writeCsv(db.dir, "day3.csv", "支付单号,支付日期,单位编码,资金性质,功能科目,收款人,收款账号,金额,状态", ["V2,2026-03-06,101001,111,2010301,青川市自来水有限公司,6222000000000002,100.00,已审核"]);
    const day3 = await runJincai(db.dir, ["import", "payments", "day3.csv"]);
    expect(day3.stderr).toBe("");
    expect((await runJincai(db.dir, ["payment", "V2"])).stdout).toContain("V2  已审核 approved  2026-03-06");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });
});

describe("jincai import payments: a payment sent again after 已退回", () => {
  it("is refused naming its rejection, since a corrected payment needs a number of its own", async () => {
    expect((await importDay("day1.csv", [row("R1", "2026-03-02", "100.00", "已提交")])).code).toBe(0);
    expect((await importDay("day2.csv", [row("R1", "2026-03-03", "100.00", "已退回")])).code).toBe(0);
    const again = await importDay("day3.csv", [row("R1", "2026-03-05", "100.00", "已提交")]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      "day3.csv:2:2 TREASURY_PAYMENT_CONFLICT payment R1 was rejected (已退回) on 2026-03-03; a payment sent again after its rejection needs a new number (this row says submitted on 2026-03-05)",
    );
    // Yesterday's export, with R1 still 已提交 on the day it was submitted, changes nothing.
    expect((await importDay("day1-again.csv", [row("R1", "2026-03-02", "100.00", "已提交")])).stdout).toContain("nothing changed");
  });
});

describe("jincai import payments: a rejection after the year ends", () => {
  it("releases a stored payment's reservation (release is not bound to the year), but refuses a new payment dated then", async () => {
    expect((await importDay("day1.csv", [row("Y3", "2026-12-30", "900.00", "已提交")])).code).toBe(0);
    expect(await zb3()).toMatchObject({ reserved: "900.00" });
    const late = await importDay("day2.csv", [row("Y3", "2027-01-04", "900.00", "已退回")]);
    expect(late.stderr).toBe("");
    expect(late.code).toBe(0);
    expect(await zb3()).toMatchObject({ reserved: "0.00", available: "3000.00" });
    expect((await runJincai(db.dir, ["payment", "Y3"])).stdout).toContain("Y3  已退回 rejected  2027-01-04");
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    const fresh = await importDay("day3.csv", [row("Y4", "2027-01-04", "100.00", "已退回")]);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain("day3.csv:2:2 BUDGET_OUTSIDE_FISCAL_YEAR payment Y4 is dated 2027-01-04, outside fiscal year 2026");
  });
});

describe("jincai import payments: an unknown status", () => {
  it("is an input error (exit 2) at the status column, and the file's good rows wait for it", async () => {
    const run = await importDay("day1.csv", [row("S1", "2026-03-01", "100.00"), row("S2", "2026-03-01", "100.00", "处理中")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('day1.csv:3:13 IMPORT_INVALID_VALUE status: unknown payment status "处理中"');
    expect(run.stdout).toContain("2 rows read, 0 applied, 1 rejected, 0 duplicates skipped");
    expect(run.stdout).toContain("nothing written (the file has bad rows, so its 1 good row waits too; fix them or use --quarantine)");
    expect(await zb3()).toMatchObject({ paid: "0.00" });
  });
});

describe("jincai import payments: 退票日期", () => {
  it("takes a 退票日期 with no status as a refund, and refuses one beside another status", async () => {
    const header = CITY_PAYMENT_HEADER.replace(",状态", "");
    await writeCsv(db.dir, "refunds.csv", header, [row("N1", "2026-02-06", "100.00").replace(",已支付,", ",2026-02-09").replace(/,$/, "")]);
    const run = await runJincai(db.dir, ["import", "payments", "refunds.csv"]);
    expect(run.code).toBe(0);
    expect(await zb3()).toMatchObject({ paid: "0.00" });
    const both = await importDay("both.csv", [row("N2", "2026-02-06", "100.00", "已支付", "2026-02-09")]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('both.csv:2:14 TREASURY_INVALID_REFUND refund_date: 退票日期 2026-02-09 beside status "已支付": a refunded payment\'s status is 已退票 (or leave the status empty)');
  });

  it("refuses a refunded payment sent again with another 退票日期 instead of skipping it as a duplicate", async () => {
    expect((await importDay("day1.csv", [row("T1", "2026-03-01", "100.00", "已退票", "2026-03-05")])).code).toBe(0);
    const run = await importDay("day2.csv", [row("T1", "2026-03-01", "100.00", "已退票", "2026-04-07")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("day2.csv:2:14 TREASURY_PAYMENT_CONFLICT refund_date: payment T1 was refunded on 2026-03-05, this row says 2026-04-07");
    const again = await importDay("day3.csv", [row("T1", "2026-03-01", "100.00", "已退票", "2026-03-05")]);
    expect(again.stdout).toContain("nothing changed");
  });
});

describe("jincai import payments on PostgreSQL: a repeated row and a closed-month row take nothing from the rows after them", () => {
  const pgUrl = usePgDatabase("jincai_payment_files");
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await setupSmall(dir, ["--pg", pgUrl()]);
  });
  afterAll(() => cleanup(dir));

  it("checks each file in order against ZB3's 3,000.00, as on SQLite", async () => {
    const day = async (name: string, rows: readonly string[]) => {
      await writeCsv(dir, name, CITY_PAYMENT_HEADER, rows);
      return runJincai(dir, ["import", "payments", name, "--quarantine", `${name}.rej.csv`]);
    };
    expect((await day("day1.csv", [row("X1", "2026-01-10", "1000.00")])).code).toBe(0);
    expect((await runJincai(dir, ["close", "2026-01"])).code).toBe(0);
    const run = await day("day2.csv", [row("X1", "2026-01-10", "1000.00"), row("X2", "2026-01-31", "1500.00"), row("X3", "2026-02-03", "1500.00"), row("X4", "2026-02-04", "600.00")]);
    expect(run.stderr.trim().split("\n")).toEqual([
      "day2.csv:3:2 TREASURY_PERIOD_CLOSED payment X2: its date 2026-01-31 is in a closed period",
      "day2.csv:5:11 TREASURY_EXCEEDS_QUOTA payment X4: amount 600.00 exceeds the 500.00 available on quota ZB3",
    ]);
    const zb3pg = (await summaryJson(dir, ["--by", "economic"])).find((r) => r["economicCode"] === "30205")!;
    expect(zb3pg).toMatchObject({ paid: "2500.00", available: "500.00" });
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("takes a later export without 用途 as the same payment, moving a submitted one on", async () => {
    const header = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,收款人,收款账号,金额,状态";
    const bare = (number: string, date: string, amount: string, status: string) =>
      `${number},${date},ZB3,101001,111,2010301,青川市自来水有限公司,6222000000000002,${amount},${status}`;
    await writeCsv(dir, "u1.csv", CITY_PAYMENT_HEADER, [row("U1", "2026-03-01", "100.00"), row("U2", "2026-03-02", "200.00", "已提交")]);
    expect((await runJincai(dir, ["import", "payments", "u1.csv"])).code).toBe(0);
    await writeCsv(dir, "u2.csv", header, [bare("U1", "2026-03-01", "100.00", "已支付"), bare("U2", "2026-03-04", "200.00", "已支付")]);
    const run = await runJincai(dir, ["import", "payments", "u2.csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("2 rows read, 1 applied, 0 rejected, 1 duplicates skipped");
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("moves a stored payment on from a row without 指标编号 although two lines share its dimensions", async () => {
    // Issued in February: January is closed.
    await writeCsv(dir, "zb4.csv", "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额,下达日期", ["ZB4,青财预〔2026〕4号,2026,101001,111,2010301,30205,JB0000,1000.00,2026-02-02"]);
    expect((await runJincai(dir, ["import", "quotas", "zb4.csv"])).code).toBe(0);
    await writeCsv(dir, "v1.csv", CITY_PAYMENT_HEADER, [row("V1", "2026-03-02", "100.00", "已提交").replace(",ZB3,", ",ZB4,")]);
    expect((await runJincai(dir, ["import", "payments", "v1.csv"])).code).toBe(0);
    const header = "支付单号,支付日期,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,状态";
    const unnamed = (number: string) => `${number},2026-03-05,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,100.00,已支付`;
    await writeCsv(dir, "v2.csv", header, [unnamed("V1"), unnamed("V3")]);
    const run = await runJincai(dir, ["import", "payments", "v2.csv", "--quarantine", "v2.rej.csv"]);
    expect(run.stderr.trim()).toBe("v2.csv:3:3 TREASURY_QUOTA_AMBIGUOUS payment V3 matches 2 quotas (ZB3, ZB4): give its 指标编号");
    expect((await runJincai(dir, ["payment", "V1"])).stdout).toContain("V1  已支付 paid  2026-03-05");
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });
});

describe("jincai import payments: a quota held at economic 类", () => {
  it("takes a payment on a 款 of the year's list under it, and refuses a 款 the list does not have, at its column", async () => {
    await writeCsv(db.dir, "q302.csv", "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,政府经济科目,项目编码,金额", [
      "ZBL3,青财预〔2026〕3号,2026,101001,111,2010301,302,50201,JB0000,1000.00",
    ]);
    expect((await runJincai(db.dir, ["import", "quotas", "q302.csv"])).code).toBe(0);
    const on = (number: string, economic: string) => `${number},2026-03-02,ZBL3,101001,111,2010301,${economic},JB0000,青川会务服务中心,6222000000000003,10.00,会议费,已支付,`;
    const run = await importDay("l3.csv", [on("L1", "30215"), on("L2", "30288")], "--quarantine", "rej.csv");
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`l3.csv:3:7 CODE_UNKNOWN payment L2: economicCode "30288" is not a 款 of 2026's departmental economic classification under 302, which quota ZBL3 holds`);
    expect((await summaryJson(db.dir, ["--by", "economic"])).find((r) => r["economicCode"] === "302")).toMatchObject({ paid: "10.00", available: "990.00" });
  });
});

describe("jincai import payments: partial refunds (退票金额, 退票编号)", () => {
  const header = `${CITY_PAYMENT_HEADER},退票金额,退票编号`;
  const refundRow = (date: string, amount: string, number: string, status = "已退票") =>
    `${row("P1", "2026-03-01", "1000.00", status, date)},${amount},${number}`;

  it("gives back only the 退票金额, tells refunds apart by 退票编号, and refuses more than is left at the refund amount's column", async () => {
    expect((await importDay("day1.csv", [row("P1", "2026-03-01", "1000.00")])).code).toBe(0);
    await writeCsv(db.dir, "day2.csv", header, [refundRow("2026-03-15", "300.00", "T1"), refundRow("2026-03-20", "200.00", "T2")]);
    expect((await runJincai(db.dir, ["import", "payments", "day2.csv"])).code).toBe(0);
    expect(await zb3()).toMatchObject({ paid: "500.00", available: "2500.00" });
    // The same export again changes nothing; a third refund of more than is left is refused.
    expect((await runJincai(db.dir, ["import", "payments", "day2.csv"])).stdout).toContain("2 duplicates skipped");
    await writeCsv(db.dir, "day3.csv", header, [refundRow("2026-03-25", "600.00", "T3")]);
    const over = await runJincai(db.dir, ["import", "payments", "day3.csv"]);
    expect(over.code).toBe(1);
    expect(over.stderr.trim()).toBe("day3.csv:2:15 TREASURY_INVALID_REFUND refund_amount: payment P1: a refund of 600.00 is not within 0.01..500.00, what is left of the payment");
    const shown = (await runJincai(db.dir, ["payment", "P1"])).stdout;
    expect(shown).toContain("refunded 500.00");
    expect(shown).toMatch(/T1\s+300\.00\s+2026-03-15/);
  });

  it("refuses a 退票金额 beside another status, and one larger than the payment, before anything is written", async () => {
    await writeCsv(db.dir, "bad.csv", header, [`${row("P2", "2026-03-01", "100.00")},30.00,`, `${row("P3", "2026-03-01", "100.00", "已退票", "2026-03-05")},300.00,`]);
    const run = await runJincai(db.dir, ["import", "payments", "bad.csv", "--quarantine", "rej.csv"]);
    expect(run.stderr.trim().split("\n")).toEqual([
      'bad.csv:2:15 TREASURY_INVALID_REFUND refund_amount: 退票金额 beside status "已支付": only a refunded payment (已退票, with its 退票日期) has one',
      "bad.csv:3:15 TREASURY_INVALID_REFUND refund_amount: 退票金额 300.00 is more than the payment's 100.00",
    ]);
    // Nothing applied: the closing line says so rather than "committed".
    expect(run.stdout).toContain("0 applied, 2 rejected, 0 duplicates skipped");
    expect(run.stdout).toContain("nothing applied (the 2 rejected rows were set aside)");
    expect(await zb3()).toMatchObject({ paid: "0.00" });
  });
});

describe("jincai import payments: day files imported out of order", () => {
  it("takes day 1's rows after day 2's as duplicates with a TREASURY_OLDER_ROW warning each, exit 0, the books as day 2 left them", async () => {
    const day2 = [row("A1", "2026-03-03", "100.00", "已审核"), row("B1", "2026-03-04", "100.00", "已支付"), row("C1", "2026-03-05", "100.00", "已退回")];
    const day1 = [row("A1", "2026-03-02", "100.00", "已提交"), row("B1", "2026-03-03", "100.00", "已审核"), row("C1", "2026-03-04", "100.00", "已审核")];
    await writeCsv(db.dir, "day2.csv", CITY_PAYMENT_HEADER, day2);
    await writeCsv(db.dir, "day1.csv", CITY_PAYMENT_HEADER, day1);
    const run = await runJincai(db.dir, ["import", "payments", "day2.csv", "day1.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("day1.csv: 3 rows read, 0 applied, 0 rejected, 3 duplicates skipped");
    expect(run.stderr.trim().split("\n")).toEqual([
      "day1.csv:2:2 TREASURY_OLDER_ROW payment A1: this row says submitted on 2026-03-02, an older file's; it was recorded submitted on 2026-03-03 from a later file, and that stays",
      "day1.csv:3:2 TREASURY_OLDER_ROW payment B1: this row says approved on 2026-03-03, an older file's; the payment was recorded paid on 2026-03-04 from a later file, without that step, and that stays",
      "day1.csv:4:2 TREASURY_OLDER_ROW payment C1: this row says approved on 2026-03-04, an older file's; the payment was recorded rejected on 2026-03-05 from a later file, without that step, and that stays",
    ]);
    // Economic 30205 is ZB3 and ZB4: V2 still reserved on ZB3, V1 paid on ZB4.
    expect(await zb3()).toMatchObject({ reserved: "100.00", paid: "100.00" });
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });
});

describe("jincai payment --json", () => {
  it("writes every payment's fields in one order, a historic paid one (read from its transfer) as a submitted one (from its document)", async () => {
    expect((await importDay("day1.csv", [row("J1", "2026-03-01", "100.00"), row("J2", "2026-03-02", "50.00", "已提交")])).code).toBe(0);
    const shown = JSON.parse((await runJincai(db.dir, ["payment", "J1", "J2", "--json"])).stdout) as Record<string, unknown>[];
    expect(shown.map((p) => [p["paymentNumber"], p["status"], p["amount"]])).toEqual([["J1", "paid", "100.00"], ["J2", "submitted", "50.00"]]);
    const order = [
      "paymentNumber", "date", "payeeName", "payeeAccount", "amount", "purpose", "quotaId", "agency", "fundType", "functionCode",
      "projectCode", "economicCode", "status", "paidAmount", "refundedAmount", "controlIds", "events", "refunds",
    ];
    expect(Object.keys(shown[0]!)).toEqual(order);
    expect(Object.keys(shown[1]!)).toEqual(order);
  });
});
