/**
 * Bulk loads build the secondary index data of `transfers` once, after the rows, instead of row
 * by row: the `date` index, and the (account, sequence) pairs of `transfer_accounts` (see
 * transfer-accounts). Keeping them up to date costs a payment import about as much as the rest
 * of the row (each new row lands on one of a thousand leaves per account side); building them
 * once after the rows costs a fraction of that.
 *
 * Only inside an explicit transaction (`store.transaction(fn)`, one per imported file): once it
 * has inserted {@link DEFER_FROM} transfers and at least as many as the table held when it began,
 * the `date` index is dropped and the pairs are held in memory, and both are written just
 * before `COMMIT`. A transaction
 * that rolls back (or a process that dies) undoes the drop with everything else, so a reader
 * never sees the ledger without its indexes. While they are gone, a query inside the same
 * transaction that would use the index scans the table instead (slower, never wrong), and one
 * that reads `transfer_accounts` first writes the pairs held so far. The UNIQUE
 * indexes (`id`, `pending_id`), which the ledger's idempotency rests on, are never dropped.
 *
 * SQLite sorts the `date` index in memory (the connection keeps temporary storage there): about
 * 20 MB per million transfers while it is built; the pairs take 16 bytes per transfer, up to a
 * cap (see transfer-accounts).
 */
import type { SqliteConnection } from "./sqlite-connection";
import type { TransferAccounts } from "./transfer-accounts";

/** New transfers a transaction writes before its secondary indexes may be deferred. */
export const DEFER_FROM = 50_000;

/**
 * The secondary indexes of `transfers` as the latest schema defines them (migration 5 left only
 * `date`); the tests check that a rebuilt table has exactly the indexes of a freshly migrated one.
 */
export const TRANSFER_SECONDARY_INDEXES: readonly { readonly name: string; readonly sql: string }[] = [
  { name: "transfers_date", sql: "CREATE INDEX IF NOT EXISTS transfers_date ON transfers (date)" },
];

/** The index deferral of one connection; see the module comment. */
export interface IndexDeferral {
  /** An explicit transaction began. */
  begin(): void;
  /** `count` new transfers are about to be inserted; defers the index data when the load is large. */
  beforeInsert(count: number): void;
  /** The transaction is about to commit: builds again whatever was dropped. */
  beforeCommit(): void;
  /** The transaction ended (committed or rolled back). */
  end(): void;
  /** Whether the indexes are deferred in the current transaction. */
  readonly deferred: boolean;
}

/**
 * Creates the deferral of a connection.
 *
 * @example
 * ```ts
 * const deferral = createIndexDeferral(conn, createTransferAccounts(conn));
 * deferral.begin();
 * deferral.beforeInsert(5_000); // small so far: the indexes stay
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
      for (const index of TRANSFER_SECONDARY_INDEXES) conn.db.exec(`DROP INDEX IF EXISTS ${index.name}`);
      pairs.defer(true);
      deferred = true;
    },
    beforeCommit() {
      if (!deferred) return;
      pairs.flush();
      // A drop inside a savepoint that was rolled back left its index in place: IF NOT EXISTS.
      for (const index of TRANSFER_SECONDARY_INDEXES) conn.db.exec(index.sql);
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
