// The id guess of large batches inside a transaction (what each batch answers is in the
// conformance suite, on every store): a replay turns it off, an overspend does not.
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import type { TransferInput } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdGuess, createTransfersLocked } from "./create-transfers";
import { createDeferredWrites, type DeferredWrites } from "./deferred-writes";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";
import { createTxBalances } from "./tx-balances";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1, pipeline: true });
});
afterAll(() => pool.end());

const payments = (from: number, amount: bigint): TransferInput[] =>
  Array.from({ length: 100 }, (_, i) => pay(`pay:ZF${String(from + i).padStart(4, "0")}`, amount));

/** Runs `fn` in a transaction on a seeded schema of its own, rolled back at the end. */
async function inTransaction(fn: (client: pg.PoolClient, s: string, schema: string) => Promise<void>): Promise<void> {
  const schema = freshSchema();
  const store = await openTestStore({ schema });
  await seedLedger(store);
  await store.close();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await fn(client, quoteIdent(schema), schema);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

// On a connection that pipelines, the guess's savepoint statements are sent ahead, not awaited.
const modes: [string, () => DeferredWrites | undefined][] = [
  ["awaiting every statement", () => undefined],
  ["sending savepoints ahead", createDeferredWrites],
];

describe.each(modes)("large batches inside a PostgreSQL transaction, %s", (_mode, deferred) => {
  it("stop guessing that their ids are new once a batch replays earlier payments", async () => {
    await inTransaction(async (client, s, schema) => {
      const balances = createTxBalances();
      const guess = createIdGuess();
      const writes = deferred();
      const first = await createTransfersLocked(client, s, schema, payments(0, 1_000n), {}, balances, guess, writes);
      balances.keep(first.stage);
      expect(first.result.results.every((r) => r.status === "ok")).toBe(true);
      expect(guess.assumeNew).toBe(true);
      const again = await createTransfersLocked(client, s, schema, payments(50, 1_000n), {}, balances, guess, writes);
      expect(again.result.results.map((r) => r.status)).toEqual([...Array(50).fill("exists"), ...Array(50).fill("ok")]);
      expect(guess.assumeNew).toBe(false);
      await writes?.settle();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${s}.transfers WHERE id LIKE 'pay:ZF%'`);
      expect(rows[0].n).toBe(150);
    });
  });

  it("keep guessing after a batch refused for overspending", async () => {
    await inTransaction(async (client, s, schema) => {
      const guess = createIdGuess();
      const over = await createTransfersLocked(client, s, schema, payments(0, 20_000n), {}, createTxBalances(), guess, deferred());
      expect(over.result.applied).toBe(false);
      expect(over.result.results.find((r) => r.status !== "batch_failed")).toMatchObject({ status: "exceeds_limit", accountId: ACCOUNTS.q1 });
      expect(guess.assumeNew).toBe(true);
    });
  });
});
