/**
 * The journal of a bulk load. A store's file normally runs in write-ahead-log mode, so readers
 * in other processes see the last commit while a writer works. A large import pays for that
 * twice: every new page is written to the log and later copied into the file by a checkpoint
 * (1.4 s of a 1M-payment import, most of it when the last connection closes). In rollback-journal mode
 * SQLite journals only pages that existed before the transaction, so the new pages of a bulk
 * load are written once, straight into the file. A SIGKILL leaves a hot journal that the next
 * connection rolls back, so a killed load is still undone.
 *
 * The price: while the file is in rollback mode, other processes cannot open it (each store's
 * opening switches the file to WAL, which needs the file to itself), and once the load's dirty
 * pages outgrow the page cache, readers wait until `COMMIT`. The switch is only tried when no
 * other connection has the file open, and undone when the store closes. In rollback mode the
 * connection syncs with `synchronous = FULL` (SQLite's advice for that mode: `NORMAL` there can
 * lose a commit to a power cut); a bulk load syncs at its commit and at cache spills only.
 */
import type Database from "better-sqlite3";

/** The journal mode a connection ended up in. */
export type JournalMode = "wal" | "delete";

/**
 * Switches a WAL file to a rollback journal for a bulk load, when no other connection has it
 * open; returns the mode the connection is in afterwards (`"wal"` when another connection
 * holds the file or it is an in-memory database). Never waits for another process.
 *
 * @example
 * ```ts
 * const mode = enterBulkJournal(db); // "delete" when this is the only connection
 * // ... the load ...
 * leaveBulkJournal(db, mode);
 * ```
 */
export function enterBulkJournal(db: Database.Database): JournalMode {
  if (db.memory) return "wal";
  const timeout = db.pragma("busy_timeout", { simple: true }) as number | bigint;
  db.pragma("busy_timeout = 0");
  try {
    if (db.pragma("journal_mode = DELETE", { simple: true }) !== "delete") return "wal";
    db.pragma("synchronous = FULL");
    return "delete";
  } catch (error) {
    // SQLITE_BUSY: another connection has the file open in WAL mode; stay in WAL.
    if ((error as { code?: unknown }).code === "SQLITE_BUSY") return "wal";
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}

/**
 * Puts a file a bulk load switched to a rollback journal back into WAL mode (before the
 * connection closes). When that cannot be done now (a reader holds the file), the file is
 * left in rollback mode: the next store to open it switches it back.
 *
 * @example
 * ```ts
 * leaveBulkJournal(db, "delete");
 * db.pragma("journal_mode", { simple: true }); // "wal"
 * ```
 */
export function leaveBulkJournal(db: Database.Database, mode: JournalMode): void {
  if (mode !== "delete" || !db.open || db.inTransaction) return;
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
  }
}
