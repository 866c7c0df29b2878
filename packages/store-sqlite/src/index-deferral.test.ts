import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay } from "@jincai/core/testing";
import type { Store, TransferInput } from "@jincai/core";
import { DEFER_FROM, createIndexDeferral } from "./index-deferral";
import { openConnection } from "./sqlite-connection";
import type { SqliteConnection } from "./sqlite-connection";
import type { SqliteContext } from "./account-ops";
import { createTransferAccounts } from "./transfer-accounts";
import { openSqliteStore } from "./open-sqlite-store";
import { expectPairRowsComplete } from "./_testing/pair-rows";
import { loadAndKill } from "./_testing/load-and-kill";
import { openInspectableStore } from "./_testing/inspectable-store";
import { useTempFiles } from "./_testing/temp-store";

const AT = "2026-03-01T00:00:00.000Z";
const files = useTempFiles();

/** A seeded store with its connection and deferral in reach, closed after the test. */
const openInspectable = async (filename: string): Promise<{ store: Store; ctx: SqliteContext }> => {
  const opened = await openInspectableStore(filename);
  files.closeLater(() => opened.store.close());
  return opened;
};
const openConn = (): SqliteConnection => {
  const conn = openConnection({ filename: files.newFile(), appliedAt: AT });
  files.closeLater(() => conn.db.close());
  return conn;
};

/** The index definitions of `transfers` as sqlite_master holds them. */
const indexSql = (db: Database.Database): unknown[] =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers' ORDER BY name").all();

// One-fen payments over the three quota lines and two months, in batches like an import's.
const LINES = [ACCOUNTS.q1, ACCOUNTS.q2, ACCOUNTS.q3];
const batchOf = (from: number, count: number): TransferInput[] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return pay(`pay:ZF${String(i).padStart(7, "0")}`, 1n, { debitAccountId: LINES[i % 3]!, date: i % 2 === 0 ? "2026-03-10" : "2026-04-10" });
  });
const LOAD = DEFER_FROM + 10_000;

describe("index deferral (through the store)", () => {
  it("holds a large transaction's account pairs for COMMIT and keeps every index of transfers as the schema defines it", async () => {
    const filename = files.newFile();
    const { store, ctx } = await openInspectable(filename);
    const seeded = Number(ctx.conn.db.prepare("SELECT count(*) FROM transfers").pluck().get());
    const fresh = openConn();
    await store.transaction(async (tx) => {
      for (let from = 0; from < LOAD; from += 5_000) expect((await tx.createTransfers(batchOf(from, 5_000))).applied).toBe(true);
      expect(ctx.deferral.deferred).toBe(true);
      // The date index stays: rebuilding it at COMMIT sorted the whole table in memory.
      expect(indexSql(ctx.conn.db)).toEqual(indexSql(fresh.db));
      // The account pairs of the deferred batches are held in memory, not yet in the table.
      expect(ctx.transferAccounts.mark()).toBeGreaterThan(0);
      expect(Number(ctx.conn.db.prepare("SELECT count(*) FROM transfer_accounts").pluck().get())).toBeLessThan(2 * LOAD);
      // Inside the transaction the pairs are held, and queries still answer (an account's
      // transfers first write the pairs held so far).
      const q1 = [];
      for await (const t of tx.transfers({ accountId: ACCOUNTS.q1, from: "2026-04-01", to: "2026-04-30" })) q1.push(t.id);
      expect(q1).toHaveLength(LOAD / 6);
      const [march] = await tx.accountBalances({ accountIds: [ACCOUNTS.q2], asOf: "2026-03-15" });
      expect(march!.balance.debitsPosted).toBe(BigInt(LOAD / 6));
    });
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    expect(indexSql(db)).toEqual(indexSql(fresh.db));
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // Every transfer's rows are in transfer_accounts, written sorted at commit.
    expect(Number(db.prepare("SELECT count(*) FROM transfers").pluck().get())).toBe(LOAD + seeded);
    expectPairRowsComplete(db);
    const [q3] = await store.accountBalances({ accountIds: [ACCOUNTS.q3], asOf: "2026-04-10" });
    expect(q3!.balance.debitsPosted).toBe(BigInt(LOAD / 3));
  });

  it("leaves the indexes, the pairs and the ledger as they were when a deferred load rolls back", async () => {
    const filename = files.newFile();
    const { store, ctx } = await openInspectable(filename);
    const before = await store.accountBalances({ accountIds: LINES });
    await expect(
      store.transaction(async (tx) => {
        for (let from = 0; from < LOAD; from += 5_000) await tx.createTransfers(batchOf(from, 5_000));
        expect(ctx.deferral.deferred).toBe(true);
        throw new Error("import cancelled");
      }),
    ).rejects.toThrow("import cancelled");
    expect(await store.accountBalances({ accountIds: LINES })).toEqual(before);
    expect(await store.getTransfer("pay:ZF0000001")).toBeUndefined();
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    expect(indexSql(db)).toEqual(indexSql(openConn().db));
    expectPairRowsComplete(db);
  });
});

describe("index deferral when the process is killed", () => {
  it("leaves the indexes, the transfers and the balances as they were after a SIGKILL mid-load", async () => {
    const filename = files.newFile();
    const store = await openInspectable(filename).then((s) => s.store);
    const before = await store.accountBalances({ accountIds: LINES });
    await store.close();

    // The uncommitted load had spilled into the log: the kill left real pages behind.
    expect(await loadAndKill(filename)).toBeGreaterThan(16 * 1024 * 1024);

    // Opening the file again recovers it from its write-ahead log, without the killed transaction.
    const reopened = openSqliteStore({ filename });
    files.closeLater(() => reopened.close());
    expect(await reopened.accountBalances({ accountIds: LINES })).toEqual(before);
    expect(await reopened.getTransfer("pay:K0")).toBeUndefined();
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    expect(indexSql(db)).toEqual(indexSql(openConn().db));
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT count(*) FROM transfers WHERE id LIKE 'pay:K%'").pluck().get()).toBe(0);
  });
});

describe("createIndexDeferral", () => {
  const names = (conn: SqliteConnection): unknown[] =>
    conn.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers' AND sql IS NOT NULL ORDER BY name").pluck().all();
  const ALL = ["transfers_date", "transfers_pending_id"];

  const pairCount = (conn: SqliteConnection): number => Number(conn.db.prepare("SELECT count(*) FROM transfer_accounts").pluck().get());

  it("holds the pairs once a transaction has written enough, writes them before commit, and keeps the indexes", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    const deferral = createIndexDeferral(pairs);
    conn.db.exec("BEGIN IMMEDIATE");
    deferral.begin();
    deferral.beforeInsert(DEFER_FROM - 1);
    expect(deferral.deferred).toBe(false);
    deferral.beforeInsert(1);
    expect(deferral.deferred).toBe(true);
    pairs.add([1, 2], [3, 5], 2);
    expect(pairs.mark()).toBe(4);
    expect(pairCount(conn)).toBe(0);
    expect(names(conn)).toEqual(ALL);
    deferral.beforeCommit();
    expect(pairCount(conn)).toBe(4);
    conn.db.exec("COMMIT");
    deferral.end();
    expect(names(conn)).toEqual(ALL);
  });

  it("defers nothing outside an explicit transaction", () => {
    const conn = openConn();
    const deferral = createIndexDeferral(createTransferAccounts(conn));
    deferral.beforeInsert(10 * DEFER_FROM);
    expect(deferral.deferred).toBe(false);
    expect(names(conn)).toEqual(ALL);
  });

  it("holds the pairs of a large load however many transfers the table already holds (a month's file into a year's database)", () => {
    const conn = openConn();
    conn.db.exec(`INSERT INTO accounts (num, id, book, code, dimensions, normal_side, flags) VALUES (1, 'a', 'b', 'c', '{}', 'debit', '{}');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)
      INSERT INTO transfers (id, phase, debit, credit, amount, date) SELECT 't' || i, 'posted', 1, 1, 1, '2026-01-01' FROM n;`);
    const pairs = createTransferAccounts(conn);
    const deferral = createIndexDeferral(pairs);
    conn.db.exec("BEGIN IMMEDIATE");
    deferral.begin();
    deferral.beforeInsert(DEFER_FROM - 1);
    expect(deferral.deferred).toBe(false);
    deferral.beforeInsert(1);
    expect(deferral.deferred).toBe(true);
    pairs.add([1], [3], 80_001);
    expect(pairCount(conn)).toBe(0);
    deferral.beforeCommit();
    expect(pairCount(conn)).toBe(2);
    conn.db.exec("COMMIT");
    deferral.end();
    expect(names(conn)).toEqual(ALL);
  });

  it("writes each batch's pairs at once while the load is small", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    const deferral = createIndexDeferral(pairs);
    conn.db.exec("BEGIN IMMEDIATE");
    deferral.begin();
    deferral.beforeInsert(1_000);
    pairs.add([1], [3], 1);
    expect(pairCount(conn)).toBe(2);
    deferral.beforeCommit();
    conn.db.exec("COMMIT");
    deferral.end();
    expect(pairCount(conn)).toBe(2);
  });
});
