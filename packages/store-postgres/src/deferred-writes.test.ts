// Writes sent ahead inside a transaction: the client does not wait for a batch's insert, and a
// write that fails behind its back (a concurrent client took the same new id) still fails the
// whole transaction, loudly, instead of being lost.
import type { Store, TransferInput } from "@jincai/core";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDeferredWrites } from "./deferred-writes";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
let store: Store | undefined;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 2 });
});
afterEach(async () => {
  await store?.close();
  store = undefined;
});
afterAll(() => pool.end());

/** 100 payments, large enough to be sent ahead; the 51st is `pay:ZF0050`. */
const payments: TransferInput[] = Array.from({ length: 100 }, (_, i) => pay(`pay:ZF${String(i).padStart(4, "0")}`, 1_000n));
const ids = payments.map((p) => p.id);

/**
 * Another client's open transaction holding a row of `pay:ZF0050` that nobody else can see yet
 * (inserted directly, on other accounts, so it takes none of the row locks the batch needs).
 */
async function rivalHolding(schema: string): Promise<pg.PoolClient> {
  const rival = await pool.connect();
  await rival.query("BEGIN");
  await rival.query(
    `INSERT INTO ${quoteIdent(schema)}.transfers (sequence, id, phase, debit_account_id, credit_account_id, amount, date, refs)
     VALUES (1000000, 'pay:ZF0050', 'posted', $1, $2, 1, '2026-03-10', '{}')`,
    [ACCOUNTS.q3, ACCOUNTS.paid1],
  );
  return rival;
}

describe("writes sent ahead inside a PostgreSQL transaction", () => {
  it("fail the transaction with STORE_DEFERRED_WRITE_FAILED when a rival commits the same new id first", async () => {
    const schema = freshSchema();
    store = await openTestStore({ schema });
    await seedLedger(store);
    const rival = await rivalHolding(schema);
    try {
      const importing = store.transaction(async (tx) => {
        // The rival's row is invisible: every payment is new as far as this transaction can tell.
        const r = await tx.createTransfers(payments);
        expect(r.results.every((x) => x.status === "ok")).toBe(true);
        // The insert sent ahead waits on the rival's row; the rival commits, so it fails.
        await rival.query("COMMIT");
        await tx.putRecord({ collection: "note", id: "after", data: { n: 1 } });
      });
      await expect(importing).rejects.toMatchObject({ code: "STORE_DEFERRED_WRITE_FAILED", details: { sqlState: "23505" } });
    } finally {
      rival.release();
    }
    // Nothing of the transaction stayed: only the rival's payment is stored.
    expect((await store.getTransfers(ids)).filter((t) => t !== undefined).map((t) => [t!.id, t!.debitAccountId])).toEqual([
      ["pay:ZF0050", ACCOUNTS.q3],
    ]);
    expect(await store.getRecord("note", "after")).toBeUndefined();
  });

  it("go in once the rival rolls back, and the transaction commits", async () => {
    const schema = freshSchema();
    store = await openTestStore({ schema });
    await seedLedger(store);
    const rival = await rivalHolding(schema);
    try {
      await store.transaction(async (tx) => {
        await tx.createTransfers(payments);
        await rival.query("ROLLBACK");
      });
    } finally {
      rival.release();
    }
    expect((await store.getTransfers(ids)).every((t) => t?.debitAccountId === ACCOUNTS.q1)).toBe(true);
  });

  it("are undone with the savepoint of a later batch that fails, and the transaction goes on", async () => {
    store = await openTestStore();
    await seedLedger(store);
    await store.transaction(async (tx) => {
      await tx.createTransfers(payments.slice(0, 70));
      await expect(tx.savepoint(async (inner) => {
        await inner.createTransfers(payments.slice(70));
        throw new Error("the file has a bad row");
      })).rejects.toThrow("bad row");
    });
    const stored = await store.getTransfers(ids);
    expect(stored.filter((t) => t !== undefined)).toHaveLength(70);
  });
});

describe("the deferred writes of a transaction", () => {
  it("name the first write that failed, with its SQLSTATE, and keep failing", async () => {
    const writes = createDeferredWrites();
    const failing = (code: string, message: string, ticks: number): Promise<never> =>
      Array.from({ length: ticks }).reduce<Promise<void>>((p) => p.then(() => undefined), Promise.resolve()).then(() => {
        throw Object.assign(new Error(message), { code });
      });
    writes.defer(Promise.resolve());
    // The insert's rejection arrives after that of the statement sent behind it.
    writes.defer(failing("23505", "duplicate key value", 5));
    writes.defer(failing("25P02", "current transaction is aborted", 0));
    await expect(writes.settle()).rejects.toMatchObject({ code: "STORE_DEFERRED_WRITE_FAILED", details: { sqlState: "23505" } });
    expect(writes.failure?.message).toContain("duplicate key value");
    await expect(writes.settle()).rejects.toBe(writes.failure);
  });

  it("settle quietly when every write went in", async () => {
    const writes = createDeferredWrites();
    writes.defer(Promise.resolve(1));
    await expect(writes.settle()).resolves.toBeUndefined();
    expect(writes.failure).toBeUndefined();
  });
});
