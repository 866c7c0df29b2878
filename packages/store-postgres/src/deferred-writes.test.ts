// Writes sent ahead inside a transaction: the client does not wait for savepoints and their
// releases, and a write that fails behind its back still fails the whole transaction, loudly,
// instead of being lost or rolled back to a savepoint that would hide it.
import type { Store, TransferInput } from "@jincai/core";
import { pay, seedLedger } from "@jincai/core/testing";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDeferredWrites } from "./deferred-writes";
import { clientRunner } from "./runner";
import { exec, sql } from "./sql-client";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
let store: Store | undefined;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 1, pipeline: true });
});
afterEach(async () => {
  await store?.close();
  store = undefined;
});
afterAll(() => pool.end());

/** 100 payments: a batch large enough to guess that its ids are new. */
const payments: TransferInput[] = Array.from({ length: 100 }, (_, i) => pay(`pay:ZF${String(i).padStart(4, "0")}`, 1_000n));
const ids = payments.map((p) => p.id);

describe("writes sent ahead inside a PostgreSQL transaction", () => {
  it("fail every later call with STORE_DEFERRED_WRITE_FAILED, and are never rolled back to a savepoint", async () => {
    const client = await pool.connect();
    try {
      await exec(client, "BEGIN");
      const runner = clientRunner(client);
      // A write that defers a statement bound to fail, as a dropped savepoint would.
      await runner.write(async (db, writes) => {
        writes!.defer(exec(db, "RELEASE SAVEPOINT no_such_savepoint"));
      });
      await expect(runner.read((db) => sql(db, "SELECT 1 AS one"))).rejects.toMatchObject({
        code: "STORE_DEFERRED_WRITE_FAILED",
        details: { sqlState: "3B001" },
      });
      // A later write does not roll back to its savepoint and carry on: it fails the same way.
      await expect(runner.write((db) => sql(db, "SELECT 1 AS one"))).rejects.toMatchObject({ code: "STORE_DEFERRED_WRITE_FAILED" });
      await expect(runner.settleDeferred()).rejects.toMatchObject({ code: "STORE_DEFERRED_WRITE_FAILED" });
      await runner.end();
    } finally {
      await exec(client, "ROLLBACK");
      client.release();
    }
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
