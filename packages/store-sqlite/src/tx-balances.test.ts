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

// What a transaction reads is in the conformance suite (transaction-balances.suite); here, when
// the tables are written.
describe("balances kept in memory during a transaction", () => {
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

  it("writes straight to the tables outside a transaction", async () => {
    const { store, tables } = await open();
    await store.createTransfers([pay("pay:ZF001", 100_000n)]);
    expect(q1Row(tables)).toEqual({ debits_posted: 100_000n, debits_pending: 0n });
  });
});
