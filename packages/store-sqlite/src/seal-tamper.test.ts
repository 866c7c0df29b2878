/**
 * Ledger seals over SQLite, tampered with by direct SQL: an account created without transfers, an
 * account edited between two seals and a payment or quota document edited, deleted or set back must each be found by
 * core's `verifyLedgerSeals`, at the seal that recorded what changed.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEDGER_SEAL_STATE_COLLECTION, fixedClock, sealLedger, verifyLedgerSeals } from "@jincai/core";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";
import { tamper, withStore } from "./_testing/tamper-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (store: Store) => store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock, collections: ["payment"] }));
const LINE = (id: string, agency: string) => ({ id, book: "quota", code: "2001", normalSide: "credit", dimensions: { agency }, flags: { debitsMustNotExceedCredits: true } }) as const;
const doc = (status: string) => ({ payeeName: "青川市自来水有限公司", purpose: "水费", status, events: [{ status, date: "2026-03-10" }] });

/** A database with quota line quota:Q1 funded, payment documents ZF1 and ZF2, sealed once (event 1); returns its path. */
async function sealedDatabase(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const filename = join(dir, "seal.db");
  const store = openSqliteStore({ filename });
  await store.createAccounts([LINE("quota:Q1", "101001"), { id: "quota-source", book: "quota", code: "1001", normalSide: "debit" }]);
  expect((await store.createTransfers([{ id: "grant:Q1", debitAccountId: "quota-source", creditAccountId: "quota:Q1", amount: 500_000n, date: "2026-01-05" }])).applied).toBe(true);
  for (const id of ["ZF1", "ZF2"]) await store.putRecord({ collection: "payment", id, data: doc("submitted"), index: { status: "submitted" } });
  expect(await seal(store)).toMatchObject({ count: 1, newAccounts: 2, changedRecords: 2 });
  await store.close();
  return filename;
}

const problemsOf = (filename: string) => withStore(filename, async (store) => (await verifyLedgerSeals(store)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]));

describe("verifyLedgerSeals on SQLite", () => {
  it("seals a quota line created with no transfer, and finds its agency edited with SQL", async () => {
    const file = await sealedDatabase();
    await withStore(file, async (store) => {
      await store.createAccounts([LINE("quota:Q2", "101001")]);
      expect(await seal(store)).toMatchObject({ count: 0, newAccounts: 1 });
    });
    expect(await problemsOf(file)).toEqual([]);
    tamper(file, `UPDATE accounts SET dimensions = '{"agency":"102001"}' WHERE id = 'quota:Q2'`);
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 2, "quota:Q2 changed"]]);
  });

  it("finds a quota line moved with SQL before a later seal, at the seal that recorded it as it was", async () => {
    const file = await sealedDatabase();
    tamper(file, `UPDATE accounts SET dimensions = '{"agency":"102001"}' WHERE id = 'quota:Q1'`);
    await withStore(file, async (store) => {
      await store.createAccounts([LINE("quota:Q2", "101001")]);
      await seal(store);
    });
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q1 changed"]]);
  });

  it("finds a sealed payment document's payee edited and another deleted with SQL, naming the seal and the payments", async () => {
    const file = await sealedDatabase();
    tamper(file, `
      UPDATE records SET data = json_set(data, '$.payeeName', '青川市某某贸易公司') WHERE collection = 'payment' AND id = 'ZF1';
      DELETE FROM records WHERE collection = 'payment' AND id = 'ZF2';`);
    expect(await problemsOf(file)).toEqual([["AUDIT_RECORD_MISMATCH", 1, "ZF1 changed; ZF2 missing"]]);
  });

  it("counts a document whose version moved on since the last seal as not sealed yet, and seals it next", async () => {
    const file = await sealedDatabase();
    await withStore(file, async (store) => {
      await store.putRecord({ collection: "payment", id: "ZF1", data: doc("approved"), index: { status: "approved" }, expectedVersion: 1 });
      expect((await verifyLedgerSeals(store)).records).toMatchObject({ sealed: 1, changedSince: 1 });
      expect(await seal(store)).toMatchObject({ count: 0, changedRecords: 1 });
    });
    tamper(file, `UPDATE records SET data = json_set(data, '$.events[0].date', '2026-03-01') WHERE collection = 'payment' AND id = 'ZF1'`);
    expect(await problemsOf(file)).toEqual([["AUDIT_RECORD_MISMATCH", 2, "ZF1 changed"]]);
  });

  it("does not believe the kept versions edited with SQL to pass a changed document off as sealed: the next seal seals it", async () => {
    const file = await sealedDatabase();
    await withStore(file, (store) => store.putRecord({ collection: "payment", id: "ZF1", data: doc("approved"), index: { status: "approved" }, expectedVersion: 1 }));
    tamper(file, `UPDATE records SET data = json_set(data, '$.versions[0]', 2) WHERE collection = '${LEDGER_SEAL_STATE_COLLECTION}' AND id = 'payment'`);
    await withStore(file, async (store) => expect(await seal(store)).toMatchObject({ changedRecords: 1, changedRecordsBy: { payment: 1 } }));
    tamper(file, `UPDATE records SET data = json_set(data, '$.events[0].date', '2026-03-01') WHERE collection = 'payment' AND id = 'ZF1'`);
    expect(await problemsOf(file)).toEqual([["AUDIT_RECORD_MISMATCH", 2, "ZF1 changed"]]);
  });

  it("finds sealed quota documents edited, deleted and set back to an older version with SQL, as payment documents are", async () => {
    const file = await sealedDatabase();
    const quota = (agency: string) => ({ id: "", agency, amount: "500000", documentNumber: "青财预〔2026〕1号" });
    await withStore(file, async (store) => {
      for (const id of ["ZB1", "ZB2", "ZB3"]) await store.putRecord({ collection: "quota", id, data: { ...quota("101001"), id }, index: { agency: "101001" } });
      await store.putRecord({ collection: "quota", id: "ZB3", data: { ...quota("101001"), id: "ZB3", amount: "400000" }, index: { agency: "101001" }, expectedVersion: 1 });
      // The first seal (event 1) recorded payments only; this one records the quota documents too.
      expect(await store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock, collections: ["payment", "quota"] }))).toMatchObject({ changedRecordsBy: { payment: 0, quota: 3 } });
      expect((await verifyLedgerSeals(store)).records).toMatchObject({ firstEvent: 1, firstEvents: { payment: 1, quota: 2 } });
    });
    expect(await problemsOf(file)).toEqual([]);
    tamper(file, `
      UPDATE records SET data = json_set(data, '$.agency', '102001') WHERE collection = 'quota' AND id = 'ZB1';
      DELETE FROM records WHERE collection = 'quota' AND id = 'ZB2';
      UPDATE records SET version = 1, data = json_set(data, '$.amount', '500000') WHERE collection = 'quota' AND id = 'ZB3';`);
    expect(await problemsOf(file)).toEqual([["AUDIT_RECORD_MISMATCH", 2, "ZB1 changed; ZB2 missing; ZB3 at version 1, sealed at version 2"]]);
  });
});
