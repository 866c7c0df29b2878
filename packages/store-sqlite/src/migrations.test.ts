import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS, checkNotTooNew, migrate, userVersion } from "./migrations";
import type { Migration } from "./migrations";
import { tempDir } from "./_testing/temp-store";
import { openConnection } from "./sqlite-connection";
import { deleteRecordSync, putRecordSync, putRecordsSync, recordPageSync } from "./record-ops";
import { openSqliteStore } from "./open-sqlite-store";

const AT = "2026-03-01T00:00:00.000Z";
const dirs: string[] = [];
const fresh = (): Database.Database => {
  const dir = tempDir();
  dirs.push(dir);
  return new Database(join(dir, "ledger.db"));
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("creates the schema once; running it again changes nothing", () => {
    const db = fresh();
    expect(migrate(db, AT)).toBe(MIGRATIONS.length);
    expect(migrate(db, "2026-03-02T00:00:00.000Z")).toBe(MIGRATIONS.length);
    const log = db.prepare("SELECT version, applied_at FROM schema_migrations").all();
    expect(log).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: AT })));
    db.close();
  });

  it("runs only the steps a database is missing", () => {
    const db = fresh();
    migrate(db, AT);
    const next: Migration = { version: MIGRATIONS.length + 1, name: "carry-forward notes", sql: "CREATE TABLE notes (id TEXT)" };
    expect(migrate(db, AT, [...MIGRATIONS, next])).toBe(next.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").pluck().get()).toBe("notes");
    db.close();
  });

  it("throws STORE_SCHEMA_TOO_NEW for a file written by a newer release", () => {
    const db = fresh();
    db.pragma("user_version = 99");
    expect(() => migrate(db, AT)).toThrow(expect.objectContaining({ code: "STORE_SCHEMA_TOO_NEW", details: expect.objectContaining({ found: 99, supported: MIGRATIONS.length }) }));
    db.close();
  });
});

describe("checkNotTooNew", () => {
  it("returns the version of a database the release knows", () => {
    const db = fresh();
    expect(checkNotTooNew(db, MIGRATIONS.length)).toBe(0);
    db.close();
  });
});

describe("userVersion", () => {
  it("reads PRAGMA user_version", () => {
    const db = fresh();
    db.pragma("user_version = 3");
    expect(userVersion(db)).toBe(3);
    db.close();
  });
});

/** A quota line (account 1) and its spent account (2), as rows of `accounts`. */
const QUOTA_AND_SPENT = `INSERT INTO accounts (num, id, book, code, dimensions, normal_side, flags) VALUES
  (1, 'quota:Q1', 'quota', 'QUOTA', '{}', 'debit', '{}'), (2, 'quota-spent:Q1', 'quota', 'SPENT', '{}', 'credit', '{}');`;

describe("migration 2 (balances per account and month)", () => {
  it("sums the transfers of a version-1 database into months, a post releasing its whole reservation", () => {
    const db = fresh();
    migrate(db, AT, MIGRATIONS.slice(0, 1));
    db.exec(`${QUOTA_AND_SPENT}
      INSERT INTO transfers (id, phase, debit, credit, amount, date, pending_id) VALUES
      ('pay:ZF001', 'pending', 1, 2, 100000, '2026-03-01', NULL),
      ('pay:ZF001:paid', 'post', 1, 2, 60000, '2026-03-05', 'pay:ZF001'),
      ('pay:ZF002', 'posted', 1, 2, 25000, '2026-03-05', NULL),
      ('pay:ZF003', 'pending', 1, 2, 40000, '2026-03-31', NULL),
      ('pay:ZF003:void', 'void', 1, 2, 40000, '2026-04-02', 'pay:ZF003');`);
    expect(migrate(db, AT)).toBe(MIGRATIONS.length);
    const months = db.prepare("SELECT account, month, debits_posted, credits_posted, debits_pending, credits_pending FROM account_months ORDER BY account, month").raw().all();
    expect(months).toEqual([
      [1, "2026-03", 85000, 0, 40000, 0],
      [1, "2026-04", 0, 0, -40000, 0],
      [2, "2026-03", 0, 85000, 0, 40000],
      [2, "2026-04", 0, 0, 0, -40000],
    ]);
    db.close();
  });
});

describe("migration 3 (transfers without a foreign key to accounts)", () => {
  it("keeps every transfer with its sequence, drops only the foreign keys and keeps the indexes", () => {
    const db = fresh();
    migrate(db, AT, MIGRATIONS.slice(0, 2));
    db.exec(`${QUOTA_AND_SPENT}
      INSERT INTO transfers (sequence, id, phase, debit, credit, amount, date, pending_id, refs) VALUES
      (1, 'pay:ZF001', 'pending', 1, 2, 100000, '2026-03-01', NULL, '{"voucher":"ZF001"}'),
      (2, 'pay:ZF001:paid', 'post', 1, 2, 60000, '2026-03-05', 'pay:ZF001', NULL),
      (7, 'pay:ZF002', 'posted', 1, 2, 25000, '2026-03-05', NULL, NULL);`);
    const before = db.prepare("SELECT * FROM transfers ORDER BY sequence").all();
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_list('transfers')").pluck().get()).toBe(2);

    expect(migrate(db, AT, MIGRATIONS.slice(0, 3))).toBe(3);
    expect(db.prepare("SELECT * FROM transfers ORDER BY sequence").all()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_list('transfers')").pluck().get()).toBe(0);
    const indexes = db.prepare("SELECT name FROM pragma_index_list('transfers') WHERE origin = 'c' ORDER BY name").pluck().all();
    expect(indexes).toEqual(["transfers_credit", "transfers_date", "transfers_debit", "transfers_pending_id"]);
    db.prepare("INSERT INTO transfers (id, phase, debit, credit, amount, date) VALUES ('pay:ZF003', 'posted', 1, 2, 1, '2026-03-06')").run();
    expect(db.prepare("SELECT sequence FROM transfers WHERE id = 'pay:ZF003'").pluck().get()).toBe(8);
    expect(() => db.prepare("INSERT INTO transfers (id, phase, debit, credit, amount, date) VALUES ('pay:ZF001', 'posted', 1, 2, 1, '2026-03-06')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO transfers (id, phase, debit, credit, amount, date) VALUES ('x', 'spent', 1, 2, 1, '2026-03-06')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe("migration 4 (record index rows deleted by their primary key)", () => {
  it("drops record_index_by_record; a version-3 file's index still answers, and updates and deletes remove the old rows", () => {
    const dir = tempDir();
    dirs.push(dir);
    const filename = join(dir, "ledger.db");
    const v3 = new Database(filename);
    migrate(v3, AT, MIGRATIONS.slice(0, 3));
    v3.exec(`INSERT INTO records (collection, id, version, data, idx) VALUES
      ('payment', 'ZF001', 1, '{"payee":"北京晨光文具有限公司"}', '{"quotaId":"Q1","status":"submitted"}'),
      ('payment', 'ZF002', 2, '{"payee":"上海得力办公用品"}', '{"quotaId":"Q1","status":"paid"}'),
      ('payment', 'ZF003', 1, '{}', '{}');
      INSERT INTO record_index (collection, field, value, id) VALUES
      ('payment', 'quotaId', 'Q1', 'ZF001'), ('payment', 'status', 'submitted', 'ZF001'),
      ('payment', 'quotaId', 'Q1', 'ZF002'), ('payment', 'status', 'paid', 'ZF002');`);
    v3.close();

    const conn = openConnection({ filename, appliedAt: AT });
    const ids = (where: Record<string, string>): string[] => recordPageSync(conn, "payment", { where }, undefined, 10).map((r) => r.id);
    const indexRows = (): unknown[] => conn.db.prepare("SELECT field, value, id FROM record_index ORDER BY id, field").raw().all();
    expect(userVersion(conn.db)).toBe(MIGRATIONS.length);
    expect(conn.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'record_index_by_record'").pluck().get()).toBe(0n);
    expect(ids({ quotaId: "Q1" })).toEqual(["ZF001", "ZF002"]);

    expect(putRecordSync(conn, { collection: "payment", id: "ZF001", data: {}, index: { quotaId: "Q2", status: "submitted" }, expectedVersion: 1 }).version).toBe(2);
    expect(putRecordsSync(conn, [{ collection: "payment", id: "ZF003", data: {}, index: { status: "paid" }, expectedVersion: 1 }])).toEqual([2]);
    expect(deleteRecordSync(conn, "payment", "ZF002", 2)).toBe(true);
    expect(indexRows()).toEqual([
      ["quotaId", "Q2", "ZF001"],
      ["status", "submitted", "ZF001"],
      ["status", "paid", "ZF003"],
    ]);
    expect(ids({ quotaId: "Q1" })).toEqual([]);
    expect(ids({ status: "paid" })).toEqual(["ZF003"]);
    conn.db.close();
  });
});

describe("migration 5 (transfer_accounts instead of the debit and credit indexes)", () => {
  it("records both accounts of every transfer by sequence and drops the two indexes; account queries read it", () => {
    const db = fresh();
    migrate(db, AT, MIGRATIONS.slice(0, 4));
    db.exec(`${QUOTA_AND_SPENT}
      INSERT INTO accounts (num, id, book, code, dimensions, normal_side, flags) VALUES (3, 'quota:Q2', 'quota', 'QUOTA', '{}', 'debit', '{}');
      INSERT INTO transfers (sequence, id, phase, debit, credit, amount, date) VALUES
      (1, 'pay:ZF001', 'posted', 1, 2, 100000, '2026-03-01'),
      (2, 'pay:ZF002', 'posted', 3, 2, 60000, '2026-03-05'),
      (5, 'pay:ZF003', 'posted', 1, 2, 25000, '2026-03-05');`);

    expect(migrate(db, AT, MIGRATIONS.slice(0, 5))).toBe(5);
    expect(db.prepare("SELECT account, sequence FROM transfer_accounts ORDER BY account, sequence").raw().all()).toEqual([
      [1, 1], [1, 5], [2, 1], [2, 2], [2, 5], [3, 2],
    ]);
    const indexes = db.prepare("SELECT name FROM pragma_index_list('transfers') WHERE origin = 'c' ORDER BY name").pluck().all();
    expect(indexes).toEqual(["transfers_date", "transfers_pending_id"]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT sequence FROM transfer_accounts WHERE account = 1 AND sequence > 0").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain("PRIMARY KEY");
    db.close();
  });
});

describe("migration 6 (transfer references in compact form)", () => {
  it("keeps the JSON references of a version-5 file readable beside new compact rows; a version-5 release refuses the file", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const filename = join(dir, "ledger.db");
    const v5 = new Database(filename);
    migrate(v5, AT, MIGRATIONS.slice(0, 5));
    v5.exec(`${QUOTA_AND_SPENT}
      INSERT INTO transfers (sequence, id, phase, debit, credit, amount, date, refs) VALUES
      (1, 'pay:ZF001', 'posted', 1, 2, 100000, '2026-03-01', '{"voucher":"ZF001","memo":"[\\"青川\\",\\"6222\\",\\"办公\\",\\"30201\\"]"}');
      INSERT INTO transfer_accounts (account, sequence) VALUES (1, 1), (2, 1);`);
    v5.close();

    const store = openSqliteStore({ filename });
    expect(await store.getTransfer("pay:ZF001")).toMatchObject({ references: { voucher: "ZF001", memo: '["青川","6222","办公","30201"]' } });
    const memo = JSON.stringify(["青川", "6223", "差旅", "30211"]);
    const made = await store.createTransfers([
      { id: "pay:ZF002", debitAccountId: "quota:Q1", creditAccountId: "quota-spent:Q1", amount: 500n, date: "2026-03-02", references: { voucher: "ZF002", memo } },
    ]);
    expect(made.applied).toBe(true);
    expect(await store.getTransfer("pay:ZF002")).toMatchObject({ references: { voucher: "ZF002", memo } });
    await store.close();

    const raw = new Database(filename);
    expect(raw.prepare("SELECT refs FROM transfers WHERE id = 'pay:ZF002'").pluck().get()).toBe(`v5:ZF002m${memo.length}:${memo}`);
    expect(userVersion(raw)).toBe(MIGRATIONS.at(-1)!.version);
    expect(() => checkNotTooNew(raw, 5)).toThrow(expect.objectContaining({ code: "STORE_SCHEMA_TOO_NEW" }));
    raw.close();
  });
});

describe("migration 7 (no row for a credit to the account numbered after the debit)", () => {
  it("drops the rows statements now find through the debit's row, and a statement of the credit account still lists every transfer once", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const filename = join(dir, "ledger.db");
    const v6 = new Database(filename);
    migrate(v6, AT, MIGRATIONS.slice(0, 6));
    v6.exec(`${QUOTA_AND_SPENT}
      INSERT INTO accounts (num, id, book, code, dimensions, normal_side, flags) VALUES (3, 'quota:Q2', 'quota', 'QUOTA', '{}', 'debit', '{}');
      INSERT INTO transfers (sequence, id, phase, debit, credit, amount, date) VALUES
      (1, 'pay:ZF001', 'posted', 1, 2, 100000, '2026-03-01'),
      (2, 'pay:ZF002', 'posted', 3, 2, 60000, '2026-03-05'),
      (3, 'back:ZF001', 'posted', 2, 1, 100000, '2026-03-06'),
      (4, 'pay:ZF003', 'posted', 1, 2, 25000, '2026-03-07');
      INSERT INTO transfer_accounts (account, sequence) VALUES (1, 1), (2, 1), (3, 2), (2, 2), (2, 3), (1, 3), (1, 4), (2, 4);`);
    expect(migrate(v6, AT)).toBe(7);
    // 1 → 2 credits the account numbered next: (2, 1) and (2, 4) go; the others stay.
    expect(v6.prepare("SELECT account, sequence FROM transfer_accounts ORDER BY account, sequence").raw().all()).toEqual([
      [1, 1], [1, 3], [1, 4], [2, 2], [2, 3], [3, 2],
    ]);
    v6.close();

    const store = openSqliteStore({ filename });
    const ids = async (accountId: string): Promise<string[]> => {
      const out: string[] = [];
      for await (const t of store.transfers({ accountId })) out.push(t.id);
      return out;
    };
    expect(await ids("quota-spent:Q1")).toEqual(["pay:ZF001", "pay:ZF002", "back:ZF001", "pay:ZF003"]);
    expect(await ids("quota:Q1")).toEqual(["pay:ZF001", "back:ZF001", "pay:ZF003"]);
    expect(await ids("quota:Q2")).toEqual(["pay:ZF002"]);
    await store.close();
  });
});
