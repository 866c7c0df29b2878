import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import { fixedClock } from "../time/clock";
import type { AuditEvent } from "./audit-event";
import { closePeriod, periodCloseOf, periodCloseSubject } from "./close-period";

const clock = fixedClock("2026-02-03T09:00:00Z");

async function eventsOf(store: { auditEvents(): AsyncIterable<AuditEvent> }): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const e of store.auditEvents()) out.push(e);
  return out;
}

describe("closePeriod", () => {
  it("locks January for every book and records it as a period.close event in the same transaction", async () => {
    const store = createMemoryStore();
    await store.transaction((tx) => closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, { actor: "cli:zhang", clock }));
    expect(await store.periodLocks()).toEqual([{ from: "2026-01-01", to: "2026-01-31" }]);
    const [event] = await eventsOf(store);
    expect(event).toMatchObject({ sequence: 1, actor: "cli:zhang", action: "period.close", subject: "2026-01-01..2026-01-31" });
    expect(periodCloseOf(event!)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("names the book in the subject of a book's close", async () => {
    const store = createMemoryStore();
    const event = await closePeriod(store, { from: "2026-01-01", to: "2026-03-31", book: "quota" }, { actor: "cli:zhang", clock });
    expect(event.subject).toBe("2026-01-01..2026-03-31 book quota");
    expect(periodCloseOf(event)).toEqual({ from: "2026-01-01", to: "2026-03-31", book: "quota" });
  });

  it("writes neither the lock nor the event when the lock is malformed", async () => {
    const store = createMemoryStore();
    await expect(store.transaction((tx) => closePeriod(tx, { from: "2026-02-01", to: "2026-01-31" }, { actor: "cli:zhang", clock }))).rejects.toMatchObject({ code: "PERIOD_LOCK_INVALID" });
    expect(await store.periodLocks()).toEqual([]);
    expect(await eventsOf(store)).toEqual([]);
  });

  it("refuses to close without a clock before adding the lock, even outside a transaction", async () => {
    const store = createMemoryStore();
    const untyped = closePeriod as (...args: unknown[]) => Promise<unknown>;
    await expect(untyped(store, { from: "2026-01-01", to: "2026-01-31" }, { actor: "cli:zhang" })).rejects.toMatchObject({
      code: "AUDIT_INPUT_INVALID",
      message: "closePeriod needs the option clock (a Clock, e.g. systemClock()) to time the event",
    });
    expect(await store.periodLocks()).toEqual([]);
  });
});

describe("periodCloseOf", () => {
  it("reads nothing from other actions or from a subject that names no days", () => {
    expect(periodCloseOf({ action: "ledger.seal", subject: "2026-01-01..2026-01-31" })).toBeUndefined();
    expect(periodCloseOf({ action: "period.close", subject: "January" })).toBeUndefined();
  });

  it("reads back what periodCloseSubject writes", () => {
    const lock = { from: "2026-07-01", to: "2026-12-31", book: "plan" };
    expect(periodCloseOf({ action: "period.close", subject: periodCloseSubject(lock) })).toEqual(lock);
  });
});
