/**
 * Bulk loads write the (account, sequence) pairs of `transfer_accounts`, the index of which
 * transfers touch an account, once, sorted, instead of batch by batch (see transfer-accounts):
 * kept up to date, each batch lands on one leaf per account it touches, about as much work as
 * the rest of the row; written once, every account's run lands at the end of its range.
 *
 * Only inside an explicit transaction (`store.transaction(fn)`, one per imported file): once it
 * has inserted {@link DEFER_FROM} transfers and at least as many as the table held when it began,
 * the pairs are held in memory (16 bytes per transfer, up to a cap, then written out) and the
 * rest are written just before `COMMIT`. A query inside the transaction that reads
 * `transfer_accounts` first writes the pairs held so far; a rollback forgets them.
 *
 * The `date` index of `transfers` is kept up to date row by row. Earlier versions also dropped it
 * during a bulk load and built it again before `COMMIT`: that saved no measurable time (rows arrive
 * mostly in date order, and even a shuffled file lands each row at the end of its date's range),
 * but SQLite sorted the whole table's keys in memory at `COMMIT`, so the import's peak memory
 * grew with the file (371 MB for 3M payments against 238 MB while it streamed).
 */
import type { SqliteConnection } from "./sqlite-connection";
import type { TransferAccounts } from "./transfer-accounts";

/** New transfers a transaction writes before its account pairs are held for `COMMIT`. */
export const DEFER_FROM = 50_000;

/** The index deferral of one connection; see the module comment. */
export interface IndexDeferral {
  /** An explicit transaction began. */
  begin(): void;
  /** `count` new transfers are about to be inserted; defers the pairs when the load is large. */
  beforeInsert(count: number): void;
  /** The transaction is about to commit: writes the pairs still held. */
  beforeCommit(): void;
  /** The transaction ended (committed or rolled back). */
  end(): void;
  /** Whether the pairs are deferred in the current transaction. */
  readonly deferred: boolean;
}

/**
 * Creates the deferral of a connection.
 *
 * @example
 * ```ts
 * const deferral = createIndexDeferral(conn, createTransferAccounts(conn));
 * deferral.begin();
 * deferral.beforeInsert(5_000); // small so far: each batch writes its pairs
 * deferral.beforeCommit();
 * deferral.end();
 * ```
 */
export function createIndexDeferral(conn: SqliteConnection, pairs: TransferAccounts): IndexDeferral {
  let active = false;
  let deferred = false;
  let inserted = 0;
  let tableRows: number | undefined;
  return {
    begin() {
      active = true;
      deferred = false;
      inserted = 0;
      tableRows = undefined;
    },
    beforeInsert(count) {
      if (!active || deferred) return;
      // The largest sequence stands in for the row count (transfers are never deleted); read once.
      tableRows ??= Number(conn.stmt("SELECT coalesce(max(sequence), 0) FROM transfers").pluck().get());
      inserted += count;
      if (inserted < DEFER_FROM || inserted < tableRows) return;
      pairs.defer(true);
      deferred = true;
    },
    beforeCommit() {
      if (!deferred) return;
      pairs.flush();
    },
    end() {
      active = false;
      deferred = false;
      pairs.clear();
    },
    get deferred() {
      return deferred;
    },
  };
}
