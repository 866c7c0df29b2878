/**
 * PostgreSQL's period locks edited behind the store's back with direct SQL: a closed period's
 * lock deleted, and one added that no `period.close` event names (core's `verifyPeriodLocks`).
 */
import { closePeriod, fixedClock, verifyPeriodLocks } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { useTamperStore } from "./testing/tamper-store";

const db = useTamperStore();

describe("verifyPeriodLocks on PostgreSQL", () => {
  it("finds January's lock deleted, and a lock added that no period.close event names", async () => {
    const { store, admin, s } = db();
    const clock = fixedClock("2026-02-03T09:00:00Z");
    await store.transaction((tx) => closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, { actor: "cli:zhang", clock }));
    expect((await verifyPeriodLocks(store)).problems).toEqual([]);
    await admin.query(`DELETE FROM ${s}.period_locks`);
    expect((await verifyPeriodLocks(store)).problems).toEqual([
      expect.objectContaining({ code: "AUDIT_LOCK_MISSING", sequence: 1, lock: { from: "2026-01-01", to: "2026-01-31" } }),
    ]);
    await admin.query(`INSERT INTO ${s}.period_locks (date_from, date_to, book) VALUES ('2026-01-01', '2026-01-31', NULL), ('2026-03-01', '2026-03-31', 'quota')`);
    expect((await verifyPeriodLocks(store)).problems).toEqual([
      expect.objectContaining({ code: "AUDIT_LOCK_UNRECORDED", lock: { from: "2026-03-01", to: "2026-03-31", book: "quota" } }),
    ]);
  });
});
