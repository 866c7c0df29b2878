/**
 * Bulk loads write the (account, sequence) pairs of `transfer_accounts`, the index of which
 * transfers touch an account, once, sorted, instead of batch by batch (see transfer-accounts):
 * kept up to date, each batch lands on one leaf per account it touches, about as much work as
 * the rest of the row; written once, every account's run lands at the end of its range.
 *
 * Only inside an explicit transaction (`store.transaction(fn)`, one per imported file): once it
 * has inserted {@link DEFER_FROM} transfers, however many the table already holds, the pairs are
 * held in memory (16 bytes per transfer, up to a cap, then written out) and the rest are written
 * just before `COMMIT`. A query inside the transaction that reads `transfer_accounts` first
 * writes the pairs held so far; a rollback forgets them.
 *
 * The `date` index of `transfers` is kept up to date row by row. Earlier versions also dropped it
 * during a bulk load and built it again before `COMMIT`: that saved no measurable time (rows arrive
 * mostly in date order, and even a shuffled file lands each row at the end of its date's range),
 * but SQLite sorted the whole table's keys in memory at `COMMIT`, so the import's peak memory
 * grew with the file (371 MB for 3M payments against 238 MB while it streamed). Because that
 * rebuild cost time in proportion to the whole table, a load was deferred only once it had
 * written as many transfers as the table held; holding the pairs costs nothing of the kind, so a
 * month's file into a year's database now holds them too (200,000 payments into a database of
 * 1M: 4.17–4.55 s against 5.10–5.21 s).
 */
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
 * const deferral = createIndexDeferral(createTransferAccounts(conn));
 * deferral.begin();
 * deferral.beforeInsert(5_000); // small so far: each batch writes its pairs
 * deferral.beforeCommit();
 * deferral.end();
 * ```
 */
export function createIndexDeferral(pairs: TransferAccounts): IndexDeferral {
  let active = false;
  let deferred = false;
  let inserted = 0;
  return {
    begin() {
      active = true;
      deferred = false;
      inserted = 0;
    },
    beforeInsert(count) {
      if (!active || deferred) return;
      inserted += count;
      if (inserted < DEFER_FROM) return;
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
