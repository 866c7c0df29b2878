/**
 * Balances kept in memory for the length of an explicit transaction (`store.transaction(fn)`,
 * one per imported file), written to `accounts` and `account_months` once, before `COMMIT`.
 *
 * An import checks and writes its rows 1,000 at a time, and nearly every batch touches every
 * quota account: reading each account's balance for the batch's snapshot and writing it back,
 * with one month upsert per account, cost about as much as inserting the transfers themselves.
 * While the transaction holds SQLite's write lock no other connection can change a balance, so
 * the state read once stays true, and each batch's changes are added to it in memory instead.
 *
 * The rules that keep it exact:
 * - a batch's changes are added only after its transfers went in (the last step of a write, so
 *   a write that fails, and the savepoint it rolls back, never reach the cache);
 * - every read of balances other than a batch's snapshot and a plain read of accounts by id
 *   (a book or dimension filter, a balance as of a date) writes the pending changes first and
 *   then reads the tables;
 * - a rollback of the transaction discards everything; a savepoint (`tx.savepoint`) writes the
 *   pending changes first, so a rollback to it only forgets the cache; outside an explicit
 *   transaction nothing is cached and every write goes straight to the tables.
 */
import type { Balance } from "@jincai/core";
import { accountStateColumns } from "./account-cache";
import type { AccountStateRow } from "./account-cache";
import type { SqliteConnection } from "./sqlite-connection";

/** An account's state as cached: the columns of {@link AccountStateRow}, kept current. */
export interface CachedAccountState {
  readonly num: bigint;
  readonly id: string;
  closed: bigint;
  debits_posted: bigint;
  credits_posted: bigint;
  debits_pending: bigint;
  credits_pending: bigint;
}

/** The in-memory balances of a connection; see the module comment. */
export interface TxBalances {
  /** Whether an explicit transaction is caching balances now. */
  readonly active: boolean;
  /** An explicit transaction began. */
  begin(): void;
  /** The cached state of an account, if this transaction has read or written it. */
  get(id: string): CachedAccountState | undefined;
  /** Caches the state row just read from `accounts` (while active); returns the cached entry. */
  remember(row: AccountStateRow): CachedAccountState;
  /** The account's state: cached, or read from `accounts` and remembered; undefined if none. */
  stateOf(id: string): CachedAccountState | undefined;
  /**
   * Adds a written batch's balance changes and month changes, both per account id; every account
   * named must have been read through {@link TxBalances.remember} in this transaction.
   */
  add(deltas: ReadonlyMap<string, Balance>, months: ReadonlyMap<string, ReadonlyMap<string, Balance>>): void;
  /** Marks a cached account closed. */
  close(id: string): void;
  /** Writes the pending changes to `accounts` and `account_months` (a no-op when there are none). */
  flush(): void;
  /**
   * Forgets every cached state and pending change, staying active: after a rollback to a
   * savepoint taken right after {@link TxBalances.flush}, the tables hold the truth again.
   */
  forget(): void;
  /** The transaction ended: forgets everything, written or not. */
  end(): void;
}

/**
 * Creates the in-memory balances of a connection.
 *
 * @example
 * ```ts
 * const balances = createTxBalances(conn);
 * balances.begin();
 * balances.remember(row); // a state row read for a batch
 * balances.flush(); // before COMMIT
 * balances.end();
 * ```
 */
export function createTxBalances(conn: SqliteConnection): TxBalances {
  let active = false;
  const states = new Map<string, CachedAccountState>();
  const dirty = new Set<CachedAccountState>();
  // Pending month changes, keyed by the cached state of their account.
  const months = new Map<CachedAccountState, Map<string, { dp: bigint; cp: bigint; dpe: bigint; cpe: bigint }>>();
  const remember = (row: AccountStateRow): CachedAccountState => {
    const state: CachedAccountState = {
      num: row.num,
      id: row.id,
      closed: row.closed,
      debits_posted: row.debits_posted,
      credits_posted: row.credits_posted,
      debits_pending: row.debits_pending,
      credits_pending: row.credits_pending,
    };
    if (active) states.set(row.id, state);
    return state;
  };
  return {
    get active() {
      return active;
    },
    begin() {
      active = true;
    },
    get: (id) => states.get(id),
    remember,
    stateOf(id) {
      const cached = states.get(id);
      if (cached !== undefined) return cached;
      const row = conn.stmt(ACCOUNT_STATE_BY_ID).get(id) as AccountStateRow | undefined;
      return row === undefined ? undefined : remember(row);
    },
    add(deltas, byAccount) {
      for (const [id, d] of deltas) {
        const s = states.get(id)!;
        // A payment moves one or two of the four balances: the others are skipped.
        if (d.debitsPosted !== 0n) s.debits_posted += d.debitsPosted;
        if (d.creditsPosted !== 0n) s.credits_posted += d.creditsPosted;
        if (d.debitsPending !== 0n) s.debits_pending += d.debitsPending;
        if (d.creditsPending !== 0n) s.credits_pending += d.creditsPending;
        dirty.add(s);
      }
      for (const [id, byMonth] of byAccount) {
        const state = states.get(id)!;
        let pending = months.get(state);
        if (pending === undefined) months.set(state, (pending = new Map()));
        for (const [month, b] of byMonth) {
          const m = pending.get(month);
          if (m === undefined) pending.set(month, { dp: b.debitsPosted, cp: b.creditsPosted, dpe: b.debitsPending, cpe: b.creditsPending });
          else {
            if (b.debitsPosted !== 0n) m.dp += b.debitsPosted;
            if (b.creditsPosted !== 0n) m.cp += b.creditsPosted;
            if (b.debitsPending !== 0n) m.dpe += b.debitsPending;
            if (b.creditsPending !== 0n) m.cpe += b.creditsPending;
          }
        }
      }
    },
    close(id) {
      const s = states.get(id);
      if (s !== undefined) s.closed = 1n;
    },
    flush() {
      if (dirty.size > 0) {
        const update = conn.stmt(
          "UPDATE accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, credits_pending = ? WHERE num = ?",
        );
        for (const s of dirty) update.run(s.debits_posted, s.credits_posted, s.debits_pending, s.credits_pending, s.num);
        dirty.clear();
      }
      if (months.size > 0) {
        const upsert = conn.stmt(MONTH_UPSERT);
        for (const [state, byMonth] of months) for (const [month, m] of byMonth) upsert.run(state.num, month, m.dp, m.cp, m.dpe, m.cpe);
        months.clear();
      }
    },
    forget() {
      states.clear();
      dirty.clear();
      months.clear();
    },
    end() {
      active = false;
      states.clear();
      dirty.clear();
      months.clear();
    },
  };
}

const ACCOUNT_STATE_BY_ID = `SELECT ${accountStateColumns()} FROM accounts WHERE id = ?`;

/** Adds one account-month's changes to `account_months`. */
export const MONTH_UPSERT =
  "INSERT INTO account_months (account, month, debits_posted, credits_posted, debits_pending, credits_pending) VALUES (?, ?, ?, ?, ?, ?) " +
  "ON CONFLICT (account, month) DO UPDATE SET debits_posted = debits_posted + excluded.debits_posted, " +
  "credits_posted = credits_posted + excluded.credits_posted, debits_pending = debits_pending + excluded.debits_pending, " +
  "credits_pending = credits_pending + excluded.credits_pending";
