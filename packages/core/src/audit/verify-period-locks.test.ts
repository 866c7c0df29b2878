import { describe, expect, it } from "vitest";
import type { PeriodLock } from "../ledger/period-lock";
import { createMemoryStore } from "../store/memory-store";
import type { Store, StoreTx } from "../store/store";
import { fixedClock } from "../time/clock";
import { appendAudit } from "./append-audit";
import { closePeriod } from "./close-period";
import { verifyPeriodLocks } from "./verify-period-locks";

const clock = fixedClock("2026-02-03T09:00:00Z");
const close = (store: Store, lock: PeriodLock) => store.transaction((tx) => closePeriod(tx, lock, { actor: "cli:zhang", clock }));

/** The store as it reads after its period locks were replaced behind its back; the chain is untouched. */
function withLocks(store: Store, locks: PeriodLock[]): Pick<StoreTx, "auditEvents" | "periodLocks"> {
  return { auditEvents: (from) => store.auditEvents(from), periodLocks: async () => locks };
}

describe("verifyPeriodLocks", () => {
  it("passes periods closed through closePeriod, for every book and for one book", async () => {
    const store = createMemoryStore();
    await close(store, { from: "2026-01-01", to: "2026-01-31" });
    await close(store, { from: "2026-02-01", to: "2026-02-28", book: "quota" });
    expect(await verifyPeriodLocks(store)).toEqual({ closes: 2, locks: 2, problems: [] });
  });

  it("finds January reopened when its lock is deleted, naming the period and its event", async () => {
    const store = createMemoryStore();
    await appendAudit(store, { actor: "cli:zhang", action: "import.quotas", subject: "quotas.csv", change: {} }, { clock });
    await close(store, { from: "2026-01-01", to: "2026-01-31" });
    const report = await verifyPeriodLocks(withLocks(store, []));
    expect(report).toEqual({
      closes: 1,
      locks: 0,
      problems: [
        {
          code: "AUDIT_LOCK_MISSING",
          sequence: 2,
          lock: { from: "2026-01-01", to: "2026-01-31" },
          message: "the period 2026-01-01..2026-01-31 (every book) closed at event 2 is open again: no period lock covers 2026-01-01 (a lock was deleted behind the store's back)",
        },
      ],
    });
  });

  it("finds the first open day when a lock is narrowed, and a book's lock replaced by another book's", async () => {
    const store = createMemoryStore();
    await close(store, { from: "2026-01-01", to: "2026-03-31" });
    await close(store, { from: "2026-04-01", to: "2026-04-30", book: "quota" });
    const report = await verifyPeriodLocks(withLocks(store, [{ from: "2026-01-01", to: "2026-02-14" }, { from: "2026-04-01", to: "2026-04-30", book: "plan" }]));
    expect(report.problems.map((p) => [p.code, p.sequence, p.message.match(/covers (\S+)/)?.[1] ?? p.message])).toEqual([
      ["AUDIT_LOCK_MISSING", 1, "2026-02-15"],
      ["AUDIT_LOCK_MISSING", 2, "2026-04-01"],
      ["AUDIT_LOCK_UNRECORDED", undefined, "the period lock 2026-01-01..2026-02-14 (every book) has no period.close event in the audit chain (it was added behind the store's back, or without closePeriod)"],
      ["AUDIT_LOCK_UNRECORDED", undefined, "the period lock 2026-04-01..2026-04-30 (book plan) has no period.close event in the audit chain (it was added behind the store's back, or without closePeriod)"],
    ]);
  });

  it("counts a closed book's period as covered by a lock of every book, or by several locks together", async () => {
    const store = createMemoryStore();
    await close(store, { from: "2026-01-01", to: "2026-03-31", book: "quota" });
    await close(store, { from: "2026-01-01", to: "2026-02-28" });
    await close(store, { from: "2026-03-01", to: "2026-03-31" });
    const locks = await store.periodLocks();
    expect((await verifyPeriodLocks(withLocks(store, locks.filter((l) => l.book === undefined)))).problems.map((p) => p.code)).toEqual([]);
  });

  it("finds a lock added without a period.close event", async () => {
    const store = createMemoryStore();
    await close(store, { from: "2026-01-01", to: "2026-01-31" });
    await store.lockPeriod({ from: "2026-02-01", to: "2026-02-28" });
    const report = await verifyPeriodLocks(store);
    expect(report.problems).toEqual([expect.objectContaining({ code: "AUDIT_LOCK_UNRECORDED", lock: { from: "2026-02-01", to: "2026-02-28" } })]);
    expect(report.problems[0]).not.toHaveProperty("sequence");
  });

  it("reads a book's close written before subjects named the book by its digest", async () => {
    const store = createMemoryStore();
    // As `jincai close --book quota` wrote it before: the book only in the change.
    const lock = { from: "2026-01-01", to: "2026-01-31", book: "quota" };
    await store.transaction(async (tx) => {
      await tx.lockPeriod(lock);
      await appendAudit(tx, { actor: "cli:zhang", action: "period.close", subject: "2026-01-01..2026-01-31", change: { ...lock } }, { clock });
    });
    expect((await verifyPeriodLocks(store)).problems).toEqual([]);
    const gone = await verifyPeriodLocks(withLocks(store, []));
    expect(gone.problems.map((p) => p.message)).toEqual([
      "the period 2026-01-01..2026-01-31 (of a book the event does not name) closed at event 1 is open again: no period lock covers 2026-01-01 (a lock was deleted behind the store's back)",
    ]);
  });
});
