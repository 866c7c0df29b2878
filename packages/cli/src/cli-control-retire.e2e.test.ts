import { join } from "node:path";
import { available } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { openConfiguredStore } from "./open-store";
import { usePgDatabase } from "./_testing/pg-database";
import { setControls } from "./_testing/set-controls";
import { PAYMENT_HEADER, cleanup, payment, runJincai, setupSmall, tempDir, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

// Quota lines of 101001: ZB1 30101 10,000.00; ZB2 30201 5,000.00; ZB3 30205 3,000.00. Control
// C302 caps economic 类 302 (ZB2 + ZB3) at 1,000.00, well under the lines' room.
const db = useSmallDatabase();
const pgUrl = usePgDatabase("jincai_retire");
const HEADER = `${PAYMENT_HEADER},用途,状态,退票日期`;
const c302 = (extra: object = {}) => ({ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy: "absolute", ...extra });

async function importRows(dir: string, rows: readonly string[]) {
  await writeFiles(dir, { "p.csv": [HEADER, ...rows, ""].join("\n") });
  return runJincai(dir, ["import", "payments", "p.csv"]);
}

/** What control C302 has used, reserved included (limit − available), in yuan, read through the store. */
async function c302Used(dir: string): Promise<string> {
  const store = await openConfiguredStore(await loadConfig(join(dir, "jincai.config.json")), dir);
  try {
    const [row] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    const fen = 100_000n - available(row!.balance);
    return `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
  } finally {
    await store.close();
  }
}

/** The lines of standard error other than threshold warnings. */
const errors = (stderr: string) => stderr.split("\n").filter((line) => line !== "" && !line.includes("THRESHOLD"));
const status = (line: string, s: string, refundDate = "") => `${line},,${s},${refundDate}`;

/**
 * Reserved and paid under C302 in June; C302 retired from July 1; a July payment over its limit
 * goes through, a June one imported later is still checked; the June payments' payment, rejection
 * and refund in July still move C302, and verify passes.
 */
async function retireMidYear(dir: string): Promise<void> {
  await setControls(dir, [c302()]);
  const june = await importRows(dir, [
    status(payment("R1", "ZB2", "30201", "600.00", "2026-06-10"), "已提交"),
    status(payment("R2", "ZB2", "30201", "50.00", "2026-06-10"), "已提交"),
    status(payment("P1", "ZB3", "30205", "300.00", "2026-06-11"), "已支付"),
  ]);
  expect(errors(june.stderr)).toEqual([]);
  expect(await c302Used(dir)).toBe("950.00");
  // P1, imported as paid, has no document: its control is found by its leg.
  expect((await runJincai(dir, ["payment", "P1"])).stdout).toContain("economic 30205  controls C302\n");

  await setControls(dir, [c302({ retired: "2026-07-01" })]);
  const july = await importRows(dir, [status(payment("N1", "ZB2", "30201", "500.00", "2026-07-02"), "已支付")]);
  expect(july.code).toBe(0);
  expect(july.stdout).toContain("control C302 retired from 2026-07-01: payments dated from then are not checked against it; those dated before keep their share of it");
  expect(await c302Used(dir)).toBe("950.00");
  expect((await runJincai(dir, ["payment", "N1"])).stdout).not.toContain("controls");

  // Dated before the retirement: C302 was in force that day, so it is checked and counted.
  const late = await importRows(dir, [status(payment("E1", "ZB3", "30205", "200.00", "2026-06-20"), "已支付")]);
  expect(late.code).toBe(1);
  expect(late.stderr).toContain("TREASURY_EXCEEDS_CONTROL payment E1: amount 200.00 exceeds the 50.00 available under control C302");

  // June's reservations paid, rejected and refunded in July move C302's legs as they move the lines.
  const after = await importRows(dir, [
    status(payment("R2", "ZB2", "30201", "50.00", "2026-07-05"), "已支付"),
    status(payment("R1", "ZB2", "30201", "600.00", "2026-07-06"), "已退回"),
    status(payment("P1", "ZB3", "30205", "300.00", "2026-06-11"), "已退票", "2026-07-07"),
  ]);
  expect(errors(after.stderr)).toEqual([]);
  expect(after.stdout).toContain("3 rows read, 3 applied, 0 rejected");
  expect(await c302Used(dir)).toBe("50.00");
  // The payment shows the control it keeps its share of as retired.
  expect((await runJincai(dir, ["payment", "R2"])).stdout).toContain("controls C302 (retired from 2026-07-01)");
  const verify = await runJincai(dir, ["verify", "--format", "json"]);
  expect(verify.code).toBe(0);
  expect(JSON.parse(verify.stdout).failures).toEqual([]);

  // Taken out of the settings, it is said to be retired, not still checked.
  await setControls(dir, []);
  const gone = await importRows(dir, [status(payment("N2", "ZB2", "30201", "900.00", "2026-07-08"), "已支付")]);
  expect(gone.code).toBe(0);
  expect(gone.stdout).toContain("control C302 (absolute limit 1,000.00) is not in jincai.config.json any more; it is retired from 2026-07-01: payments dated from then are not checked against it");
  expect(gone.stdout).not.toContain("still checked");
}

describe("jincai import payments with a control retired mid-year", () => {
  it("stops checking payments from its retirement date and keeps moving the legs of earlier ones", () => retireMidYear(db.dir));

  it("does the same on PostgreSQL", async () => {
    const dir = await tempDir();
    try {
      await setupSmall(dir, ["--pg", pgUrl()]);
      await retireMidYear(dir);
    } finally {
      await cleanup(dir);
    }
  }, 60_000);

  it("defines and retires a control configured as retired, and refuses to take its retirement back or move it", async () => {
    // Configured as retired from the start: defined and retired at once, so March is still checked.
    await setControls(db.dir, [c302({ retired: "2026-07-01" })]);
    const first = await importRows(db.dir, [status(payment("A1", "ZB2", "30201", "1200.00", "2026-03-01"), "已支付")]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("control C302 defined (absolute limit 1,000.00");
    expect(first.stdout).toContain("control C302 retired from 2026-07-01");
    expect(first.stderr).toContain("TREASURY_EXCEEDS_CONTROL payment A1");
    await setControls(db.dir, [c302()]);
    const back = await importRows(db.dir, [status(payment("A2", "ZB1", "30101", "1.00", "2026-03-01"), "已支付")]);
    expect(back.code).toBe(2);
    expect(back.stderr.trim()).toBe(
      'jincai: BUDGET_CONTROL_CONFLICT: control C302 was retired from 2026-07-01, but controls.0.retired in jincai.config.json is not given: a retirement cannot be taken back (keep "retired": "2026-07-01" on it, or configure a new control under another id)',
    );
    await setControls(db.dir, [c302({ retired: "2026-08-01" })]);
    const moved = await importRows(db.dir, [status(payment("A2", "ZB1", "30101", "1.00", "2026-03-01"), "已支付")]);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain("BUDGET_CONTROL_CONFLICT: control C302 was retired from 2026-07-01; now 2026-08-01");
  });

  it("refuses a retirement dated in a closed period, and names a retirement date outside the fiscal year", async () => {
    await setControls(db.dir, [c302()]);
    expect((await importRows(db.dir, [status(payment("A1", "ZB1", "30101", "1.00", "2026-03-01"), "已支付")])).code).toBe(0);
    expect((await runJincai(db.dir, ["close", "2026-06"])).code).toBe(0);
    await setControls(db.dir, [c302({ retired: "2026-06-15" })]);
    const closed = await importRows(db.dir, [status(payment("A2", "ZB1", "30101", "1.00", "2026-07-01"), "已支付")]);
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain("BUDGET_PERIOD_CLOSED: the ledger refused retiring control C302: its date is in a closed period");
    await setControls(db.dir, [c302({ retired: "2027-01-01" })]);
    const outside = await importRows(db.dir, [status(payment("A2", "ZB1", "30101", "1.00", "2026-07-01"), "已支付")]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("controls.0.retired: a date in fiscal year 2026");
  });
});
