import { controlAccountIds } from "@jincai/budget";
import { createMemoryStore, fixedClock } from "@jincai/core";
import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { controlReport, controlsBefore } from "./control-report";
import { syncControls } from "./sync-controls";

const clock = fixedClock("2026-06-01T08:00:00Z");

/** Settings with control C302 (default thresholds 80 % info, 90 % warning, 100 % critical). */
const settings = (policy: string, limit: string, extra: object = {}) =>
  parseConfig(
    JSON.stringify({ store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", controls: [{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit, policy, ...extra }] }),
    "jincai.config.json",
  );

let n = 0;
/** Counts `fen` against C302 as a payment's leg would; a negative amount gives it back (a refund). */
async function spend(store: Store, fen: bigint): Promise<void> {
  const ids = controlAccountIds("C302");
  const [debit, credit] = fen > 0n ? [ids.control, ids.spent] : [ids.spent, ids.control];
  const result = await store.createTransfers([{ id: `pay:P${++n}~C302`, debitAccountId: debit, creditAccountId: credit, amount: fen > 0n ? fen : -fen, date: "2026-06-01" }]);
  expect(result.applied).toBe(true);
}

/** A store with C302 defined as configured and `fen` already counted on it. */
async function storeWith(policy: string, limit: string, fen: bigint, extra: object = {}): Promise<Store> {
  const store = createMemoryStore();
  await syncControls(store, settings(policy, limit, extra), clock);
  if (fen !== 0n) await spend(store, fen);
  return store;
}

describe("controlReport", () => {
  it("says an advisory control this import took past its limit, once, with the limit, the use, the excess and the thresholds on the way", async () => {
    const store = await storeWith("advisory", "1000.00", 30_000n);
    const before = await controlsBefore(store);
    await spend(store, 50_000n);
    await spend(store, 40_000n);
    expect(await controlReport(store, before)).toEqual([{
      control: "C302", status: "over-limit", severity: "critical", policy: "advisory",
      limit: "1000.00", usedBefore: "300.00", used: "1200.00", percent: "120.0", excess: "200.00", crossed: true, thresholdsCrossed: [80, 90, 100],
      message: "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,200.00 used or reserved, 200.00 over (120.0 %); this import took it past (from 300.00, 30.0 %), reaching 80 %, 90 % and 100 %; its payments are still accepted",
    }]);
  });

  it("says an advisory control already past its limit is still past it, and what the import added, or that it changed nothing", async () => {
    const store = await storeWith("advisory", "1000.00", 120_000n);
    const before = await controlsBefore(store);
    expect((await controlReport(store, before)).map((l) => [l.crossed, l.message])).toEqual([[
      false,
      "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,200.00 used or reserved, 200.00 over (120.0 %); it was already past before (1,200.00, 120.0 %), and this import changed nothing of it; its payments are still accepted",
    ]]);
    await spend(store, 3_000n);
    expect((await controlReport(store, before))[0]?.message).toContain("1,230.00 used or reserved, 230.00 over (123.0 %); it was already past before (1,200.00, 120.0 %), and this import added 30.00;");
  });

  it("says an advisory control that refunds brought back within its limit is back within it", async () => {
    const store = await storeWith("advisory", "1000.00", 120_000n);
    const before = await controlsBefore(store);
    await spend(store, -25_000n);
    expect(await controlReport(store, before)).toEqual([expect.objectContaining({
      status: "within-limit", severity: "info", used: "950.00",
      message: "control C302 (advisory limit 1,000.00) is back within its limit after this import: 950.00 used or reserved (95.0 %), 50.00 left; it was 200.00 over before (1,200.00, 120.0 %)",
    })]);
  });

  it("summarises the thresholds an absolute control reached during the import once, with the highest one's severity", async () => {
    const store = await storeWith("absolute", "1000.00", 70_000n);
    const before = await controlsBefore(store);
    for (const fen of [5_000n, 10_000n, 10_000n]) await spend(store, fen);
    const [line] = await controlReport(store, before);
    expect(line).toEqual({
      control: "C302", status: "threshold", severity: "warning", policy: "absolute",
      limit: "1000.00", usedBefore: "700.00", used: "950.00", percent: "95.0", thresholdsCrossed: [80, 90],
      message: "control C302 (absolute limit 1,000.00) reached 80 % and 90 % (warning) during this import: 950.00 used or reserved (95.0 %), 50.00 left; it had used 700.00 (70.0 %) before",
    });
  });

  it("says a tracking control's thresholds, and how far past its limit it went, but never calls it past an advisory limit", async () => {
    const store = await storeWith("track", "1000.00", 0n);
    const before = await controlsBefore(store);
    await spend(store, 130_000n);
    expect((await controlReport(store, before)).map((l) => [l.status, l.excess, l.message])).toEqual([[
      "threshold", "300.00",
      "control C302 (track limit 1,000.00) reached 80 %, 90 % and 100 % (critical) during this import: 1,300.00 used or reserved (130.0 %), 300.00 over its limit; it had used 0.00 (0.0 %) before",
    ]]);
  });

  it("says nothing of a control below its thresholds, nor of a retired one past its limit that the import did not move", async () => {
    const store = await storeWith("advisory", "1000.00", 10_000n);
    const before = await controlsBefore(store);
    await spend(store, 10_000n);
    expect(await controlReport(store, before)).toEqual([]);
    const retired = await storeWith("advisory", "1000.00", 120_000n, { retired: "2026-06-01" });
    expect(await controlReport(retired, await controlsBefore(retired))).toEqual([]);
  });

  it("says a retired control the import moved (a payment dated before its retirement), naming its retirement", async () => {
    const store = await storeWith("advisory", "1000.00", 120_000n, { retired: "2026-07-01" });
    const before = await controlsBefore(store);
    await spend(store, 1_000n);
    expect(await controlReport(store, before)).toEqual([expect.objectContaining({
      status: "over-limit", crossed: false, retired: "2026-07-01",
      message: "control C302 (advisory limit 1,000.00, retired from 2026-07-01) is past its limit after this import: 1,210.00 used or reserved, 210.00 over (121.0 %); it was already past before (1,200.00, 120.0 %), and this import added 10.00; its payments are still accepted",
    })]);
  });

  it("judges a limit lowered by this import's settings against what was used before the files, so the lowering is not a crossing", async () => {
    const store = await storeWith("advisory", "1000.00", 90_000n);
    await syncControls(store, settings("advisory", "800.00"), clock);
    const before = await controlsBefore(store);
    expect(await controlReport(store, before)).toEqual([expect.objectContaining({ status: "over-limit", crossed: false, excess: "100.00", percent: "112.5" })]);
  });

  it("marks a dry run's lines as what a real import would leave", async () => {
    const store = await storeWith("advisory", "1000.00", 0n);
    const before = await controlsBefore(store);
    await spend(store, 110_000n);
    const [line] = await controlReport(store, before, { dryRun: true });
    expect(line).toMatchObject({ dryRun: true, crossed: true });
    expect(line?.message).toMatch(/^dry run, nothing written: control C302 \(advisory limit 1,000\.00\) is past its limit after this import: /);
  });
});
