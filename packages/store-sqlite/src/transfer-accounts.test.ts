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
import { expectPairRowsComplete } from "./_testing/pair-rows";
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
    pairs.add([7, 9], [3, 3], 42);
    expect(rows(conn)).toEqual([[3n, 41n], [3n, 42n], [7n, 41n], [9n, 42n]]);
    expect(pairs.mark()).toBe(0);
  });

  it("holds the pairs of a bulk load until flush, then writes them sorted by account and sequence", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.defer(true);
    pairs.add([12, 3], [14, 5], 2);
    pairs.add([3], [13], 3);
    expect(rows(conn)).toEqual([]);
    expect(pairs.mark()).toBe(6);
    pairs.flush();
    expect(rows(conn)).toEqual([[3n, 2n], [3n, 3n], [5n, 2n], [12n, 1n], [13n, 3n], [14n, 1n]]);
    expect(pairs.mark()).toBe(0);
  });

  it("forgets the pairs recorded after a mark, and everything on clear, which also stops deferring", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.defer(true);
    pairs.add([1], [3], 1);
    const mark = pairs.mark();
    pairs.add([1], [3], 2);
    pairs.truncate(mark);
    pairs.flush();
    expect(rows(conn)).toEqual([[1n, 1n], [3n, 1n]]);
    pairs.add([5], [7], 3);
    pairs.clear();
    pairs.flush();
    pairs.add([5], [7], 4);
    expect(rows(conn)).toEqual([[1n, 1n], [3n, 1n], [5n, 4n], [7n, 4n]]);
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
    pairs.add([6], [8], 2 ** 32);
    expect(rows(conn)).toEqual([[5n, 10n], [6n, 2n ** 32n], [8n, 2n ** 32n], [2n ** 21n, 10n]]);
    expect(pairs.mark()).toBe(0);
  });

  it("writes one row for a transfer that credits the account numbered right after its debit (a quota line and its 指标执行 account)", () => {
    const conn = openConn();
    const pairs = createTransferAccounts(conn);
    pairs.add([7, 8], [8, 7], 42);
    // 7 → 8 is found through (7, 41); 8 → 7 credits the account before, so both sides have rows.
    expect(rows(conn)).toEqual([[7n, 41n], [7n, 42n], [8n, 42n]]);
    pairs.defer(true);
    pairs.add([20], [21], 43);
    pairs.add([2 ** 21], [2 ** 21 + 1], 44);
    expect(rows(conn)).toEqual([[7n, 41n], [7n, 42n], [8n, 42n], [2n ** 21n, 44n]]);
    pairs.flush();
    expect(rows(conn)).toEqual([[7n, 41n], [7n, 42n], [8n, 42n], [20n, 43n], [2n ** 21n, 44n]]);
  });
});

describe("transfer_accounts through the store", () => {
  const batchOf = (from: number, count: number): TransferInput[] =>
    Array.from({ length: count }, (_, k) => pay(`pay:ZF${String(from + k).padStart(7, "0")}`, 1n, { debitAccountId: [ACCOUNTS.q1, ACCOUNTS.q2][(from + k) % 2]! }));

  it("keeps exactly the rows each transfer needs when a bulk load replays part of itself", async () => {
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
    expectPairRowsComplete(db);
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
    expectPairRowsComplete(db);
  });

  it("lists an account's statement whole and in order when part of it is found through the account numbered before it", async () => {
    const filename = files.newFile();
    const store = openSqliteStore({ filename });
    files.closeLater(() => store.close());
    // line and spent are made together, so spent is numbered right after line: line → spent
    // transfers have no row of spent's own. other and spare are not adjacent to either.
    const account = (id: string) => ({ id, book: "quota", code: "9001", normalSide: "debit" as const, dimensions: { fiscalYear: "2026" } });
    await store.createAccounts([account("other"), account("line"), account("spent"), account("spare")]);
    const expected: string[] = [];
    const batch: TransferInput[] = [];
    for (let k = 0; k < 12_000; k++) {
      const id = `t${String(k).padStart(6, "0")}`;
      const date = k < 6_000 ? "2026-03-10" : "2026-04-10";
      // Mostly line → spent; every third other → spent (spent's own row); every fifth line → spare.
      const [debitAccountId, creditAccountId] = k % 5 === 0 ? ["line", "spare"] : k % 3 === 0 ? ["other", "spent"] : ["line", "spent"];
      batch.push({ id, debitAccountId, creditAccountId, amount: 1n, date });
      if (creditAccountId === "spent") expected.push(id);
    }
    for (let at = 0; at < batch.length; at += 1_000) expect((await store.createTransfers(batch.slice(at, at + 1_000))).applied).toBe(true);
    const ids = async (query: Parameters<typeof store.transfers>[0]): Promise<string[]> => {
      const out: string[] = [];
      for await (const t of store.transfers(query)) out.push(t.id);
      return out;
    };
    // 9,600 transfers credit spent (6,400 through line's rows): two pages of 5,000, merged from
    // both ranges in sequence order.
    expect(expected).toHaveLength(9_600);
    expect(await ids({ accountId: "spent" })).toEqual(expected);
    expect(await ids({ accountId: "spent", from: "2026-04-01" })).toEqual(expected.filter((id) => id >= "t006000"));
    expect(await ids({ accountId: "spare" })).toHaveLength(2_400);
    expect(await ids({ accountId: "line" })).toEqual(batch.filter((t) => t.debitAccountId === "line").map((t) => t.id));
    expect(await ids({ accountId: "other" })).toHaveLength(3_200);
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    expectPairRowsComplete(db);
  });
});
