/**
 * Numbered account seals over PostgreSQL (a seal reads only the accounts whose `num` is above the
 * last seal's `lastNumber`), tampered with by direct SQL: an account sealed earlier edited after a
 * later seal, one created and edited before the next seal, one deleted, one inserted with a number
 * the seals already covered, and the last seal record edited must each be found by core's
 * `verifyLedgerSeals`.
 */
import { LEDGER_SEAL_COLLECTION, fixedClock, sealLedger, verifyLedgerSeals } from "@jincai/core";
import type { SealedAccounts, Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { useTamperStore } from "./testing/tamper-store";

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (store: Store) => store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock }));
const LINE = (id: string) => ({ id, book: "quota", code: id.slice(6), normalSide: "credit", dimensions: { agency: "101001" } }) as const;
const named = async (store: Store) => (await verifyLedgerSeals(store)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]);
const keptAccounts = async (store: Store, event: number) => (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, String(event)))!.data.accounts;

/** quota:Q1 and quota:Q2 sealed at event 1, quota:Q3 created and sealed at event 2. */
const sealedTwice = () =>
  useTamperStore(async (store) => {
    await store.createAccounts([LINE("quota:Q1"), LINE("quota:Q2")]);
    await seal(store);
    await store.createAccounts([LINE("quota:Q3")]);
    await seal(store);
    expect(await keptAccounts(store, 2)).toMatchObject({ added: ["quota:Q3"], count: 3, lastNumber: 3 });
  });

const move = (s: string, id: string, agency: string) => `UPDATE ${s}.accounts SET dimensions = '{"agency":"${agency}"}' WHERE id = '${id}'`;

describe("numbered account seals on PostgreSQL: an earlier seal's account moved", () => {
  const db = sealedTwice();
  it("finds quota:Q1 moved with SQL after a later seal that read only the new accounts", async () => {
    const { store, admin, s } = db();
    expect(await named(store)).toEqual([]);
    await admin.query(move(s, "quota:Q1", "102001"));
    expect(await named(store)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q1 changed"]]);
  });
});

describe("numbered account seals on PostgreSQL: an account moved before its first seal", () => {
  const db = sealedTwice();
  it("seals quota:Q4 as moved, and finds a later move at that seal", async () => {
    const { store, admin, s } = db();
    await store.createAccounts([LINE("quota:Q4")]);
    await admin.query(move(s, "quota:Q4", "102001"));
    await seal(store);
    expect(await named(store)).toEqual([]);
    await admin.query(move(s, "quota:Q4", "103001"));
    expect(await named(store)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 3, "quota:Q4 changed"]]);
  });
});

describe("numbered account seals on PostgreSQL: an account deleted", () => {
  const db = sealedTwice();
  it("finds quota:Q3 deleted with SQL between numbered seals, at the seal that recorded it", async () => {
    const { store, admin, s } = db();
    await admin.query(`DELETE FROM ${s}.accounts WHERE id = 'quota:Q3'`);
    await store.createAccounts([LINE("quota:Q4")]);
    await seal(store);
    expect(await keptAccounts(store, 3)).toMatchObject({ added: ["quota:Q4"], count: 4, lastNumber: 4 });
    expect(await named(store)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 2, "quota:Q3 missing"]]);
  });
});

describe("numbered account seals on PostgreSQL: an account inserted under a covered number", () => {
  const db = sealedTwice();
  it("finds quota:Q9, inserted with SQL as number 0, which the next seal does not read", async () => {
    const { store, admin, s } = db();
    await admin.query(`INSERT INTO ${s}.accounts (num, id, book, code, dimensions, normal_side) VALUES (0, 'quota:Q9', 'quota', 'Q9', '{"agency":"101001"}', 'credit')`);
    await store.createAccounts([LINE("quota:Q4")]);
    await seal(store);
    expect(await keptAccounts(store, 3)).toMatchObject({ added: ["quota:Q4"] });
    expect(await named(store)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q9 stored with a number this seal covers but named by no seal (written behind the store's back)"]]);
  });
});

describe("numbered account seals on PostgreSQL: the last seal record edited", () => {
  const db = sealedTwice();
  it("reports the record, and the next seal reads every account instead of believing it", async () => {
    const { store, admin, s } = db();
    await admin.query(`UPDATE ${s}.records SET data = jsonb_set(data::jsonb, '{accounts,lastNumber}', '20')::json WHERE collection = '${LEDGER_SEAL_COLLECTION}' AND id = '2'`);
    await store.createAccounts([LINE("quota:Q4")]);
    await seal(store);
    expect(await keptAccounts(store, 3)).toMatchObject({ added: ["quota:Q3", "quota:Q4"], lastNumber: 4 });
    expect(await named(store)).toEqual([["AUDIT_SEAL_MISMATCH", 2, "it was edited behind the store's back, and its chunk marks and accounts are not believed"]]);
  });
});
