import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import type { TransferInput } from "@jincai/core";
import { DEFER_FROM } from "./index-deferral";
import { openConnection } from "./sqlite-connection";
import type { SqliteConnection } from "./sqlite-connection";
import { openSqliteStore } from "./open-sqlite-store";
import { createTransferAccounts } from "./transfer-accounts";
import { openInspectableStore } from "./_testing/inspectable-store";
import { useTempFiles } from "./_testing/temp-store";

const AT = "2026-03-01T00:00:00.000Z";
const files = useTempFiles();
const openConn = (): SqliteConnection => {
  const conn = openConnection({ filename: files.newFile(), appliedAt: AT });
  files.closeLater(() => conn.db.close());
  return conn;
};
const rows = (conn: SqliteConnection): unknown[] => conn.db.prepare("SELECT account, sequence FROM transfer_accounts ORDER BY account, sequence").raw().all();

describe("createTransferAccounts", () => {
  it("writes both accounts of each transfer at once, with consecutive sequences ending at the last", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.add([7, 9], [8, 8], 42);
    expect(rows(conn)).toEqual([[7n, 41n], [8n, 41n], [8n, 42n], [9n, 42n]]);
    expect(pairs.mark()).toBe(0);
  });

  it("holds the pairs of a bulk load until flush, then writes them sorted by account and sequence", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.defer(true);
    pairs.add([12, 3], [13, 4], 2);
    pairs.add([3], [13], 3);
    expect(rows(conn)).toEqual([]);
    expect(pairs.mark()).toBe(6);
    pairs.flush();
    expect(rows(conn)).toEqual([[3n, 2n], [3n, 3n], [4n, 2n], [12n, 1n], [13n, 1n], [13n, 3n]]);
    expect(pairs.mark()).toBe(0);
  });

  it("forgets the pairs recorded after a mark, and everything on clear, which also stops deferring", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.defer(true);
    pairs.add([1], [2], 1);
    const mark = pairs.mark();
    pairs.add([1], [2], 2);
    pairs.truncate(mark);
    pairs.flush();
    expect(rows(conn)).toEqual([[1n, 1n], [2n, 1n]]);
    pairs.add([5], [6], 3);
    pairs.clear();
    pairs.flush();
    pairs.add([5], [6], 4);
    expect(rows(conn)).toEqual([[1n, 1n], [2n, 1n], [5n, 4n], [6n, 4n]]);
  });

  it("makes room by writing the held pairs out, sorted, once the buffer is full, so a bulk load's memory stays flat", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn, 4);
    pairs.defer(true);
    pairs.add([9], [2], 1);
    pairs.makeRoom();
    expect(pairs.mark()).toBe(2);
    pairs.add([5], [2], 2);
    expect(pairs.mark()).toBe(4);
    pairs.makeRoom();
    expect(pairs.mark()).toBe(0);
    expect(rows(conn)).toEqual([[2n, 1n], [2n, 2n], [5n, 2n], [9n, 1n]]);
    pairs.add([9], [2], 3);
    pairs.flush();
    expect(rows(conn)).toEqual([[2n, 1n], [2n, 2n], [2n, 3n], [5n, 2n], [9n, 1n], [9n, 3n]]);
  });

  it("writes at once what does not pack into a number: account numbers from 2^21, sequences from 2^32", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.defer(true);
    pairs.add([2 ** 21], [5], 10);
    pairs.add([6], [7], 2 ** 32);
    expect(rows(conn)).toEqual([[5n, 10n], [6n, 2n ** 32n], [7n, 2n ** 32n], [2n ** 21n, 10n]]);
    expect(pairs.mark()).toBe(0);
  });
});

describe("transfer_accounts through the store", () => {
  const batchOf = (from: number, count: number): TransferInput[] =>
    Array.from({ length: count }, (_, k) => pay(`pay:ZF${String(from + k).padStart(7, "0")}`, 1n, { debitAccountId: [ACCOUNTS.q1, ACCOUNTS.q2][(from + k) % 2]! }));

  it("keeps exactly two rows per transfer when a bulk load replays part of itself", async () => {
    const filename = files.newFile();
    const store = openSqliteStore({ filename });
    files.closeLater(() => store.close());
    await seedLedger(store);
    await store.transaction(async (tx) => {
      for (let from = 0; from < DEFER_FROM + 5_000; from += 5_000) await tx.createTransfers(batchOf(from, 5_000));
      // Half replayed, half new: the assume-new attempt fails on UNIQUE and is planned again.
      const replay = await tx.createTransfers(batchOf(DEFER_FROM + 2_500, 5_000));
      expect(replay.results.filter((r) => r.status === "exists")).toHaveLength(2_500);
      const q1 = [];
      for await (const t of tx.transfers({ accountId: ACCOUNTS.q1 })) if (t.id.startsWith("pay:ZF")) q1.push(t.id);
      expect(q1).toHaveLength((DEFER_FROM + 7_500) / 2);
      await tx.createTransfers(batchOf(DEFER_FROM + 7_500, 1_000));
    });
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    const transfers = Number(db.prepare("SELECT count(*) FROM transfers").pluck().get());
    expect(db.prepare("SELECT count(*) FROM transfer_accounts").pluck().get()).toBe(2 * transfers);
    expect(db.prepare("SELECT count(*) FROM transfers t JOIN transfer_accounts a ON a.sequence = t.sequence AND a.account IN (t.debit, t.credit)").pluck().get()).toBe(2 * transfers);
    const q2 = [];
    for await (const t of store.transfers({ accountId: ACCOUNTS.q2 })) if (t.id.startsWith("pay:ZF")) q2.push(t.id);
    expect(q2).toHaveLength((DEFER_FROM + 8_500) / 2);
    expect(q2[0]).toBe("pay:ZF0000001");
  });

  it("keeps memory bounded in a long bulk load: full buffers go out between writes, and every pair arrives once", async () => {
    const filename = files.newFile();
    const { store, ctx } = await openInspectableStore(filename, { holdAtMost: 3_000 });
    files.closeLater(() => store.close());
    let most = 0;
    await store.transaction(async (tx) => {
      for (let from = 0; from < DEFER_FROM + 20_000; from += 2_000) {
        await tx.createTransfers(batchOf(from, 2_000));
        most = Math.max(most, ctx.transferAccounts.mark());
      }
      const replay = await tx.createTransfers(batchOf(DEFER_FROM + 19_000, 2_000));
      expect(replay.results.filter((r) => r.status === "exists")).toHaveLength(1_000);
    });
    // At most one buffer's worth plus one batch's pairs were ever held.
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(3_000 + 2 * 2_000);
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    const transfers = Number(db.prepare("SELECT count(*) FROM transfers").pluck().get());
    expect(transfers).toBeGreaterThan(DEFER_FROM + 21_000 - 1);
    expect(db.prepare("SELECT count(*) FROM transfers t JOIN transfer_accounts a ON a.sequence = t.sequence AND a.account IN (t.debit, t.credit)").pluck().get()).toBe(2 * transfers);
    expect(db.prepare("SELECT count(*) FROM transfer_accounts").pluck().get()).toBe(2 * transfers);
  });
});
