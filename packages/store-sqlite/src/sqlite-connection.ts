/**
 * The one better-sqlite3 connection of a store: opened with the pragmas several processes need
 * to share a file (WAL, `synchronous=NORMAL`, a busy timeout, foreign keys), migrated, and with a
 * cache of prepared statements keyed by their SQL text.
 */
import Database from "better-sqlite3";
import { JincaiError } from "@jincai/core";
import { enterBulkJournal, leaveBulkJournal } from "./bulk-journal";
import type { JournalMode } from "./bulk-journal";
import { MIGRATIONS, checkNotTooNew, migrate } from "./migrations";

/** How to open a connection. */
export interface ConnectionOptions {
  /** Path of the database file, or `:memory:`. */
  readonly filename: string;
  /** Open read-only: no migration, every write throws `STORE_READONLY`. */
  readonly readonly?: boolean;
  /** How long to wait for another process's write lock, in ms. */
  readonly busyTimeoutMs?: number;
  /** ISO instant logged with each migration step. */
  readonly appliedAt: string;
  /** Write through a rollback journal while open, when no other connection has the file (see `enterBulkJournal`). */
  readonly bulkLoad?: boolean;
  /** Refuse a file that does not exist or holds no store (`STORE_NOT_FOUND`) instead of creating one. */
  readonly mustExist?: boolean;
}

/** An open connection with its statement cache. */
export interface SqliteConnection {
  readonly db: Database.Database;
  readonly readonly: boolean;
  /** The prepared statement for `sql`, prepared once and then reused. */
  stmt(sql: string): Database.Statement;
  /** `"delete"` while a bulk load holds the file in rollback-journal mode, else `"wal"`. */
  readonly journalMode: JournalMode;
  /** Throws `STORE_READONLY` when the connection is read-only. */
  assertWritable(operation: string): void;
  /** Puts a bulk-loaded file back into WAL mode and closes the connection. */
  close(): void;
}

/**
 * Opens, configures and migrates a database file.
 *
 * @example
 * ```ts
 * const conn = openConnection({ filename: "ledger.db", appliedAt: "2026-03-01T00:00:00.000Z" });
 * conn.stmt("SELECT count(*) FROM accounts").pluck().get(); // 0n
 * ```
 */
export function openConnection(options: ConnectionOptions): SqliteConnection {
  const readonly = options.readonly === true;
  const mustExist = options.mustExist === true && options.filename !== ":memory:";
  let db: Database.Database;
  try {
    db = new Database(options.filename, readonly ? { readonly: true, fileMustExist: true } : mustExist ? { fileMustExist: true } : {});
  } catch (error) {
    if (mustExist && (error as { code?: unknown }).code === "SQLITE_CANTOPEN") throw notFound(options.filename, "does not exist", error);
    throw error;
  }
  let journalMode: JournalMode = "wal";
  try {
    db.defaultSafeIntegers(true);
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 10_000))}`);
    db.pragma("foreign_keys = ON");
    // 64 MiB of page cache keeps the hot pages of large batches (one leaf per account in
    // transfer_accounts) in memory; checkpointing every ~400 MB of WAL instead of the
    // default ~4 MB spares copying the same index pages back after every batch (about 10 % of
    // the ledger benchmark), and the WAL file is cut back to 64 MB after each checkpoint.
    db.pragma("cache_size = -65536");
    // Each write inside a transaction runs in a savepoint, whose statement journal (the pages it
    // changes) would otherwise go through a temporary file: in memory a small write (a payment
    // document) costs about a fifth as much. Sorts of large queries also stay in memory.
    db.pragma("temp_store = MEMORY");
    if (mustExist && Number(db.pragma("user_version", { simple: true })) === 0) {
      throw notFound(options.filename, "holds no Jincai store (an empty or another program's file)");
    }
    if (readonly) {
      checkReadonlySchema(db);
    } else {
      // A new file gets 16 KiB pages (SQLite's default is 4 KiB): fewer, shallower b-tree pages
      // made the 1M-payment import about 8 % and the 1M-transfer ledger benchmark 5-10 % faster,
      // with dated and grouped balances unchanged. An existing file keeps the size it has.
      db.pragma("page_size = 16384");
      switchToWal(db);
      db.pragma("synchronous = NORMAL");
      db.pragma("wal_autocheckpoint = 100000");
      db.pragma("journal_size_limit = 67108864");
      migrate(db, options.appliedAt);
      if (options.bulkLoad === true) journalMode = enterBulkJournal(db);
    }
  } catch (error) {
    db.close();
    throw inOwnWords(error, options.filename);
  }
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    readonly,
    journalMode,
    stmt(sql) {
      let s = cache.get(sql);
      if (s === undefined) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
    assertWritable(operation) {
      if (readonly) {
        throw new JincaiError("STORE_READONLY", `${operation} on a store opened read-only`, {
          details: { filename: options.filename, operation },
        });
      }
    },
    close() {
      leaveBulkJournal(db, journalMode);
      db.close();
    },
  };
}

/**
 * Puts the file in WAL mode (a no-op when it is). A file in rollback-journal mode that another
 * connection holds, which is another process's bulk load, cannot be switched: SQLite says
 * SQLITE_BUSY at once, and the store says so in its own words.
 */
function switchToWal(db: Database.Database): void {
  try {
    db.pragma("journal_mode = WAL");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
    throw new JincaiError(
      "STORE_BULK_LOAD_BUSY",
      `${db.name} is locked by another process's bulk load (a jincai import); try again when it has finished, or import with --shared`,
      { details: { filename: db.name }, cause: error },
    );
  }
}

function checkReadonlySchema(db: Database.Database): void {
  const found = checkNotTooNew(db, MIGRATIONS.length);
  if (found < MIGRATIONS.length) {
    throw new JincaiError("STORE_SCHEMA_OUTDATED", `database schema version ${found} is older than ${MIGRATIONS.length}; open it once read-write to migrate`, {
      details: { filename: db.name, found, supported: MIGRATIONS.length },
    });
  }
}

function notFound(filename: string, what: string, cause?: unknown): JincaiError {
  return new JincaiError("STORE_NOT_FOUND", `${filename} ${what}`, { details: { filename }, ...(cause === undefined ? {} : { cause }) });
}

/**
 * SQLite's errors on opening in the store's words: a file that is no database, and a killed bulk
 * load's hot rollback journal, which only a writer can roll back.
 */
function inOwnWords(error: unknown, filename: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === "SQLITE_NOTADB") return notFound(filename, "is not a database (SQLite: file is not a database)", error);
  if (code !== "SQLITE_READONLY_ROLLBACK") return error;
  return new JincaiError("STORE_NEEDS_RECOVERY", `${filename} has the journal of an interrupted write; open it once read-write to roll it back`, {
    details: { filename },
    cause: error,
  });
}
