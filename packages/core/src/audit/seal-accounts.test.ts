import { describe, expect, it } from "vitest";
import type { Account } from "../ledger/account";
import { createMemoryStore } from "../store/memory-store";
import type { Store } from "../store/store";
import { ACCOUNTS, pay, seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import { tamperedView } from "./_tampered-view";
import type { SealView } from "./_tampered-view";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "./seal-ledger";
import { verifyLedgerSeals } from "./verify-ledger-seals";

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (view: SealView) => sealLedger(view, { actor: "u:zhang", clock });

const NEW_LINE = { id: "quota-103001", book: "quota", code: "2001", normalSide: "credit", dimensions: { fiscalYear: "2026", agency: "103001" } } as const;
const toAgency = (id: string, agency: string) => (a: Account): Account => (a.id === id ? { ...a, dimensions: { ...a.dimensions, agency } } : a);
const without = (id: string) => (a: Account): Account | undefined => (a.id === id ? undefined : a);

async function sealedOnce(): Promise<Store> {
  const store = createMemoryStore();
  await seedLedger(store);
  await seal(store);
  return store;
}

describe("sealLedger (the accounts)", () => {
  it("seals a quota line created since the last seal that has no transfers yet, in a seal of no transfers", async () => {
    const store = await sealedOnce();
    const sealedTo = (await verifyLedgerSeals(store)).sealedTo;
    await store.createAccounts([NEW_LINE]);
    const second = await seal(store);
    expect(second).toMatchObject({ after: sealedTo, to: sealedTo, count: 0, newAccounts: 1, changedRecords: 0 });
    const kept = await store.getRecord<{ accounts: { added: string[] }; marks: unknown[] }>(LEDGER_SEAL_COLLECTION, "2");
    expect(kept!.data.accounts.added).toEqual([NEW_LINE.id]);
    expect(kept!.data.marks).toEqual([]);
    expect(await seal(store)).toBeUndefined();
    expect(await verifyLedgerSeals(store)).toMatchObject({ seals: 2, sealedTo, unsealed: 0, problems: [] });
    // Its agency edited before any transfer named it is found at the seal of no transfers.
    const report = await verifyLedgerSeals(tamperedView(store, { account: toAgency(NEW_LINE.id, "101001") }));
    expect(report.problems).toEqual([
      { code: "AUDIT_ACCOUNT_MISMATCH", sequence: 2, message: expect.stringMatching(/^the 10 accounts sealed at event 2 have changed: quota-103001 changed: /) },
    ]);
  });

  it("seals the chart of a ledger that has no transfer yet", async () => {
    const store = createMemoryStore();
    await store.createAccounts([NEW_LINE]);
    expect(await seal(store)).toMatchObject({ after: 0, to: 0, count: 0, newAccounts: 1 });
    expect(await verifyLedgerSeals(store)).toMatchObject({ seals: 1, sealedTo: 0, problems: [] });
  });
});

describe("verifyLedgerSeals (every seal's accounts)", () => {
  it("finds a quota line moved to another agency between two seals, at the seal that recorded it as it was", async () => {
    const store = await sealedOnce();
    const moved = tamperedView(store, { account: toAgency(ACCOUNTS.q1, "102001") });
    // The move is made, then a later seal is made over the moved account (and a new transfer).
    await store.createTransfers([pay("pay:ZF1", 100n)]);
    await seal(moved);
    const report = await verifyLedgerSeals(moved);
    expect(report.problems).toEqual([
      { code: "AUDIT_ACCOUNT_MISMATCH", sequence: 1, message: expect.stringMatching(new RegExp(`^the 9 accounts sealed at event 1 have changed: ${ACCOUNTS.q1} changed: `)) },
    ]);
  });

  it("finds a paid account deleted between two seals, at the seal that recorded it", async () => {
    const store = await sealedOnce();
    const gone = tamperedView(store, { account: without(ACCOUNTS.paid2) });
    await store.createAccounts([NEW_LINE]);
    await seal(gone);
    expect((await verifyLedgerSeals(gone)).problems).toEqual([
      { code: "AUDIT_ACCOUNT_MISMATCH", sequence: 1, message: expect.stringContaining(`have changed: ${ACCOUNTS.paid2} missing: `) },
    ]);
  });

  it("names each changed account at the seal that first recorded it: one finding per seal", async () => {
    const store = await sealedOnce();
    await store.createAccounts([NEW_LINE]);
    await seal(store);
    const both = tamperedView(store, { account: (a) => toAgency(NEW_LINE.id, "101001")(toAgency(ACCOUNTS.q3, "101001")(a)!) });
    const report = await verifyLedgerSeals(both);
    expect(report.problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]])).toEqual([
      ["AUDIT_ACCOUNT_MISMATCH", 1, `${ACCOUNTS.q3} changed`],
      ["AUDIT_ACCOUNT_MISMATCH", 2, `${NEW_LINE.id} changed`],
    ]);
  });

  it("reads the accounts once however many seals recorded them", async () => {
    const store = await sealedOnce();
    for (let i = 0; i < 5; i++) {
      await store.createAccounts([{ ...NEW_LINE, id: `quota-new-${i}` }]);
      await seal(store);
    }
    let reads = 0;
    const counted: SealView = { ...tamperedView(store, {}), accountsCreatedAfter: (after) => (reads++, store.accountsCreatedAfter(after)) };
    expect((await verifyLedgerSeals(counted)).problems).toEqual([]);
    expect(reads).toBe(1);
  });
});
