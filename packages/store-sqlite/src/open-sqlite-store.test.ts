import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNTS, DAY, pay, seedLedger } from "@jincai/core/testing";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";

const dirs: string[] = [];
const stores: Store[] = [];
const newFile = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, "city-2026.db");
};
const open = (filename: string, readonly = false): Store => {
  const store = openSqliteStore({ filename, readonly });
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("openSqliteStore", () => {
  it("opens a file in WAL mode with foreign keys and NORMAL sync, as kind sqlite", () => {
    const file = newFile();
    expect(open(file).kind).toBe("sqlite");
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("page_size", { simple: true })).toBe(16384);
    raw.close();
  });

  it("keeps the page size of a file made with another one", async () => {
    const file = newFile();
    const made = new Database(file);
    made.pragma("page_size = 4096");
    made.exec("CREATE TABLE notes (id TEXT)");
    made.close();
    const store = open(file);
    await seedLedger(store);
    await store.createTransfers([pay("pay-1", 12_345n)]);
    expect((await store.getTransfer("pay-1"))?.amount).toBe(12_345n);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("page_size", { simple: true })).toBe(4096);
    raw.close();
  });

  it("keeps accounts, transfers, balances, records and audit events across close and reopen", async () => {
    const file = newFile();
    const first = openSqliteStore({ filename: file });
    await seedLedger(first);
    await first.createTransfers([pay("pay-1", 12_345n)]);
    await first.putRecord({ collection: "payments", id: "pay-1", data: { amount: 12_345n, payee: "北京办公用品公司" }, index: { agency: "101001" } });
    await first.close();

    const again = open(file);
    expect((await again.getTransfer("pay-1"))?.amount).toBe(12_345n);
    const [q1] = await again.accountBalances({ accountIds: [ACCOUNTS.q1] });
    expect(q1?.balance.debitsPosted).toBe(12_345n);
    expect((await again.getRecord("payments", "pay-1"))?.data).toEqual({ amount: 12_345n, payee: "北京办公用品公司" });
  });

  it("stores amounts as INTEGER fen and record amounts as tagged JSON", async () => {
    const file = newFile();
    const store = open(file);
    await seedLedger(store);
    await store.putRecord({ collection: "quota-lines", id: "L1", data: { amount: 1_000_000n } });
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT DISTINCT typeof(amount) FROM transfers").pluck().all()).toEqual(["integer"]);
    expect(raw.prepare("SELECT data FROM records WHERE id = 'L1'").pluck().get()).toBe('{"amount":{"$bigint":"1000000"}}');
    raw.close();
  });

  it("throws STORE_SCHEMA_TOO_NEW for a file of a newer release", () => {
    const file = newFile();
    const raw = new Database(file);
    raw.pragma("user_version = 42");
    raw.close();
    expect(() => open(file)).toThrow(expect.objectContaining({ code: "STORE_SCHEMA_TOO_NEW", details: expect.objectContaining({ found: 42 }) }));
  });

  it("with mustExist, throws STORE_NOT_FOUND for a missing, an empty or a foreign file instead of creating a store", async () => {
    const missing = newFile();
    expect(() => openSqliteStore({ filename: missing, mustExist: true })).toThrow(expect.objectContaining({ code: "STORE_NOT_FOUND", message: `${missing} does not exist` }));
    expect(existsSync(missing)).toBe(false);
    const empty = newFile();
    writeFileSync(empty, "");
    expect(() => openSqliteStore({ filename: empty, mustExist: true })).toThrow(expect.objectContaining({ code: "STORE_NOT_FOUND", message: expect.stringContaining("holds no Jincai store") }));
    expect(statSync(empty).size).toBe(0);
    const text = newFile();
    writeFileSync(text, "支付单号,金额\nZF1,100.00\n".repeat(20));
    expect(() => openSqliteStore({ filename: text, mustExist: true })).toThrow(expect.objectContaining({ code: "STORE_NOT_FOUND", message: expect.stringContaining("is not a database") }));
    const made = newFile();
    await open(made).close();
    const again = openSqliteStore({ filename: made, mustExist: true });
    expect(again.kind).toBe("sqlite");
    await again.close();
  });

  it("throws STORE_SCHEMA_OUTDATED when opening an unmigrated file read-only", () => {
    const file = newFile();
    new Database(file).close();
    expect(() => open(file, true)).toThrow(expect.objectContaining({ code: "STORE_SCHEMA_OUTDATED" }));
  });

  it("reads a file read-only and refuses writes with STORE_READONLY", async () => {
    const file = newFile();
    await seedLedger(open(file));
    const reader = open(file, true);
    expect((await reader.getAccount(ACCOUNTS.q1))?.book).toBe("quota");
    await expect(reader.createTransfers([pay("pay-1", 100n)])).rejects.toMatchObject({ code: "STORE_READONLY" });
    await expect(reader.transaction((tx) => tx.putRecord({ collection: "c", id: "1", data: {} }))).rejects.toMatchObject({
      code: "STORE_READONLY",
    });
  });

  it("throws STORE_CLOSED after close", async () => {
    const store = openSqliteStore({ filename: newFile() });
    await store.close();
    await expect(store.getAccount(ACCOUNTS.q1)).rejects.toMatchObject({ code: "STORE_CLOSED" });
  });

  it("throws STORE_CALL_INSIDE_TRANSACTION instead of deadlocking when fn calls the store itself", async () => {
    const store = open(newFile());
    await expect(store.transaction(async () => store.getAccount(ACCOUNTS.q1))).rejects.toMatchObject({
      code: "STORE_CALL_INSIDE_TRANSACTION",
    });
    expect(await store.getAccount(ACCOUNTS.q1)).toBeUndefined();
  });

  it("keeps a transaction usable after an atomic batch in it fails", async () => {
    const store = open(newFile());
    await seedLedger(store);
    const outcome = await store.transaction(async (tx) => {
      const over = await tx.createTransfers([pay("pay-1", 100n), pay("pay-2", 99_000_000n)]);
      const fits = await tx.createTransfers([pay("pay-3", 500n)]);
      return [over.applied, fits.applied];
    });
    expect(outcome).toEqual([false, true]);
    expect(await store.getTransfer("pay-1")).toBeUndefined();
    expect((await store.getTransfer("pay-3"))?.amount).toBe(500n);
  });

  it("commits the rest of a transaction whose fn caught a RECORD_VERSION_CONFLICT", async () => {
    const store = open(newFile());
    await store.putRecord({ collection: "payments", id: "pay-1", data: { amount: 100n } });
    await store.transaction(async (tx) => {
      await tx.putRecord({ collection: "payments", id: "pay-2", data: { amount: 200n } });
      await expect(tx.putRecord({ collection: "payments", id: "pay-1", data: {}, expectedVersion: 0 })).rejects.toMatchObject({
        code: "RECORD_VERSION_CONFLICT",
      });
    });
    expect((await store.getRecord("payments", "pay-2"))?.data).toEqual({ amount: 200n });
    expect((await store.getRecord("payments", "pay-1"))?.version).toBe(1);
  });

  it("works on a private :memory: database", async () => {
    const store = open(":memory:");
    await seedLedger(store);
    expect((await store.createTransfers([pay("pay-1", 100n)])).applied).toBe(true);
  });

  it("rolls back accounts created in a failed transaction, so a later account reuses nothing stale", async () => {
    const store = open(newFile());
    await seedLedger(store);
    await expect(
      store.transaction(async (tx) => {
        await tx.createAccounts([{ id: "quota-tmp", book: "quota", code: "9", normalSide: "credit" }]);
        throw new Error("approval withdrawn");
      }),
    ).rejects.toThrow("approval withdrawn");
    await store.createAccounts([{ id: "quota-new", book: "quota", code: "9", normalSide: "credit" }]);
    await store.createTransfers([{ id: "g1", debitAccountId: ACCOUNTS.source, creditAccountId: "quota-new", amount: 7n, date: DAY }]);
    expect((await store.getTransfer("g1"))?.creditAccountId).toBe("quota-new");
    expect(await store.getAccount("quota-tmp")).toBeUndefined();
  });

  it("sees an account closed by another connection to the same file", async () => {
    const file = newFile();
    const a = open(file);
    const b = open(file);
    await seedLedger(a);
    expect((await b.createTransfers([pay("pay-1", 100n)])).applied).toBe(true);
    await a.closeAccount(ACCOUNTS.q1);
    expect((await b.getAccount(ACCOUNTS.q1))?.closed).toBe(true);
    expect((await b.createTransfers([pay("pay-2", 100n)])).results[0]?.status).toBe("account_closed");
  });
});
