/**
 * `transfer_accounts`: which transfers touch an account, one (account, sequence) row per side of
 * a transfer, in a WITHOUT ROWID table keyed in that order (schema version 5). It replaced the
 * `debit` and `credit` indexes of `transfers`, for the sake of bulk loads: rebuilding those two
 * indexes after a large load made SQLite sort two million randomly ordered keys (2.5–4 s of a
 * 1M-payment import), whereas the store can sort the pairs itself as plain numbers (a quarter of
 * a second) and insert them in key order, so every row lands at the end of its account's range.
 *
 * Outside a bulk load the pairs of each batch go in with its transfers, sorted. During one (the index
 * deferral is on), they are kept in memory and written, sorted, before `COMMIT`, or before any
 * query inside the transaction that reads the table (`flush`); a rollback forgets them.
 *
 * **A credit to the account numbered right after the debit has no row of its own** (schema
 * version 7): such a transfer is found through its debit's row (see {@link creditHasOwnRow}).
 * Accounts made in pairs are numbered so: a quota line and its 指标执行 account, a control and its
 * counterpart, so a payment, which debits the one and credits the other, writes one row instead
 * of two (about a million fewer rows, and half the sorting, in a 1M-payment import). A statement
 * of account A reads A's range and the rows of A − 1 that credit A (`transfer-query`).
 */
import type { SqliteConnection } from "./sqlite-connection";
import { insertRowsSync, multiRowInsertSql } from "./multi-row-insert";

/** The pairs of one connection's transactions; see the module comment. */
export interface TransferAccounts {
  /**
   * Records the accounts of transfers just inserted with consecutive sequences ending at
   * `lastSequence`: `debits[i]` and `credits[i]` are the account numbers of the i-th.
   */
  add(debits: readonly number[], credits: readonly number[], lastSequence: number): void;
  /** Keep pairs in memory until `flush` (a bulk load), or write them at once (the default). */
  defer(on: boolean): void;
  /** How many pairs are held in memory: a mark for {@link TransferAccounts.truncate}. */
  mark(): number;
  /** Forgets the pairs recorded after `mark` (their transfers were rolled back). */
  truncate(mark: number): void;
  /** Writes the pairs held in memory, sorted by account and sequence. */
  flush(): void;
  /**
   * Writes the held pairs when the buffer is full. Call it only between a transaction's writes,
   * outside the savepoint of a write: a savepoint rolled back after a flush would take the rows
   * of earlier, kept batches with it, while the buffer no longer holds them. (`tx.savepoint`
   * flushes when it opens, so whatever is held inside one belongs to it.)
   */
  makeRoom(): void;
  /** Forgets everything held and stops deferring (the transaction ended). */
  clear(): void;
}

/**
 * About this many pairs are held at most (32 MiB): a bulk load writes them out, sorted, before
 * its next write once the buffer is full, so memory stays flat however large the file. A later
 * run of an account lands after its earlier one, still in key order.
 */
export const HOLD_AT_MOST = 4 * 1024 * 1024;

/** Pairs are packed as account × 2^32 + sequence, exact in a double below 2^53. */
const SHIFT = 2 ** 32;
const MAX_ACCOUNT = 2 ** 21;
const INSERT = "INSERT OR FAIL INTO transfer_accounts (account, sequence) VALUES ";
/** Rows per statement when flushing (one call into SQLite binds 256 values). */
const FLUSH_ROWS = 128;

/**
 * Whether a transfer's credit account gets a row of its own in `transfer_accounts`: not when it
 * is numbered right after the debit account (the transfer is found through the debit's row).
 *
 * @example
 * ```ts
 * creditHasOwnRow(29, 30); // false: the debit's row (29, sequence) serves account 30 too
 * creditHasOwnRow(30, 29); // true
 * ```
 */
export function creditHasOwnRow(debit: number, credit: number): boolean {
  return credit !== debit + 1;
}

/** Writes the account and sequence packed in `key` into `out` at `at`. */
function unpack(key: number, out: number[], at: number): void {
  const account = Math.floor(key / SHIFT);
  out[at] = account;
  out[at + 1] = key - account * SHIFT;
}

/**
 * Creates the `transfer_accounts` writer of a connection.
 *
 * @example
 * ```ts
 * const pairs = createTransferAccounts(conn);
 * pairs.add([7], [8], 41); // transfer 41 debits account 7 and credits account 8
 * ```
 */
export function createTransferAccounts(conn: SqliteConnection, holdAtMost = HOLD_AT_MOST): TransferAccounts {
  let deferring = false;
  let keys = new Float64Array(0);
  let size = 0;

  const write = (values: unknown[]): void => insertRowsSync(conn, INSERT, 2, values);
  const hold = (account: number, sequence: number): void => {
    if (size === keys.length) {
      const grown = new Float64Array(Math.max(1024, keys.length * 2));
      grown.set(keys);
      keys = grown;
    }
    keys[size++] = account * SHIFT + sequence;
  };

  const flush = (): void => {
    if (size === 0) return;
    const sorted = keys.subarray(0, size).sort();
    // One reused parameter list per full statement: 2 million pairs allocate nothing per row.
    const many = conn.stmt(multiRowInsertSql(INSERT, 2, FLUSH_ROWS));
    const params: number[] = new Array(2 * FLUSH_ROWS);
    const whole = size - (size % FLUSH_ROWS);
    for (let at = 0; at < whole; at += FLUSH_ROWS) {
      for (let k = 0; k < FLUSH_ROWS; k++) unpack(sorted[at + k]!, params, 2 * k);
      many.run(params);
    }
    const rest: number[] = new Array(2 * (size - whole));
    for (let k = whole; k < size; k++) unpack(sorted[k]!, rest, 2 * (k - whole));
    write(rest);
    size = 0;
  };

  return {
    add(debits, credits, lastSequence) {
      const first = lastSequence - debits.length + 1;
      for (let i = 0; i < debits.length; i++) {
        const debit = debits[i]!;
        const credit = credits[i]!;
        const own = creditHasOwnRow(debit, credit);
        if (debit >= MAX_ACCOUNT || credit >= MAX_ACCOUNT || first + i >= SHIFT) write(own ? [debit, first + i, credit, first + i] : [debit, first + i]);
        else {
          hold(debit, first + i);
          if (own) hold(credit, first + i);
        }
      }
      // Outside a bulk load the batch's pairs go in at once, sorted (each account's leaf once).
      if (!deferring) flush();
    },
    defer(on) {
      if (!on) flush();
      deferring = on;
    },
    mark: () => size,
    truncate(mark) {
      size = Math.min(size, mark);
    },
    flush,
    makeRoom() {
      if (size >= holdAtMost) flush();
    },
    clear() {
      deferring = false;
      size = 0;
      if (keys.length > 65_536) keys = new Float64Array(0);
    },
  };
}
