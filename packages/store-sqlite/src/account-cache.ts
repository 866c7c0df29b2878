/**
 * Accounts read from SQLite, cached. An account is immutable except for `closed`, so the cache
 * keeps one frozen {@link Account} per id and its integer key (`num`, used by the `transfers`
 * table). Every read that can see `closed` (`getAccount`, a batch's snapshot, balance queries)
 * takes `closed` from the row it reads, so a close by another process is never missed; the cached
 * object is only reused while its `closed` matches. A rollback clears the cache, since the rows
 * (and integer keys) it may have seen inside the rolled-back transaction are gone.
 *
 * Hot reads (a batch's snapshot, balance queries) select only an account's state
 * ({@link accountStateColumns}: key, id, `closed`, balances) and rebuild the account from the
 * cache; only an account not cached yet costs a read of its whole row.
 */
import { JincaiError } from "@jincai/core";
import type { Account } from "@jincai/core";
import { decodeJson } from "./json-codec";
import type { SqliteConnection } from "./sqlite-connection";

/** An `accounts` row as better-sqlite3 returns it (integers as bigint). */
export interface AccountRow {
  readonly num: bigint;
  readonly id: string;
  readonly book: string;
  readonly code: string;
  readonly name: string | null;
  readonly dimensions: string;
  readonly normal_side: "debit" | "credit";
  readonly flags: string;
  readonly closed: bigint;
  readonly debits_posted: bigint;
  readonly credits_posted: bigint;
  readonly debits_pending: bigint;
  readonly credits_pending: bigint;
}

/** The columns of an account's state, enough to rebuild a cached account. */
export type AccountStateRow = Pick<
  AccountRow,
  "num" | "id" | "closed" | "debits_posted" | "credits_posted" | "debits_pending" | "credits_pending"
>;

/**
 * The select list of an account's state, for `accounts` under `alias` (none by default).
 *
 * @example
 * ```ts
 * accountStateColumns("a"); // "a.num, a.id, a.closed, a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending"
 * ```
 */
export function accountStateColumns(alias?: string): string {
  const p = alias === undefined ? "" : `${alias}.`;
  return ["num", "id", "closed", "debits_posted", "credits_posted", "debits_pending", "credits_pending"].map((c) => p + c).join(", ");
}

/** The cached accounts of one store. */
export interface AccountCache {
  /**
   * The account of a row, reusing the cached object when nothing changed. A state-only row of
   * an account not cached yet is completed with one read of the whole row.
   */
  fromRow(row: AccountRow | AccountStateRow): Account;
  /** The integer key of an account id, or undefined when it does not exist. */
  numOf(id: string): number | undefined;
  /** The account id of an integer key (the key must exist). */
  idOf(num: number | bigint): string;
  /** Forgets everything (after a rollback, whose rows and keys may be reused). */
  clear(): void;
}

interface Entry {
  readonly num: number;
  account: Account;
}

/**
 * Creates the account cache of a connection.
 *
 * @example
 * ```ts
 * const accounts = createAccountCache(conn);
 * accounts.numOf("quota-101"); // 1
 * accounts.idOf(1); // "quota-101"
 * ```
 */
export function createAccountCache(conn: SqliteConnection): AccountCache {
  const byId = new Map<string, Entry>();
  const byNum = new Map<number, Entry>();

  const fromRow = (row: AccountRow | AccountStateRow): Account => {
    const closed = row.closed !== 0n;
    const entry = byId.get(row.id);
    if (entry !== undefined) {
      if (entry.account.closed !== closed) entry.account = Object.freeze({ ...entry.account, closed });
      return entry.account;
    }
    const full = "dimensions" in row ? row : (conn.stmt("SELECT * FROM accounts WHERE num = ?").get(row.num) as AccountRow);
    const fresh: Entry = { num: Number(row.num), account: accountOf(full, closed) };
    byId.set(row.id, fresh);
    byNum.set(fresh.num, fresh);
    return fresh.account;
  };

  return {
    fromRow,
    numOf(id) {
      const hit = byId.get(id);
      if (hit !== undefined) return hit.num;
      const row = conn.stmt("SELECT * FROM accounts WHERE id = ?").get(id) as AccountRow | undefined;
      if (row === undefined) return undefined;
      fromRow(row);
      return Number(row.num);
    },
    idOf(num) {
      const n = Number(num);
      const hit = byNum.get(n);
      if (hit !== undefined) return hit.account.id;
      const row = conn.stmt("SELECT * FROM accounts WHERE num = ?").get(n) as AccountRow | undefined;
      if (row === undefined) throw new JincaiError("STORE_CORRUPT", `account #${n} is referenced but missing: the database was changed outside Jincai or is damaged`, { details: { account: n } });
      return fromRow(row).id;
    },
    clear() {
      byId.clear();
      byNum.clear();
    },
  };
}

function accountOf(row: AccountRow, closed: boolean): Account {
  const account: { -readonly [K in keyof Account]: Account[K] } = {
    id: row.id,
    book: row.book,
    code: row.code,
    dimensions: Object.freeze(decodeJson<Record<string, string>>(row.dimensions)),
    normalSide: row.normal_side,
    flags: Object.freeze(decodeJson<Account["flags"]>(row.flags)),
    closed,
  };
  if (row.name !== null) account.name = row.name;
  return Object.freeze(account);
}
