/**
 * `openSqliteStore`: the embedded default store. One better-sqlite3 connection per store; all
 * calls are serialised through an in-process mutex (a promise chain), so an async
 * `transaction(fn)` owns the connection between `BEGIN IMMEDIATE` and `COMMIT`. Between
 * processes, SQLite's write lock (with a busy timeout) serialises writers: a batch's limit
 * checks read and write under that lock, so no interleaving of processes can overspend.
 */
import { isoNow, systemClock } from "@jincai/core";
import type { Clock, Store } from "@jincai/core";
import { openConnection } from "./sqlite-connection";
import { createSqliteContext } from "./sqlite-context";
import { createSqliteSession } from "./sqlite-session";
import { createSqliteTx } from "./sqlite-tx";

/**
 * Options for {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * const options: SqliteStoreOptions = { filename: "city-2026.db", mustExist: true, busyTimeoutMs: 30_000 };
 * const store = openSqliteStore(options); // throws STORE_NOT_FOUND on a mistyped path
 * await store.close();
 * ```
 */
export interface SqliteStoreOptions {
  /** Path of the database file (created if missing), or `:memory:` for a private in-memory database. */
  readonly filename: string;
  /** The clock that stamps schema migrations. Defaults to the system clock. */
  readonly clock?: Clock;
  /** Open an existing, migrated file read-only: every write throws `STORE_READONLY`. */
  readonly readonly?: boolean;
  /** How long a write waits for another process's lock before failing, in ms. Default 10000. */
  readonly busyTimeoutMs?: number;
  /**
   * Open for a bulk load (a large import): when no other connection has the file open, write
   * through a rollback journal instead of the write-ahead log until the store closes, so new
   * pages are written once instead of logged and then checkpointed (about 8 % of a
   * 1M-payment import). Meanwhile other processes cannot open the file and readers may wait.
   * When another connection has the file open, the store silently keeps WAL. Default false.
   */
  readonly bulkLoad?: boolean;
  /**
   * Only open a store that exists: a missing file, an empty one or one without the store's schema
   * throws `STORE_NOT_FOUND` instead of becoming a new, empty store (which would, say, let a
   * mistyped path pass every check). Default false: the file is created.
   */
  readonly mustExist?: boolean;
}

/**
 * Opens (creating and migrating if needed) a SQLite store.
 *
 * @throws {JincaiError} STORE_SCHEMA_TOO_NEW when the file was written by a newer release;
 *   STORE_NOT_FOUND with `mustExist` when there is no store at `filename`, or when it is no database.
 *
 * @example
 * ```ts
 * const store = openSqliteStore({ filename: "city-2026.db" });
 * await store.createAccounts([{ id: "quota-101", book: "quota", code: "101", normalSide: "credit" }]);
 * await store.close();
 * ```
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? systemClock();
  const conn = openConnection({
    filename: options.filename,
    readonly: options.readonly === true,
    appliedAt: isoNow(clock),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.bulkLoad === true ? { bulkLoad: true } : {}),
    ...(options.mustExist === true ? { mustExist: true } : {}),
  });
  const ctx = createSqliteContext(conn);

  const session = createSqliteSession(ctx);
  return {
    kind: "sqlite",
    ...createSqliteTx(ctx, session.outside),
    transaction: (fn) => session.transaction(fn),
    close: () => session.close(),
  };
}
