import { ACCOUNTS, seedLedger } from "@jincai/core/testing";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openPostgresStore } from "./open-postgres-store";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";
import type { Store } from "@jincai/core";

const opened: Store[] = [];
const track = async (p: Promise<Store>): Promise<Store> => {
  const store = await p;
  opened.push(store);
  return store;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe("openPostgresStore", () => {
  it("opens a store of kind postgres whose amounts come back as bigint fen", async () => {
    const store = await track(openTestStore());
    expect(store.kind).toBe("postgres");
    await seedLedger(store);
    const [row] = await store.accountBalances({ accountIds: [ACCOUNTS.q1] });
    expect(row?.balance.creditsPosted).toBe(1_000_000n);
    expect(pg.types.getTypeParser(20)("5")).toBe("5");
  });

  it("round-trips record data holding 9,007,199,254,740,993 fen exactly", async () => {
    const store = await track(openTestStore());
    const data = { total: 9_007_199_254_740_993n, lines: [{ code: "30201", amount: -1n }], $ref: "ZF-001" };
    await store.putRecord({ collection: "payments", id: "ZF-001", data });
    expect((await store.getRecord("payments", "ZF-001"))?.data).toEqual(data);
  });

  it("borrows an application's pool and leaves it open on close", async () => {
    const pool = new pg.Pool({ connectionString: testServerUrl(), max: 2 });
    try {
      const store = await openPostgresStore({ pool, schema: freshSchema() });
      await seedLedger(store);
      expect((await store.getTransfer("fund-q1"))?.amount).toBe(1_000_000n);
      await store.close();
      expect((await pool.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
    } finally {
      await pool.end();
    }
  });

  it("throws STORE_OPTIONS_INVALID without a connection or with a schema name that is not an identifier", async () => {
    await expect(openPostgresStore({})).rejects.toMatchObject({ code: "STORE_OPTIONS_INVALID" });
    await expect(openPostgresStore({ connectionString: testServerUrl(), schema: "city; DROP TABLE x" })).rejects.toMatchObject({
      code: "STORE_OPTIONS_INVALID",
    });
  });

  it("throws STORE_UNAVAILABLE when nothing listens on the port", async () => {
    await expect(openPostgresStore({ connectionString: "postgres://postgres@127.0.0.1:1/postgres" })).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
  });
});

describe("transaction", () => {
  it("throws STORE_TRANSACTION_CLOSED when a transaction handle is used after it committed", async () => {
    const store = await track(openTestStore());
    const tx = await store.transaction(async (t) => t);
    await expect(tx.getAccount(ACCOUNTS.q1)).rejects.toMatchObject({ code: "STORE_TRANSACTION_CLOSED" });
  });

  it("runs calls made concurrently inside one transaction one after another", async () => {
    const store = await track(openTestStore());
    await seedLedger(store);
    await store.transaction(async (tx) => {
      const writes = Array.from({ length: 20 }, (_, i) =>
        tx.putRecord({ collection: "payments", id: `ZF-${String(i).padStart(3, "0")}`, data: { i }, expectedVersion: 0 }),
      );
      await Promise.all(writes);
    });
    let n = 0;
    for await (const _ of store.queryRecords("payments")) n++;
    expect(n).toBe(20);
  });
});
