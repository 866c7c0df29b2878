import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import type { Store } from "../store/store";
import type { Transfer } from "../ledger/transfer";
import { ACCOUNTS, pay, seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import { LEDGER_SEAL_COLLECTION, sealLedger, sealOf, transferSealLine, verifyLedgerSeals } from "./seal-ledger";

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (store: Store) => store.transaction((tx) => sealLedger(tx, { actor: "u:zhang", clock }));

/** The store as it would read after someone edited one stored transfer behind its back. */
function tampered(store: Store, id: string, change: (t: Transfer) => Transfer): Pick<Store, "transfers" | "auditEvents" | "getRecord"> {
  return {
    auditEvents: (from) => store.auditEvents(from),
    getRecord: (collection, recordId) => store.getRecord(collection, recordId),
    async *transfers(query) {
      for await (const t of store.transfers(query)) yield t.id === id ? change(t) : t;
    },
  };
}

describe("sealLedger and verifyLedgerSeals", () => {
  it("seals the transfers since the last seal, and nothing when none is new", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    const first = await seal(store);
    expect(first).toMatchObject({ after: 0, count: first!.to });
    expect(first!.digest).toMatch(/^sha-256:[0-9a-f]{64}$/);
    expect(await seal(store)).toBeUndefined();
    await store.createTransfers([pay("pay:ZF1", 5_000n, { references: { voucher: "ZF1", memo: "青川" } })]);
    const second = await seal(store);
    expect(second).toMatchObject({ after: first!.to, to: first!.to + 1, count: 1 });
    const events = [];
    for await (const e of store.auditEvents()) events.push(e);
    expect(events.map((e) => sealOf(e))).toEqual([first, second]);
    expect(await verifyLedgerSeals(store)).toEqual({ seals: 2, sealedTo: second!.to, unsealed: 0, problems: [] });
  });

  it("finds a sealed transfer's references or amount changed behind the store's back, at its seal", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("pay:ZF1", 5_000n, { references: { voucher: "ZF1", memo: '["青川","6222000000000001"]' } })]);
    const sealed = await seal(store);
    const redirected = tampered(store, "pay:ZF1", (t) => ({ ...t, references: { ...t.references, memo: '["青川","6299999999999999"]' } }));
    const report = await verifyLedgerSeals(redirected);
    expect(report.problems).toEqual([{ sequence: 1, message: expect.stringMatching(new RegExp(`^the transfers 1\\.\\.${sealed!.to} sealed at event 1 have changed, first among transfers 1\\.\\.${sealed!.to}: ${sealed!.count} now, digest sha-256:`)) }]);
    expect((await verifyLedgerSeals(tampered(store, "pay:ZF1", (t) => ({ ...t, amount: 4_000n })))).problems).toHaveLength(1);
  });

  it("finds a sealed transfer deleted, and counts transfers written after the last seal", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    await store.createTransfers([pay("pay:ZF2", 100n)]);
    const deleted: Pick<Store, "transfers" | "auditEvents" | "getRecord"> = {
      auditEvents: (from) => store.auditEvents(from),
      getRecord: (collection, recordId) => store.getRecord(collection, recordId),
      async *transfers(query) {
        for await (const t of store.transfers(query)) if (t.sequence !== 1) yield t;
      },
    };
    const report = await verifyLedgerSeals(deleted);
    expect(report.problems[0]?.message).toMatch(/have changed, first among transfers 1\.\.3: 2 now/);
    expect(report.unsealed).toBe(1);
  });

  it("names the chunk of 10,000 transfers where a large seal first differs", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    const batch = Array.from({ length: 25_000 }, (_, i) => pay(`pay:B${i}`, 1n));
    for (let i = 0; i < batch.length; i += 5_000) expect((await store.createTransfers(batch.slice(i, i + 5_000))).applied).toBe(true);
    const sealed = await seal(store);
    expect(sealed!.count).toBeGreaterThan(25_000);
    let target = "";
    for await (const t of store.transfers()) if (t.sequence === 15_000) target = t.id;
    const report = await verifyLedgerSeals(tampered(store, target, (t) => ({ ...t, amount: t.amount + 1n })));
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toContain(`have changed, first among transfers 10001..20000: `);
    // The kept marks edited behind the store's back are not believed: the seal's range is named.
    const kept = (await store.getRecord<{ marks: { to: number; digest: string }[] }>(LEDGER_SEAL_COLLECTION, "1"))!;
    await store.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: "1", data: { ...kept.data, marks: kept.data.marks.slice(1) } });
    const edited = await verifyLedgerSeals(tampered(store, target, (t) => ({ ...t, amount: t.amount + 1n })));
    expect(edited.problems[0]!.message).toMatch(/have changed: \d+ now/);
  });

  it("writes every stored field of a transfer into its line", () => {
    const t: Transfer = { id: "pay:ZF1", phase: "pending", debitAccountId: ACCOUNTS.q1, creditAccountId: "b", amount: 50_000n, date: "2026-03-01", pendingId: "x", expiresOn: "2026-12-31", references: { voucher: "ZF1" }, sequence: 41 };
    expect(transferSealLine(t)).toBe(`41\tpay:ZF1\tpending\t${ACCOUNTS.q1}\tb\t50000\t2026-03-01\tx\t2026-12-31\t{"voucher":"ZF1"}\n`);
  });
});
