import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";

const dirs: string[] = [];
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A seeded store (q1 holds 10,000.00 yuan) and a second connection to read its tables. */
const open = async (): Promise<{ store: Store; tables: Database.Database }> => {
  const dir = tempDir();
  dirs.push(dir);
  const filename = join(dir, "city-2026.db");
  const store = openSqliteStore({ filename });
  closers.push(() => store.close());
  await seedLedger(store);
  const tables = new Database(filename, { readonly: true });
  tables.defaultSafeIntegers(true);
  closers.push(() => tables.close());
  return { store, tables };
};
const q1Row = (db: Database.Database) => db.prepare("SELECT debits_posted, debits_pending FROM accounts WHERE id = ?").get(ACCOUNTS.q1);
const q1Months = (db: Database.Database) =>
  db.prepare("SELECT m.month, m.debits_posted FROM account_months m JOIN accounts a ON a.num = m.account WHERE a.id = ? ORDER BY month").raw().all(ACCOUNTS.q1);
const spent = async (store: Pick<Store, "accountBalances">) => (await store.accountBalances({ accountIds: [ACCOUNTS.q1] }))[0]!.balance.debitsPosted;

describe("balances kept in memory during a transaction", () => {
  it("checks each batch against the batches before it in the same transaction", async () => {
    const { store } = await open();
    const second = await store.transaction(async (tx) => {
      expect((await tx.createTransfers([pay("pay:ZF001", 600_000n)])).applied).toBe(true);
      expect(await spent(tx)).toBe(600_000n);
      return tx.createTransfers([pay("pay:ZF002", 500_000n)]);
    });
    expect(second.results[0]).toMatchObject({ status: "exceeds_limit", accountId: ACCOUNTS.q1 });
    expect(await spent(store)).toBe(600_000n);
  });

  it("writes the balances and months to the tables at COMMIT, not before", async () => {
    const { store, tables } = await open();
    await store.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 100_000n, { date: "2026-03-10" }), pay("pay:ZF002", 20_000n, { date: "2026-04-02" })]);
      // Another connection sees the committed state only.
      expect(q1Row(tables)).toEqual({ debits_posted: 0n, debits_pending: 0n });
    });
    expect(q1Row(tables)).toEqual({ debits_posted: 120_000n, debits_pending: 0n });
    expect(q1Months(tables)).toEqual([["2026-01", 0n], ["2026-03", 100_000n], ["2026-04", 20_000n]]); // January: the funding (a credit)
  });

  it("answers a query by book or as of a date inside the transaction with the changes not yet written", async () => {
    const { store } = await open();
    await store.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 100_000n, { date: "2026-03-10" })]);
      const byBook = await tx.accountBalances({ book: "quota" });
      expect(byBook.find((b) => b.account.id === ACCOUNTS.q1)!.balance.debitsPosted).toBe(100_000n);
      await tx.createTransfers([pay("pay:ZF002", 20_000n, { date: "2026-04-02" })]);
      const [march] = await tx.accountBalances({ accountIds: [ACCOUNTS.q1], asOf: "2026-03-31" });
      expect(march!.balance.debitsPosted).toBe(100_000n);
      expect(await spent(tx)).toBe(120_000n);
    });
    const [april] = await store.accountBalances({ accountIds: [ACCOUNTS.q1], asOf: "2026-04-30" });
    expect(april!.balance.debitsPosted).toBe(120_000n);
  });

  it("forgets the changes of a transaction that rolls back", async () => {
    const { store, tables } = await open();
    await expect(
      store.transaction(async (tx) => {
        await tx.createTransfers([pay("pay:ZF001", 900_000n)]);
        throw new Error("import cancelled");
      }),
    ).rejects.toThrow("import cancelled");
    expect(await spent(store)).toBe(0n);
    await store.transaction(async (tx) => {
      expect((await tx.createTransfers([pay("pay:ZF001", 900_000n)])).applied).toBe(true);
    });
    expect(q1Row(tables)).toEqual({ debits_posted: 900_000n, debits_pending: 0n });
  });

  it("leaves the balances as they were when a batch is refused", async () => {
    const { store } = await open();
    await store.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 300_000n)]);
      const refused = await tx.createTransfers([pay("pay:ZF002", 100n), pay("pay:ZF003", 800_000n)]);
      expect(refused.applied).toBe(false);
      expect(await spent(tx)).toBe(300_000n);
    });
    expect(await spent(store)).toBe(300_000n);
  });

  it("sees an account closed inside the transaction", async () => {
    const { store } = await open();
    await store.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 100n)]);
      await tx.closeAccount(ACCOUNTS.q1);
      const after = await tx.createTransfers([pay("pay:ZF002", 100n)]);
      expect(after.results[0]!.status).toBe("account_closed");
    });
  });

  it("writes straight to the tables outside a transaction", async () => {
    const { store, tables } = await open();
    await store.createTransfers([pay("pay:ZF001", 100_000n)]);
    expect(q1Row(tables)).toEqual({ debits_posted: 100_000n, debits_pending: 0n });
  });
});
