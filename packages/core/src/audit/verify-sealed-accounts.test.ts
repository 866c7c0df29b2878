import { describe, expect, it } from "vitest";
import type { Account } from "../ledger/account";
import { createMemoryStore } from "../store/memory-store";
import type { Store } from "../store/store";
import { ACCOUNTS, seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import { tamperedView } from "./_tampered-view";
import type { SealView } from "./_tampered-view";
import type { SealedAccounts } from "./seal-accounts";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "./seal-ledger";
import { verifyLedgerSeals } from "./verify-ledger-seals";

const clock = fixedClock("2026-03-31T18:00:00Z");
const line = (id: string) => ({ id, book: "quota", code: id.slice(6), normalSide: "credit", dimensions: { fiscalYear: "2026", agency: "103001" } }) as const;
const toAgency = (id: string, agency: string) => (a: Account): Account => (a.id === id ? { ...a, dimensions: { ...a.dimensions, agency } } : a);
const named = async (view: SealView) => (await verifyLedgerSeals(view)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]);

/** Seals through `view`, and gives the numbers the seal asked `accountsCreatedAfter` for. */
async function seal(view: SealView): Promise<number[]> {
  const asked: number[] = [];
  await sealLedger({ ...view, accountsCreatedAfter: (after) => (asked.push(after), view.accountsCreatedAfter(after)) }, { actor: "u:zhang", clock });
  return asked;
}

/** The fixture ledger (9 accounts) sealed, then quota:ZB10 created and sealed by a numbered seal. */
async function sealedTwice(): Promise<Store> {
  const store = createMemoryStore();
  await seedLedger(store);
  await seal(store);
  await store.createAccounts([line("quota:ZB10")]);
  expect(await seal(store)).toEqual([9]);
  return store;
}

describe("verifyLedgerSeals (numbered seals)", () => {
  it("finds an account an earlier seal recorded edited after a later seal that read only the new accounts", async () => {
    const store = await sealedTwice();
    expect(await named(store)).toEqual([]);
    expect(await named(tamperedView(store, { account: toAgency(ACCOUNTS.q1, "102001") }))).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, `${ACCOUNTS.q1} changed`]]);
  });

  it("seals an account created and edited before the next seal as it was then, and finds a later edit at that seal", async () => {
    const store = await sealedTwice();
    await store.createAccounts([line("quota:ZB11")]);
    // Nothing can tell an edit made before any seal recorded the account: it is sealed as edited.
    const edited = tamperedView(store, { account: toAgency("quota:ZB11", "101001") });
    expect(await seal(edited)).toEqual([10]);
    expect(await named(edited)).toEqual([]);
    expect(await named(store)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 3, "quota:ZB11 changed"]]);
  });

  it("finds an account deleted after numbered seals, at the seal that first recorded it, and counts it still", async () => {
    const store = await sealedTwice();
    const gone = tamperedView(store, { account: (a) => (a.id === "quota:ZB10" ? undefined : a) });
    await store.createAccounts([line("quota:ZB11")]);
    expect(await seal(gone)).toEqual([10]);
    const third = (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, "3"))!.data.accounts;
    expect(third).toMatchObject({ added: ["quota:ZB11"], count: 11, lastNumber: 11 });
    expect(await named(gone)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 2, "quota:ZB10 missing"]]);
  });

  it("finds an account written with a number the seals already covered, which no later seal reads", async () => {
    const store = await sealedTwice();
    await store.createAccounts([line("quota:ZB11")]);
    // Created behind the store's back with a made-up number below the last seal's: the next seal
    // reads after 10 and never sees it; verify finds it among the numbers the first seal covers.
    const hidden = tamperedView(store, { number: (n) => (n.account.id === "quota:ZB11" ? 0 : n.number) });
    expect(await seal(hidden)).toEqual([10]);
    const problems = (await verifyLedgerSeals(hidden)).problems;
    expect(problems).toEqual([{ code: "AUDIT_ACCOUNT_MISMATCH", sequence: 1, message: expect.stringContaining("quota:ZB11 stored with a number this seal covers but named by no seal") }]);
  });

  it("finds a sealed account renumbered after the last seal's number: the next seal records it again", async () => {
    const store = await sealedTwice();
    const renumbered = tamperedView(store, { number: (n) => (n.account.id === ACCOUNTS.q1 ? 99 : n.number), account: toAgency(ACCOUNTS.q1, "102001") });
    await seal(renumbered);
    expect(await named(renumbered)).toEqual([
      ["AUDIT_ACCOUNT_MISMATCH", 1, `${ACCOUNTS.q1} changed`],
      ["AUDIT_ACCOUNT_MISMATCH", 3, `${ACCOUNTS.q1} sealed again (an earlier seal recorded it`],
    ]);
  });

  it("reports the last seal record edited to skip new accounts, and the next seal does not believe it", async () => {
    const store = await sealedTwice();
    const kept = (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, "2"))!;
    await store.putRecord({ ...kept, data: { ...kept.data, accounts: { ...kept.data.accounts, lastNumber: 20 } } });
    const edited = [["AUDIT_SEAL_MISMATCH", 2, "it was edited behind the store's back, and its chunk marks and accounts are not believed"]];
    expect(await named(store)).toEqual(edited);
    await store.createAccounts([line("quota:ZB11")]);
    // Every account is read again, and the new one is sealed.
    expect(await seal(store)).toEqual([Number.MIN_SAFE_INTEGER]);
    const third = (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, "3"))!.data.accounts;
    expect(third).toMatchObject({ added: ["quota:ZB10", "quota:ZB11"], lastNumber: 11 });
    expect(await named(store)).toEqual(edited);
  });
});
