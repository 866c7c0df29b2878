// `tx.savepoint` during a bulk load: what the transaction holds in memory (balances, account
// pairs, the index deferral) must come out of a rollback to a savepoint as exact as the tables.
// The behaviour every store shares is in the conformance suite (savepoint.suite).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay } from "@jincai/core/testing";
import type { Store, TransferInput } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { DEFER_FROM } from "./index-deferral";
import { expectPairRowsComplete } from "./_testing/pair-rows";
import { openInspectableStore } from "./_testing/inspectable-store";
import { useTempFiles } from "./_testing/temp-store";

const files = useTempFiles();
const LINES = [ACCOUNTS.q1, ACCOUNTS.q2, ACCOUNTS.q3];

/** A store holding at most 3,000 account pairs in memory, so bulk loads write full buffers out. */
async function openSmallBuffer(filename: string): Promise<{ store: Store; ctx: SqliteContext }> {
  const opened = await openInspectableStore(filename, { holdAtMost: 3_000 });
  files.closeLater(() => opened.store.close());
  return opened;
}

/** One-fen payments over the three lines, March and April. */
const batchOf = (from: number, count: number): TransferInput[] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return pay(`pay:ZF${String(i).padStart(7, "0")}`, 1n, { debitAccountId: LINES[i % 3]!, date: i % 2 === 0 ? "2026-03-10" : "2026-04-10" });
  });

async function load(tx: Store | Parameters<Parameters<Store["transaction"]>[0]>[0], from: number, count: number): Promise<void> {
  for (let at = from; at < from + count; at += 2_000) expect((await tx.createTransfers(batchOf(at, Math.min(2_000, from + count - at)))).applied).toBe(true);
}

class Undo extends Error {}

/** The file after commit: every transfer's pair rows once, the schema's indexes, balances that match the transfers. */
function expectConsistent(filename: string, paymentsPerLine: number): void {
  const db = new Database(filename, { readonly: true });
  files.closeLater(() => db.close());
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  expectPairRowsComplete(db);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers' ORDER BY name").pluck().all()).toEqual([
    "sqlite_autoindex_transfers_1", "transfers_date", "transfers_pending_id",
  ]);
  for (const line of LINES) {
    const row = db.prepare("SELECT a.debits_posted, (SELECT sum(debits_posted) FROM account_months m WHERE m.account = a.num) AS months FROM accounts a WHERE id = ?")
      .get(line) as { debits_posted: number; months: number };
    expect(row).toEqual({ debits_posted: paymentsPerLine, months: paymentsPerLine });
  }
}

describe("savepoints in a bulk load (SQLite)", () => {
  it("undoes a failed file's deferred transfers, pairs and balances, and keeps the file before it", async () => {
    const filename = files.newFile();
    const { store, ctx } = await openSmallBuffer(filename);
    const kept = DEFER_FROM + 10_000;
    await store.transaction(async (tx) => {
      await tx.savepoint(async (sp) => load(sp, 0, kept));
      expect(ctx.deferral.deferred).toBe(true);
      // The second file goes in deferred too (full buffers written inside it), then fails.
      await expect(tx.savepoint(async (sp) => {
        await load(sp, kept, 20_001);
        throw new Undo();
      })).rejects.toBeInstanceOf(Undo);
      const [q1] = await tx.accountBalances({ accountIds: [ACCOUNTS.q1] });
      expect(q1!.balance.debitsPosted).toBe(BigInt(kept / 3));
      // Its ids are free again: the next file reuses them.
      await load(tx, kept, 9_999);
    });
    expectConsistent(filename, (kept + 9_999) / 3);
  });

  it("comes out whole when the indexes were dropped inside the savepoint that failed", async () => {
    const filename = files.newFile();
    const { store, ctx } = await openSmallBuffer(filename);
    await store.transaction(async (tx) => {
      await tx.savepoint(async (sp) => load(sp, 0, 3_000));
      expect(ctx.deferral.deferred).toBe(false);
      await expect(tx.savepoint(async (sp) => {
        await load(sp, 3_000, DEFER_FROM + 3_000);
        expect(ctx.deferral.deferred).toBe(true);
        throw new Undo();
      })).rejects.toBeInstanceOf(Undo);
      await load(tx, 3_000, 3_000);
    });
    expectConsistent(filename, 2_000);
  });
});
