import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_DIR, CITY_PAYMENT_HEADER, CITY_QUOTA_HEADER, cleanup, runJincai, tempDir, writeCsv } from "./_testing/run-jincai";

// 青川市 closes January (月结) after importing its first 399 payments, all dated in January.
let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  expect((await runJincai(dir, ["init", "--year", "2026", "--division", "990100"])).code).toBe(0);
  expect((await runJincai(dir, ["import", "agencies", join(CITY_DIR, "agencies.csv")])).code).toBe(0);
  expect((await runJincai(dir, ["import", "quotas", join(CITY_DIR, "quotas.csv")])).code).toBe(0);
  const january = (await readFile(join(CITY_DIR, "payments.csv"), "utf8")).split("\n").slice(0, 400).join("\n");
  await writeFile(join(dir, "january.csv"), `${january}\n`);
  const imported = await runJincai(dir, ["import", "payments", "january.csv"]);
  expect(imported.stdout).toContain("399 rows read, 399 applied");
});
afterAll(() => cleanup(dir));

describe("jincai close", () => {
  it("closes January once, says so when asked again, and lists the closed periods", async () => {
    const close = await runJincai(dir, ["close", "2026-01"]);
    expect(close.code).toBe(0);
    expect(close.stdout.trim()).toBe("2026-01-01..2026-01-31 (every book): closed");
    expect((await runJincai(dir, ["close", "2026-01-01..2026-01-31"])).stdout.trim()).toBe("2026-01-01..2026-01-31 (every book): already closed, nothing changed");
    expect((await runJincai(dir, ["close"])).stdout.trim()).toBe("2026-01-01..2026-01-31 (every book)");
    expect(JSON.parse((await runJincai(dir, ["close", "--json"])).stdout)).toEqual({ locks: [{ from: "2026-01-01", to: "2026-01-31" }] });
  });

  it("exits 2 on a text that is no period, or a period outside the fiscal year (closing cannot be undone)", async () => {
    const run = await runJincai(dir, ["close", "2026-13"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CLI_USAGE: period: "2026-13" is not a period or range');
    const typo = await runJincai(dir, ["close", "2031-05"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe("jincai: CLI_USAGE: period 2031-05: 2031-05-01..2031-05-31 is not within fiscal year 2026 of these settings, and closing cannot be undone");
    expect((await runJincai(dir, ["close", "2025-12..2026-01"])).code).toBe(2);
    expect((await runJincai(dir, ["close"])).stdout.trim()).toBe("2026-01-01..2026-01-31 (every book)");
  });

  it("rejects payments, refunds and quotas dated in the closed month at their date column", async () => {
    const rows = [
      "LATE001,2026-01-20,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000201,100.00,迟到的一月支付,已支付,",
      "FEB001,2026-02-03,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000202,100.00,二月支付,已支付,",
      // January's first payment, now returned by the bank (退票) on a day of the closed month.
      "ZF202600000001,2026-01-01,ZB202600245,106002,111,2080101,30205,JB0000,青川办公用品有限公司,6222509268374647,11397.63,日常支付,已退票,2026-01-30",
      "LATE002,2026-01-21,ZB202600001,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000204,100.00,迟到的一月提交,已提交,",
      // A January payment submitted on the 4th, reported paid on the 8th: a step in the closed month.
      "ZF202600000027,2026-01-08,ZB202600064,102002,121,2050202,30226,XM202610200202,青川交通运输集团,6222279694328317,17172.19,日常支付,已支付,",
    ];
    await writeCsv(dir, "late.csv", CITY_PAYMENT_HEADER, rows);
    const run = await runJincai(dir, ["import", "payments", "late.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      "late.csv:2:2 TREASURY_PERIOD_CLOSED payment LATE001: its date 2026-01-20 is in a closed period",
      "late.csv:4:14 TREASURY_PERIOD_CLOSED refund_date: payment ZF202600000001: the date 2026-01-30 is in a closed period",
      "late.csv:5:2 TREASURY_PERIOD_CLOSED payment LATE002: its date 2026-01-21 is in a closed period",
      "late.csv:6:2 TREASURY_PERIOD_CLOSED payment ZF202600000027: the date 2026-01-08 is in a closed period",
    ]);
    const quotas = ["ZJ0001,追加文号,追加,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,是,2026-01-15", "ZJ0002,追加文号,追加,2026,101001,111,2010301,30101,JB0000,直接支付,100.00,是,2026-02-15"];
    await writeCsv(dir, "added.csv", `${CITY_QUOTA_HEADER},下达日期`, quotas);
    const added = await runJincai(dir, ["import", "quotas", "added.csv", "--quarantine", "added-rejected.csv"]);
    expect(added.stderr.trim()).toBe("added.csv:2:13 BUDGET_PERIOD_CLOSED quota ZJ0001: issued_on 2026-01-15 is in a closed period");
    expect(added.stdout).toContain("2 rows read, 1 applied, 1 rejected");
  });

  it("still counts January's payments as imported, and verify passes", async () => {
    const again = await runJincai(dir, ["import", "payments", "january.csv"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 applied, 0 rejected, 399 duplicates skipped");
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });

  it("closes one book only with --book", async () => {
    const typo = await runJincai(dir, ["close", "2026-02", "--book", "qouta"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim()).toBe('jincai: CLI_USAGE: --book: no account is in book "qouta" (books: quota)');
    expect((await runJincai(dir, ["close", "2026-02", "--book", "quota"])).stdout.trim()).toBe("2026-02-01..2026-02-28 (book quota): closed");
    // April closed while March is open: allowed, and said.
    expect((await runJincai(dir, ["close", "2026-04", "--book", "quota"])).stdout.trim()).toBe(
      "2026-04-01..2026-04-30 (book quota): closed\nnote: 2026-03 is still open, before the period just closed",
    );
    const run = await runJincai(dir, ["import", "payments", "late.csv"]);
    expect(run.stderr).toContain("late.csv:3:2 TREASURY_PERIOD_CLOSED payment FEB001: its date 2026-02-03 is in a closed period");
  });
});
