import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import type { Store } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

// What a transaction reads is in the conformance suite (transaction-balances.suite); here, how the
// tables are written: once, at the transaction's top level, after all of its batches.
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1 });
});
afterAll(() => pool.end());

/** The transaction id that wrote each row's current version (`xmin`), as text. */
async function writers(schema: string): Promise<{ q1: string; head: string; transfers: string[]; months: string[] }> {
  const s = quoteIdent(schema);
  const one = async (text: string, values: unknown[] = []) => (await pool.query<{ x: string }>(text, values)).rows.map((r) => r.x);
  return {
    q1: (await one(`SELECT xmin::text AS x FROM ${s}.accounts WHERE id = $1`, [ACCOUNTS.q1]))[0]!,
    head: (await one(`SELECT xmin::text AS x FROM ${s}.ledger_head`))[0]!,
    transfers: await one(`SELECT xmin::text AS x FROM ${s}.transfers WHERE id LIKE 'pay:%' ORDER BY sequence`),
    months: await one(`SELECT xmin::text AS x FROM ${s}.account_months WHERE account_id = $1 AND month = '2026-03'`, [ACCOUNTS.q1]),
  };
}

describe("balances of a PostgreSQL transaction", () => {
  it("writes balances, months and the ledger head once before COMMIT, not in each batch's savepoint", async () => {
    const schema = freshSchema();
    const store: Store = await openTestStore({ schema });
    try {
      await seedLedger(store);
      await store.transaction(async (tx) => {
        for (let b = 0; b < 4; b++) expect((await tx.createTransfers([pay(`pay:ZF00${b}`, 1_000n)])).applied).toBe(true);
      });
      const w = await writers(schema);
      // Each batch inserted its transfer in its own savepoint (a subtransaction id of its own) ...
      expect(new Set(w.transfers).size).toBe(4);
      // ... while the account, its month and the head were written by one top-level statement pair.
      expect(w.q1).toBe(w.head);
      expect(w.months).toEqual([w.q1]);
      expect(w.transfers).not.toContain(w.q1);
      const [q1] = await store.accountBalances({ accountIds: [ACCOUNTS.q1] });
      expect(q1!.balance.debitsPosted).toBe(4_000n);
    } finally {
      await store.close();
      await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    }
  });

  it("writes each batch's balances at once outside a transaction", async () => {
    const schema = freshSchema();
    const store: Store = await openTestStore({ schema });
    try {
      await seedLedger(store);
      await store.createTransfers([pay("pay:ZF001", 1_000n)]);
      const w = await writers(schema);
      expect(w.transfers).toEqual([w.q1]);
      expect(w.head).toBe(w.q1);
    } finally {
      await store.close();
      await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    }
  });

  it("answers the balances of accounts it holds locked from memory, and reads the others", async () => {
    const schema = freshSchema();
    const store: Store = await openTestStore({ schema });
    try {
      await seedLedger(store);
      const [before] = await store.accountBalances({ accountIds: [ACCOUNTS.q1] });
      await store.transaction(async (tx) => {
        await tx.createTransfers([pay("pay:ZF001", 1_000n)]);
        const statements = vi.spyOn(pg.Client.prototype, "query");
        try {
          const held = await tx.accountBalances({ accountIds: [ACCOUNTS.q1, ACCOUNTS.paid1, ACCOUNTS.q1] });
          expect(statements).not.toHaveBeenCalled();
          expect(held.map((b) => b.account.id)).toEqual([ACCOUNTS.paid1, ACCOUNTS.q1].sort());
          expect(held.find((b) => b.account.id === ACCOUNTS.q1)!.balance.debitsPosted).toBe(before!.balance.debitsPosted + 1_000n);
          // q3 was never locked by this transaction: read, with the held ones, as before.
          const mixed = await tx.accountBalances({ accountIds: [ACCOUNTS.q1, ACCOUNTS.q3] });
          expect(statements).toHaveBeenCalled();
          expect(mixed.find((b) => b.account.id === ACCOUNTS.q1)!.balance).toEqual(held.find((b) => b.account.id === ACCOUNTS.q1)!.balance);
        } finally {
          statements.mockRestore();
        }
      });
    } finally {
      await store.close();
      await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    }
  });
});
