/**
 * The schema, as an ordered list of versioned SQL steps. `PRAGMA user_version` holds the version
 * a database is at; `schema_migrations` logs when each step ran. Steps only ever get appended:
 * never edit a released one. Opening a database runs the missing steps, each in its own
 * `BEGIN IMMEDIATE` transaction, so several processes opening one new file at once are safe and
 * opening twice is a no-op.
 */
import type Database from "better-sqlite3";
import { JincaiError } from "@jincai/core";

/**
 * One versioned schema step.
 *
 * @example
 * ```ts
 * const step: Migration = { version: 1, name: "ledger, records and audit", sql: "CREATE TABLE accounts (…) STRICT;" };
 * MIGRATIONS.every((m, k) => m.version === k + 1); // true
 * ```
 */
export interface Migration {
  /** 1-based, gapless. */
  readonly version: number;
  /** Short description, logged in `schema_migrations`. */
  readonly name: string;
  /** The DDL to run. */
  readonly sql: string;
}

/**
 * The schema steps of this release, in order.
 *
 * Amounts are `INTEGER` fen in `STRICT` tables (a floating-point value is refused by SQLite
 * itself); dates are `TEXT` `YYYY-MM-DD`; JSON columns use the bigint tagging of `encodeJson`.
 *
 * @example
 * ```ts
 * MIGRATIONS[0]?.name; // "ledger, records and audit"
 * MIGRATIONS.at(-1)?.version === MIGRATIONS.length; // true: versions are 1-based and gapless
 * ```
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "ledger, records and audit",
    sql: `
CREATE TABLE accounts (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  book TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT,
  dimensions TEXT NOT NULL,
  normal_side TEXT NOT NULL CHECK (normal_side IN ('debit', 'credit')),
  flags TEXT NOT NULL,
  closed INTEGER NOT NULL DEFAULT 0,
  debits_posted INTEGER NOT NULL DEFAULT 0,
  credits_posted INTEGER NOT NULL DEFAULT 0,
  debits_pending INTEGER NOT NULL DEFAULT 0,
  credits_pending INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX accounts_book ON accounts (book);
CREATE TABLE account_dimensions (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  account INTEGER NOT NULL REFERENCES accounts (num),
  PRIMARY KEY (key, value, account)
) STRICT, WITHOUT ROWID;
CREATE TABLE transfers (
  sequence INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  phase TEXT NOT NULL CHECK (phase IN ('posted', 'pending', 'post', 'void')),
  debit INTEGER NOT NULL REFERENCES accounts (num),
  credit INTEGER NOT NULL REFERENCES accounts (num),
  amount INTEGER NOT NULL,
  date TEXT NOT NULL,
  pending_id TEXT,
  expires_on TEXT,
  refs TEXT
) STRICT;
CREATE UNIQUE INDEX transfers_pending_id ON transfers (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX transfers_date ON transfers (date);
CREATE INDEX transfers_debit ON transfers (debit);
CREATE INDEX transfers_credit ON transfers (credit);
CREATE TABLE period_locks (
  num INTEGER PRIMARY KEY,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  book TEXT
) STRICT;
CREATE TABLE records (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  idx TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) STRICT;
CREATE TABLE record_index (
  collection TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (collection, field, value, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_index_by_record ON record_index (collection, id);
CREATE TABLE audit_events (
  sequence INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TABLE audit_checkpoints (
  num INTEGER PRIMARY KEY,
  sequence INTEGER NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 2,
    name: "balances per account and month",
    // A balance as of a date adds up the account's whole months before it (a few rows per
    // account) and folds only the transfers of the date's own month. Existing transfers are
    // summed in once here, with the effects of core's `foldBalances` (a `post` releases its
    // pending transfer's amount).
    sql: `
CREATE TABLE account_months (
  account INTEGER NOT NULL REFERENCES accounts (num),
  month TEXT NOT NULL,
  debits_posted INTEGER NOT NULL,
  credits_posted INTEGER NOT NULL,
  debits_pending INTEGER NOT NULL,
  credits_pending INTEGER NOT NULL,
  PRIMARY KEY (account, month)
) STRICT, WITHOUT ROWID;
INSERT INTO account_months (account, month, debits_posted, credits_posted, debits_pending, credits_pending)
SELECT acct, month, SUM(dp), SUM(cp), SUM(dpe), SUM(cpe) FROM (
  SELECT t.debit AS acct, substr(t.date, 1, 7) AS month,
    CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END AS dp, 0 AS cp,
    CASE t.phase WHEN 'pending' THEN t.amount WHEN 'void' THEN -t.amount WHEN 'post' THEN -coalesce(p.amount, 0) ELSE 0 END AS dpe, 0 AS cpe
  FROM transfers t LEFT JOIN transfers p ON t.phase = 'post' AND p.id = t.pending_id
  UNION ALL
  SELECT t.credit, substr(t.date, 1, 7), 0, CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END, 0,
    CASE t.phase WHEN 'pending' THEN t.amount WHEN 'void' THEN -t.amount WHEN 'post' THEN -coalesce(p.amount, 0) ELSE 0 END
  FROM transfers t LEFT JOIN transfers p ON t.phase = 'post' AND p.id = t.pending_id
) GROUP BY acct, month;
`,
  },
  {
    version: 3,
    name: "transfers without a foreign key to accounts",
    // The ledger planner already refuses a transfer naming an account that does not exist, and
    // accounts are never deleted. The foreign keys on debit and credit made SQLite keep a
    // statement journal for every multi-row INSERT (a later row could still fail them), which
    // cost more than the rows saved in calls; without them a batch goes in 32 rows per
    // statement. The table is rebuilt (SQLite cannot drop a constraint in place) with the same
    // columns, sequence numbers and indexes.
    sql: `
CREATE TABLE transfers_v3 (
  sequence INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  phase TEXT NOT NULL CHECK (phase IN ('posted', 'pending', 'post', 'void')),
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  date TEXT NOT NULL,
  pending_id TEXT,
  expires_on TEXT,
  refs TEXT
) STRICT;
INSERT INTO transfers_v3 (sequence, id, phase, debit, credit, amount, date, pending_id, expires_on, refs)
SELECT sequence, id, phase, debit, credit, amount, date, pending_id, expires_on, refs FROM transfers ORDER BY sequence;
DROP TABLE transfers;
ALTER TABLE transfers_v3 RENAME TO transfers;
CREATE UNIQUE INDEX transfers_pending_id ON transfers (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX transfers_date ON transfers (date);
CREATE INDEX transfers_debit ON transfers (debit);
CREATE INDEX transfers_credit ON transfers (credit);
`,
  },
  {
    version: 4,
    name: "record index rows deleted by their primary key",
    // Every record_index row cost a second b-tree entry in record_index_by_record, used only to
    // delete a record's rows by (collection, id). records.idx already holds the field→value map
    // those rows were written from, so an update or delete now removes exactly the rows
    // (collection, field, value, id) it names, by the primary key, and the index goes.
    sql: `
DROP INDEX record_index_by_record;
`,
  },
  {
    version: 5,
    name: "transfer_accounts instead of the debit and credit indexes",
    // Which transfers touch an account, as (account, sequence) rows: the store writes them with
    // each batch, and after a bulk load sorted by itself, where rebuilding the two indexes made
    // SQLite sort every transfer's accounts in random order (see transfer-accounts).
    sql: `
CREATE TABLE transfer_accounts (
  account INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  PRIMARY KEY (account, sequence)
) STRICT, WITHOUT ROWID;
INSERT INTO transfer_accounts (account, sequence)
SELECT debit, sequence FROM transfers UNION ALL SELECT credit, sequence FROM transfers ORDER BY 1, 2;
DROP INDEX transfers_debit;
DROP INDEX transfers_credit;
`,
  },
  {
    version: 6,
    name: "transfer references in compact form",
    // New rows keep their references in the compact form of references-codec, which releases
    // before this one would misread; rows already stored keep their JSON, which still reads.
    // Only the version changes, so an older release refuses the file (STORE_SCHEMA_TOO_NEW).
    sql: `
SELECT 1;
`,
  },
  {
    version: 7,
    name: "no transfer_accounts row for a credit to the account numbered after the debit",
    // Such a transfer is found through its debit's row (transfer-accounts, creditHasOwnRow): a
    // payment, which debits a quota line and credits its 指标执行 account, keeps one row, not
    // two. The rows the store no longer writes go, so a statement does not list them twice.
    sql: `
DELETE FROM transfer_accounts WHERE (account, sequence) IN (SELECT credit, sequence FROM transfers WHERE credit = debit + 1);
`,
  },
];

/**
 * Brings a database up to the last step of `migrations`; returns the version it is at.
 * Throws `STORE_SCHEMA_TOO_NEW` when the file was written by a newer release.
 *
 * @example
 * ```ts
 * migrate(new Database("ledger.db"), "2026-03-01T00:00:00.000Z"); // 1
 * ```
 */
export function migrate(db: Database.Database, appliedAt: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.length;
  checkNotTooNew(db, latest);
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
  for (const step of migrations) {
    if (userVersion(db) >= step.version) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have run this step while we waited for the write lock.
      if (userVersion(db) < step.version) {
        db.exec(step.sql);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(step.version, step.name, appliedAt);
        db.pragma(`user_version = ${step.version}`);
      }
      db.exec("COMMIT");
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }
  return userVersion(db);
}

/**
 * Throws `STORE_SCHEMA_TOO_NEW` when the database is at a version above `latest`.
 *
 * @example
 * ```ts
 * checkNotTooNew(db, MIGRATIONS.length);
 * ```
 */
export function checkNotTooNew(db: Database.Database, latest: number): number {
  const found = userVersion(db);
  if (found > latest) {
    throw new JincaiError("STORE_SCHEMA_TOO_NEW", `database schema version ${found} is newer than this release supports (${latest})`, {
      details: { filename: db.name, found, supported: latest },
    });
  }
  return found;
}

/**
 * The schema version recorded in the database (`PRAGMA user_version`).
 *
 * @example
 * ```ts
 * userVersion(db); // 1
 * ```
 */
export function userVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}
