import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import { enterBulkJournal, leaveBulkJournal } from "./bulk-journal";
import { openConnection } from "./sqlite-connection";
import { openSqliteStore } from "./open-sqlite-store";
import { loadAndKill } from "./_testing/load-and-kill";
import { useTempFiles } from "./_testing/temp-store";

const AT = "2026-03-01T00:00:00.000Z";
const LINES = [ACCOUNTS.q1, ACCOUNTS.q2, ACCOUNTS.q3];
const files = useTempFiles();
/** The journal mode written in the file's header, read without changing it. */
const modeOf = (filename: string): unknown => {
  const db = new Database(filename, { readonly: true });
  try {
    return db.pragma("journal_mode", { simple: true });
  } finally {
    db.close();
  }
};

describe("enterBulkJournal", () => {
  it("switches a file no other connection has open to a rollback journal with full syncs", () => {
    const conn = openConnection({ filename: files.newFile(), appliedAt: AT });
    files.closeLater(() => conn.close());
    expect(enterBulkJournal(conn.db)).toBe("delete");
    expect(conn.db.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(conn.db.pragma("synchronous", { simple: true })).toBe(2n);
  });

  it("keeps WAL, without waiting, while another connection has the file open", () => {
    const filename = files.newFile();
    const first = openConnection({ filename, appliedAt: AT });
    files.closeLater(() => first.close());
    first.stmt("SELECT count(*) FROM accounts").get();
    const started = performance.now();
    const bulk = openConnection({ filename, appliedAt: AT, bulkLoad: true });
    files.closeLater(() => bulk.close());
    expect(bulk.journalMode).toBe("wal");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(Number(bulk.db.pragma("busy_timeout", { simple: true }))).toBe(10_000);
  });

  it("leaves an in-memory database as it is", () => {
    const db = new Database(":memory:");
    files.closeLater(() => db.close());
    expect(enterBulkJournal(db)).toBe("wal");
    expect(db.pragma("journal_mode", { simple: true })).toBe("memory");
  });
});

describe("leaveBulkJournal", () => {
  it("puts the file back into WAL mode with normal syncs", () => {
    const conn = openConnection({ filename: files.newFile(), appliedAt: AT, bulkLoad: true });
    files.closeLater(() => conn.close());
    leaveBulkJournal(conn.db, conn.journalMode);
    expect(conn.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(conn.db.pragma("synchronous", { simple: true })).toBe(1n);
  });
});

describe("openSqliteStore with bulkLoad", () => {
  it("writes through a rollback journal while open and leaves a WAL file with every transfer after close", async () => {
    const filename = files.newFile();
    const store = openSqliteStore({ filename, bulkLoad: true });
    await seedLedger(store);
    await store.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 12_345n), pay("pay:ZF002", 5_000n, { debitAccountId: ACCOUNTS.q2 })]);
    });
    expect(modeOf(filename)).toBe("delete");
    expect(existsSync(`${filename}-wal`)).toBe(false);
    await store.close();

    expect(modeOf(filename)).toBe("wal");
    expect(existsSync(`${filename}-journal`)).toBe(false);
    const again = openSqliteStore({ filename, readonly: true });
    files.closeLater(() => again.close());
    expect((await again.getTransfer("pay:ZF002"))?.amount).toBe(5_000n);
    const [q1] = await again.accountBalances({ accountIds: [ACCOUNTS.q1] });
    expect(q1?.balance.debitsPosted).toBe(12_345n);
  });

  it("refuses another store while the bulk load holds the file, with STORE_BULK_LOAD_BUSY, at once", async () => {
    const filename = files.newFile();
    const bulk = openSqliteStore({ filename, bulkLoad: true });
    files.closeLater(() => bulk.close());
    await seedLedger(bulk);
    await bulk.transaction(async (tx) => {
      await tx.createTransfers([pay("pay:ZF001", 12_345n)]);
      const started = performance.now();
      expect(() => openSqliteStore({ filename })).toThrow(expect.objectContaining({ code: "STORE_BULK_LOAD_BUSY", details: { filename } }));
      expect(performance.now() - started).toBeLessThan(5_000);
    });
    expect((await bulk.getTransfer("pay:ZF001"))?.amount).toBe(12_345n);
  });

  it("lets another store open the file again once the bulk load has closed", async () => {
    const filename = files.newFile();
    const bulk = openSqliteStore({ filename, bulkLoad: true });
    await seedLedger(bulk);
    await bulk.close();
    const shared = openSqliteStore({ filename });
    files.closeLater(() => shared.close());
    expect((await shared.getAccount(ACCOUNTS.q1))?.id).toBe(ACCOUNTS.q1);
    expect(modeOf(filename)).toBe("wal");
  });
});

describe("a bulk load killed with SIGKILL", () => {
  it("leaves a hot journal that the next store rolls back: transfers, balances and indexes as before", async () => {
    const filename = files.newFile();
    const seeded = openSqliteStore({ filename });
    await seedLedger(seeded);
    await seeded.createTransfers([pay("pay:ZF001", 12_345n)]);
    const before = await seeded.accountBalances({ accountIds: LINES });
    await seeded.close();
    const sizeBefore = statSync(filename).size;

    expect(await loadAndKill(filename, { bulk: true })).toBeGreaterThan(0);
    // The killed load had written its pages into the file itself.
    expect(statSync(filename).size).toBeGreaterThan(sizeBefore + 16 * 1024 * 1024);

    const reopened = openSqliteStore({ filename });
    files.closeLater(() => reopened.close());
    expect(await reopened.accountBalances({ accountIds: LINES })).toEqual(before);
    expect(await reopened.getTransfer("pay:K0")).toBeUndefined();
    expect((await reopened.getTransfer("pay:ZF001"))?.amount).toBe(12_345n);
    expect(existsSync(`${filename}-journal`)).toBe(false);
    expect(modeOf(filename)).toBe("wal");
    const db = new Database(filename, { readonly: true });
    files.closeLater(() => db.close());
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers' AND sql IS NOT NULL").pluck().get()).toBe(2);
  });

  it("refuses a read-only store until a writer has rolled the journal back, with STORE_NEEDS_RECOVERY", async () => {
    const filename = files.newFile();
    const seeded = openSqliteStore({ filename });
    await seedLedger(seeded);
    await seeded.close();
    await loadAndKill(filename, { bulk: true });

    expect(() => openSqliteStore({ filename, readonly: true })).toThrow(expect.objectContaining({ code: "STORE_NEEDS_RECOVERY", details: { filename } }));
    await openSqliteStore({ filename }).close();
    const reader = openSqliteStore({ filename, readonly: true });
    files.closeLater(() => reader.close());
    expect(await reader.getTransfer("pay:K0")).toBeUndefined();
    expect((await reader.getAccount(ACCOUNTS.q1))?.id).toBe(ACCOUNTS.q1);
  });
});
