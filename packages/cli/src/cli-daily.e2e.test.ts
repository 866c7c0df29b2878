import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { CITY_DIR, CITY_PAYMENT_HEADER, cleanup, runJincai, summaryJson, tempDir, writeCsv } from "./_testing/run-jincai";

// The payment system's export of each day repeats a payment as its status moves on. Day 1:
// ST001 and ST003 submitted (已提交), ST002 paid. Day 2: ST001 paid on 4 March, ST002 refunded,
// ST003 paid and refunded. The same scenario on SQLite and on PostgreSQL.
const row = (number: string, date: string, amount: string, status: string, refund = "") =>
  `${number},${date},ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,62220000000${number.slice(2)},${amount},日常支付,${status},${refund}`;
const DAY1 = [row("ST001", "2026-03-01", "100.00", "已提交"), row("ST002", "2026-03-01", "200.00", "已支付"), row("ST003", "2026-03-02", "300.00", "已提交")];
const DAY2 = [row("ST001", "2026-03-04", "100.00", "已支付"), row("ST002", "2026-03-01", "200.00", "已退票", "2026-03-09"), row("ST003", "2026-03-02", "300.00", "已退票", "2026-03-10")];

const pgUrl = usePgDatabase("jincai_daily");

describe.each(["sqlite", "postgres"])("daily payment exports on %s", (store) => {
  let dir: string;
  const agency101001 = async () => (await summaryJson(dir)).find((r) => r["agency"] === "101001")!;

  beforeAll(async () => {
    dir = await tempDir();
    const init = ["init", "--year", "2026", "--division", "990100", ...(store === "postgres" ? ["--pg", pgUrl()] : [])];
    expect((await runJincai(dir, init)).code).toBe(0);
    expect((await runJincai(dir, ["import", "agencies", join(CITY_DIR, "agencies.csv")])).code).toBe(0);
    expect((await runJincai(dir, ["import", "quotas", join(CITY_DIR, "quotas.csv")])).code).toBe(0);
    await writeCsv(dir, "day1.csv", CITY_PAYMENT_HEADER, DAY1);
    await writeCsv(dir, "day2.csv", CITY_PAYMENT_HEADER, DAY2);
  });
  afterAll(() => cleanup(dir));

  it("day 1: reserves the submitted payments and pays the paid one", async () => {
    const run = await runJincai(dir, ["import", "payments", "day1.csv"]);
    expect(run.stdout).toContain("3 rows read, 3 applied, 0 rejected");
    expect(await agency101001()).toMatchObject({ reserved: "400.00", paid: "200.00" });
  });

  it("day 2: pays ST001, refunds ST002, pays and refunds ST003, each counted as applied and audited", async () => {
    const run = await runJincai(dir, ["import", "payments", "day2.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3 rows read, 3 applied, 0 rejected, 0 duplicates skipped");
    expect(await agency101001()).toMatchObject({ reserved: "0.00", paid: "100.00" });
    const audit = await runJincai(dir, ["audit", "verify"]);
    expect(audit.stdout).toContain("audit: 4 events"); // agencies, quotas, day 1, day 2
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("looks the payments up with their histories, and exits 2 for an unknown number", async () => {
    const run = await runJincai(dir, ["payment", "ST001", "ST003", "ST404"]);
    expect(run.code).toBe(2);
    // Beside the status, the day it was reached: paid on 4 March, though submitted on the 1st.
    expect(run.stdout).toContain("ST001  已支付 paid  2026-03-04");
    expect(run.stdout).toContain("  line      agency 101001  fund 111  function 2010301  project JB0000");
    expect(run.stdout).toContain("  history   2026-03-01 submitted, 2026-03-04 approved, 2026-03-04 paid");
    expect(run.stdout).toContain("  refund    ST003-R  300.00  2026-03-10");
    expect(run.stderr.trim()).toBe("jincai: TREASURY_PAYMENT_NOT_FOUND: no payment ST404");
    const json = JSON.parse((await runJincai(dir, ["payment", "ST002", "--json"])).stdout);
    expect(json).toEqual([
      expect.objectContaining({
        paymentNumber: "ST002", status: "refunded", amount: "200.00", paidAmount: "200.00", refundedAmount: "200.00",
        agency: "101001", fundType: "111", functionCode: "2010301", projectCode: "JB0000",
        events: [{ status: "paid", date: "2026-03-01" }, { status: "refunded", date: "2026-03-09" }],
        refunds: [{ refundNumber: "ST002-R", amount: "200.00", date: "2026-03-09" }],
      }),
    ]);
  });

  it("changes nothing when either day is imported again, in any order", async () => {
    for (const file of ["day2.csv", "day1.csv"]) {
      const run = await runJincai(dir, ["import", "payments", file]);
      expect(run.stdout).toContain("0 applied, 0 rejected, 3 duplicates skipped");
    }
    expect(await agency101001()).toMatchObject({ reserved: "0.00", paid: "100.00" });
  });

  it("takes an older export's submitted rows of payments that moved on as duplicates, and names a date that disagrees", async () => {
    // ST002 was imported as paid (its submission never stored): submitted before that is consistent.
    const older = [row("ST002", "2026-02-27", "200.00", "已提交"), row("ST003", "2026-03-02", "300.00", "已提交"), row("ST001", "2026-03-02", "100.00", "已提交")];
    await writeCsv(dir, "day0.csv", CITY_PAYMENT_HEADER, older);
    const run = await runJincai(dir, ["import", "payments", "day0.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      "day0.csv:4:2 TREASURY_PAYMENT_CONFLICT payment ST001 exists with other fields: it was submitted on 2026-03-01, this row says submitted on 2026-03-02",
    );
    expect(run.stdout).toContain("3 rows read, 0 applied, 1 rejected, 2 duplicates skipped");
    expect(await agency101001()).toMatchObject({ reserved: "0.00", paid: "100.00" });
  });

  it("approves (已审核) and rejects (已退回) payments, new or stored, and refuses to reject a paid one", async () => {
    const rows = [
      row("ST004", "2026-03-05", "400.00", "已提交"),
      row("ST005", "2026-03-05", "500.00", "已审核"),
      row("ST006", "2026-03-05", "600.00", "已退回"),
    ];
    await writeCsv(dir, "day3.csv", CITY_PAYMENT_HEADER, rows);
    expect((await runJincai(dir, ["import", "payments", "day3.csv"])).stdout).toContain("3 rows read, 3 applied, 0 rejected");
    expect(await agency101001()).toMatchObject({ reserved: "900.00", paid: "100.00" });
    const next = [
      row("ST004", "2026-03-05", "400.00", "已退回"),
      row("ST005", "2026-03-05", "500.00", "已审核"),
      row("ST006", "2026-03-05", "600.00", "已退回"),
      row("ST001", "2026-03-04", "100.00", "已退回"),
    ];
    await writeCsv(dir, "day4.csv", CITY_PAYMENT_HEADER, next);
    const run = await runJincai(dir, ["import", "payments", "day4.csv", "--quarantine", "day4-rejected.csv"]);
    expect(run.stdout).toContain("4 rows read, 1 applied, 1 rejected, 2 duplicates skipped");
    expect(run.stderr.trim()).toBe("day4.csv:5:13 TREASURY_INVALID_TRANSITION payment ST001 is paid; it cannot become rejected");
    expect(await agency101001()).toMatchObject({ reserved: "500.00", paid: "100.00" });
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("closes March: a late March payment is rejected at its date, a March payment imported before stays a duplicate", async () => {
    expect((await runJincai(dir, ["close", "2026-03"])).stdout.trim()).toBe(
      "2026-03-01..2026-03-31 (every book): closed\nnote: 2026-01 is still open, before the period just closed",
    );
    await writeCsv(dir, "late.csv", CITY_PAYMENT_HEADER, [row("ST007", "2026-03-30", "70.00", "已支付"), DAY2[0]!]);
    const run = await runJincai(dir, ["import", "payments", "late.csv"]);
    expect(run.stderr.trim()).toBe("late.csv:2:2 TREASURY_PERIOD_CLOSED payment ST007: its date 2026-03-30 is in a closed period");
    expect(run.stdout).toContain("2 rows read, 0 applied, 1 rejected, 1 duplicates skipped");
  });

  it("still rejects a payment number that comes back as another payment", async () => {
    await writeCsv(dir, "day5.csv", CITY_PAYMENT_HEADER, [row("ST001", "2026-03-04", "150.00", "已支付")]);
    const run = await runJincai(dir, ["import", "payments", "day5.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("day5.csv:2:11 TREASURY_PAYMENT_CONFLICT payment ST001 was recorded with amount 100.00; this row says 150.00");
  });
});
