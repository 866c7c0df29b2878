/**
 * Bulk loads build the secondary indexes of `transfers` once, after the rows, instead of row by
 * row. Keeping the `date`, `debit` and `credit` indexes up to date costs a payment import about
 * as much as the rest of the row (each new row lands on one of a thousand index leaves); sorting
 * the finished table into fresh indexes costs about a third of that.
 *
 * Only inside an explicit transaction (`store.transaction(fn)`, one per imported file): once it
 * has inserted {@link DEFER_FROM} transfers and at least as many as the table held when it began,
 * the three indexes are dropped, and they are built again just before `COMMIT`. A transaction
 * that rolls back (or a process that dies) undoes the drop with everything else, so a reader
 * never sees the ledger without its indexes. While they are gone, a query inside the same
 * transaction that would use them scans the table instead: slower, never wrong. The UNIQUE
 * indexes (`id`, `pending_id`), which the ledger's idempotency rests on, are never dropped.
 *
 * SQLite sorts each index in memory (the connection keeps temporary storage there): about 20 MB
 * per million transfers while one index is built, freed when it is done.
 */
import type { SqliteConnection } from "./sqlite-connection";

/** New transfers a transaction writes before its secondary indexes may be deferred. */
export const DEFER_FROM = 50_000;

/**
 * The secondary indexes of `transfers` as the latest schema defines them (migration 3); the
 * tests check that a rebuilt table has exactly the indexes of a freshly migrated one.
 */
export const TRANSFER_SECONDARY_INDEXES: readonly { readonly name: string; readonly sql: string }[] = [
  { name: "transfers_date", sql: "CREATE INDEX IF NOT EXISTS transfers_date ON transfers (date)" },
  { name: "transfers_debit", sql: "CREATE INDEX IF NOT EXISTS transfers_debit ON transfers (debit)" },
  { name: "transfers_credit", sql: "CREATE INDEX IF NOT EXISTS transfers_credit ON transfers (credit)" },
];

/** The index deferral of one connection; see the module comment. */
export interface IndexDeferral {
  /** An explicit transaction began. */
  begin(): void;
  /** `count` new transfers are about to be inserted; drops the indexes when the load is large. */
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
 * const deferral = createIndexDeferral(conn);
 * deferral.begin();
 * deferral.beforeInsert(5_000); // small so far: the indexes stay
 * deferral.beforeCommit();
 * deferral.end();
 * ```
 */
export function createIndexDeferral(conn: SqliteConnection): IndexDeferral {
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
      deferred = true;
    },
    beforeCommit() {
      if (!deferred) return;
      // A drop inside a savepoint that was rolled back left its index in place: IF NOT EXISTS.
      for (const index of TRANSFER_SECONDARY_INDEXES) conn.db.exec(index.sql);
    },
    end() {
      active = false;
      deferred = false;
    },
    get deferred() {
      return deferred;
    },
  };
}
