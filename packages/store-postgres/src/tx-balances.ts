/**
 * Balances kept in memory for the length of `store.transaction(fn)`, written to `accounts`,
 * `account_months` and `ledger_head` once, before `COMMIT`.
 *
 * PostgreSQL writes a new version of a row for every UPDATE, and the versions one transaction
 * leaves behind can only be freed after it ends. An import checks and writes its rows 1,000 at a
 * time in one transaction per file, and nearly every batch touches every quota account, the
 * ledger head and the accounts' months: updating them once per batch left chains of versions
 * that every later lookup of those rows walked. The batch write of a 100,000-payment import took
 * 25 ms at the start and 230 ms at the end (quadratic in the file's length).
 *
 * Inside a transaction the store therefore locks each account it writes once (`SELECT … FOR
 * UPDATE`, held to commit, so nobody else can change it meanwhile), keeps the row as read, and
 * adds each batch's changes in memory. The rules that keep it exact:
 * - a write's changes (rows locked, balance and month changes, the last sequence) are staged and
 *   kept only once its savepoint is released, so a failed or retried write leaves nothing;
 * - a balance read by account (the batch snapshot, `accountBalances` without a date) adds the
 *   pending changes to the rows it reads, and `accountBalances` of accounts given by id that the
 *   transaction all holds reads nothing ({@link TxBalances.held}); a balance as of a date writes them first
 *   ({@link TxBalances.flush}) and then reads the tables;
 * - a rollback of the transaction discards everything, and a rollback to a savepoint
 *   (`tx.savepoint`) puts back the state {@link TxBalances.mark} took when it opened; outside a
 *   transaction nothing is kept and every batch writes its balances in its own statement.
 */
import type { Balance, BalanceDelta } from "@jincai/core";
import { balanceOf, type AccountRow } from "./account-rows";
import { exec, type Queryable } from "./sql-client";
import { balanceUpdateSql, balanceUpdateValues } from "./write-plan";

/** What one write changed, kept only when its savepoint is released. */
export interface TxStage {
  /** Account rows the write locked and read. */
  readonly rows: readonly AccountRow[];
  /** The write's balance changes per account id (none when it wrote nothing). */
  readonly deltas?: ReadonlyMap<string, BalanceDelta>;
  /** Its changes per account id and month (`YYYY-MM`). */
  readonly months?: ReadonlyMap<string, ReadonlyMap<string, Balance>>;
  /** The ledger head after the write. */
  readonly lastSequence?: bigint;
}

/** The in-memory state of one transaction; see the module comment. */
export interface TxBalances {
  /** The row of an account this transaction has locked, balances as they stand in the table. */
  row(id: string): AccountRow | undefined;
  /** The account's balance with this transaction's pending changes, when it has the row. */
  balance(id: string): Balance | undefined;
  /** The ledger head as this transaction holds it (undefined before its first transfer). */
  readonly lastSequence: bigint | undefined;
  /** Keeps what a write staged (call after its savepoint was released). */
  keep(stage: TxStage): void;
  /** Rows read from `accounts`, with the pending changes added (new row objects when changed). */
  overlay(rows: readonly AccountRow[]): AccountRow[];
  /**
   * The rows of these accounts with the pending changes added, in id order, when this
   * transaction holds every one of them (each once); undefined when it does not, and they must be
   * read. Nobody else can change a row the transaction holds locked, so these are current.
   */
  held(ids: readonly string[]): AccountRow[] | undefined;
  /** Forgets the kept row of an account (it changed in the table, e.g. closed); changes stay. */
  forget(id: string): void;
  /** Writes the pending changes to the tables (a no-op when there are none). */
  flush(db: Queryable, s: string): Promise<void>;
  /**
   * The state as it is now, for a savepoint: the function returned puts it back after a
   * rollback to that savepoint (rows locked since then were unlocked by the rollback, and their
   * changes undone).
   */
  mark(): () => void;
}

const zero = (): BalanceDelta => ({ debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n });

function addInto(into: BalanceDelta, d: Balance): void {
  into.debitsPosted += d.debitsPosted;
  into.creditsPosted += d.creditsPosted;
  into.debitsPending += d.debitsPending;
  into.creditsPending += d.creditsPending;
}

/**
 * Creates the state of one transaction.
 *
 * @example
 * ```ts
 * const state = createTxBalances();
 * state.keep({ rows: [row], deltas: plan.balanceDeltas, months, lastSequence: 42n });
 * state.balance(row.id); // the row's balance plus the batch's changes
 * await state.flush(client, '"jincai"'); // before COMMIT
 * ```
 */
export function createTxBalances(): TxBalances {
  const rows = new Map<string, AccountRow>();
  const pending = new Map<string, BalanceDelta>();
  const months = new Map<string, Map<string, BalanceDelta>>();
  let lastSequence: bigint | undefined;
  let headDirty = false;

  const withPending = (row: AccountRow): AccountRow => {
    const d = pending.get(row.id);
    return d === undefined ? row : plus(row, d);
  };

  return {
    row: (id) => rows.get(id),
    balance(id) {
      const row = rows.get(id);
      return row === undefined ? undefined : balanceOf(withPending(row));
    },
    get lastSequence() {
      return lastSequence;
    },
    keep(stage) {
      for (const row of stage.rows) rows.set(row.id, row);
      for (const [id, d] of stage.deltas ?? []) {
        let p = pending.get(id);
        if (p === undefined) pending.set(id, (p = zero()));
        addInto(p, d);
      }
      for (const [id, byMonth] of stage.months ?? []) {
        let m = months.get(id);
        if (m === undefined) months.set(id, (m = new Map()));
        for (const [month, b] of byMonth) {
          let p = m.get(month);
          if (p === undefined) m.set(month, (p = zero()));
          addInto(p, b);
        }
      }
      if (stage.lastSequence !== undefined && stage.lastSequence !== lastSequence) {
        lastSequence = stage.lastSequence;
        headDirty = true;
      }
    },
    mark() {
      const keptRows = new Map(rows);
      const keptPending = copyDeltas(pending);
      const keptMonths = new Map([...months].map(([id, byMonth]) => [id, copyDeltas(byMonth)]));
      const keptSequence = lastSequence;
      const keptHeadDirty = headDirty;
      return () => {
        replace(rows, keptRows);
        replace(pending, copyDeltas(keptPending));
        replace(months, new Map([...keptMonths].map(([id, byMonth]) => [id, copyDeltas(byMonth)])));
        lastSequence = keptSequence;
        headDirty = keptHeadDirty;
      };
    },
    overlay: (read) => read.map(withPending),
    held(ids) {
      const out: AccountRow[] = [];
      for (const id of new Set(ids)) {
        const row = rows.get(id);
        if (row === undefined) return undefined;
        out.push(withPending(row));
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    forget: (id) => void rows.delete(id),
    async flush(db, s) {
      if (pending.size > 0 || months.size > 0) {
        await exec(db, `WITH ${balanceUpdateSql(s, 1)} SELECT 1`, balanceUpdateValues(pending, months));
        for (const [id, d] of pending) {
          const row = rows.get(id);
          if (row !== undefined) rows.set(id, plus(row, d));
        }
        pending.clear();
        months.clear();
      }
      if (headDirty) {
        await exec(db, `UPDATE ${s}.ledger_head SET last_sequence = $1`, [lastSequence]);
        headDirty = false;
      }
    },
  };
}

/** A copy of the deltas (the originals go on being added to). */
function copyDeltas<K>(deltas: ReadonlyMap<K, BalanceDelta>): Map<K, BalanceDelta> {
  return new Map([...deltas].map(([k, d]) => [k, { ...d }]));
}

/** Makes `target` hold exactly the entries of `source`. */
function replace<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>): void {
  target.clear();
  for (const [k, v] of source) target.set(k, v);
}

/** The row with `d` added to its balances. */
function plus(row: AccountRow, d: Balance): AccountRow {
  return {
    ...row,
    debits_posted: row.debits_posted + d.debitsPosted,
    credits_posted: row.credits_posted + d.creditsPosted,
    debits_pending: row.debits_pending + d.debitsPending,
    credits_pending: row.credits_pending + d.creditsPending,
  };
}
