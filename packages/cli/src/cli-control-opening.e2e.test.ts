import { join } from "node:path";
import { available } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { openConfiguredStore } from "./open-store";
import { usePgDatabase } from "./_testing/pg-database";
import { setControls } from "./_testing/set-controls";
import { PAYMENT_HEADER, cleanup, payment, runJincai, setupSmall, tempDir, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

// Quota lines of 101001: ZB1 30101 10,000.00; ZB2 30201 5,000.00; ZB3 30205 3,000.00. Control
// C302 caps economic 类 302 (ZB2 + ZB3) at 1,000.00 and is added after payments were imported.
const db = useSmallDatabase();
const pgUrl = usePgDatabase("jincai_opening");
const HEADER = `${PAYMENT_HEADER},用途,状态,退票日期`;
const C302 = { id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy: "absolute" };
const status = (line: string, s: string, refundDate = "") => `${line},,${s},${refundDate}`;
/** The lines of standard error other than threshold warnings. */
const errors = (stderr: string) => stderr.split("\n").filter((line) => line !== "" && !line.includes("THRESHOLD"));

async function importRows(dir: string, rows: readonly string[]) {
  await writeFiles(dir, { "p.csv": [HEADER, ...rows, ""].join("\n") });
  return runJincai(dir, ["import", "payments", "p.csv"]);
}

/** What control C302 has used, reserved included (limit − available), in fen, read through the store. */
async function c302Used(dir: string): Promise<bigint> {
  const store = await openConfiguredStore(await loadConfig(join(dir, "jincai.config.json")), dir);
  try {
    const [row] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    return 100_000n - available(row!.balance);
  } finally {
    await store.close();
  }
}

/**
 * Payments reserved and paid in June; C302 defined afterwards takes them over; in July one is
 * rejected (reservation then void), one refunded (paid then refund), one paid: C302 ends at
 * exactly what its payments hold, so a payment of all the rest fits and one more yuan does not.
 */
async function openingThenRelease(dir: string): Promise<void> {
  const june = await importRows(dir, [
    status(payment("R1", "ZB2", "30201", "600.00", "2026-06-10"), "已提交"),
    status(payment("R2", "ZB2", "30201", "50.00", "2026-06-10"), "已提交"),
    status(payment("P1", "ZB3", "30205", "300.00", "2026-06-11"), "已支付"),
    status(payment("O1", "ZB1", "30101", "700.00", "2026-06-11"), "已支付"), // 类 301: not C302's
  ]);
  expect(errors(june.stderr)).toEqual([]);
  await setControls(dir, [C302]);
  const defined = await importRows(dir, [status(payment("O2", "ZB1", "30101", "1.00", "2026-07-01"), "已支付")]);
  expect(defined.code).toBe(0);
  expect(defined.stdout).toContain(
    "control C302 defined (absolute limit 1,000.00): its 2 quota lines have already used or reserved 950.00, which it counts (3 payments: what is later rejected or refunded of them is given back to it)",
  );
  expect(await c302Used(dir)).toBe(95_000n);

  const july = await importRows(dir, [
    status(payment("R1", "ZB2", "30201", "600.00", "2026-07-06"), "已退回"),
    status(payment("P1", "ZB3", "30205", "300.00", "2026-06-11"), "已退票", "2026-07-07"),
    status(payment("R2", "ZB2", "30201", "50.00", "2026-07-05"), "已支付"),
  ]);
  expect(errors(july.stderr)).toEqual([]);
  expect(july.stdout).toContain("3 rows read, 3 applied, 0 rejected");
  // Only R2's 50.00 is left: exactly what its matched payments hold.
  expect(await c302Used(dir)).toBe(5_000n);
  const rest = await importRows(dir, [status(payment("N1", "ZB3", "30205", "950.00", "2026-07-08"), "已支付")]);
  expect(errors(rest.stderr)).toEqual([]);
  const over = await importRows(dir, [status(payment("N2", "ZB2", "30201", "0.01", "2026-07-08"), "已支付")]);
  expect(over.code).toBe(1);
  expect(over.stderr).toContain("TREASURY_EXCEEDS_CONTROL payment N2: amount 0.01 exceeds the 0.00 available under control C302");
  const verify = await runJincai(dir, ["verify", "--format", "json"]);
  expect(JSON.parse(verify.stdout).failures.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  expect(verify.code).toBe(0);
}

describe("jincai import payments with a control defined after payments", () => {
  it("gives the control back what its earlier payments' rejection and refund release, so it counts them exactly", () => openingThenRelease(db.dir));

  it("does the same on PostgreSQL", async () => {
    const dir = await tempDir();
    try {
      await setupSmall(dir, ["--pg", pgUrl()]);
      await openingThenRelease(dir);
    } finally {
      await cleanup(dir);
    }
  }, 60_000);
});
