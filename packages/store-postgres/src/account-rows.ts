/**
 * Accounts in SQL: creation through core's `planAccounts` (the rules), reads, closing, and the
 * row locks the transfer path takes. Balances live on the account row as four BIGINT columns.
 */
import { JincaiError, planAccounts } from "@jincai/core";
import type { Account, AccountInput, Balance, CreateAccountResult, NumberedAccount } from "@jincai/core";
import { exec, sql, type Queryable } from "./sql-client";
import { storableIds } from "./storable-ids";

/** An `accounts` row as read. */
export interface AccountRow {
  id: string;
  book: string;
  code: string;
  name: string | null;
  dimensions: Record<string, string>;
  normal_side: "debit" | "credit";
  flags: Account["flags"];
  closed: boolean;
  debits_posted: bigint;
  credits_posted: bigint;
  debits_pending: bigint;
  credits_pending: bigint;
}

/** The columns every account read selects. */
export const ACCOUNT_COLUMNS =
  "id, book, code, name, dimensions, normal_side, flags, closed, debits_posted, credits_posted, debits_pending, credits_pending";

/** The account of a row. */
export function accountOf(row: AccountRow): Account {
  const account: { -readonly [K in keyof Account]: Account[K] } = {
    id: row.id,
    book: row.book,
    code: row.code,
    dimensions: row.dimensions,
    normalSide: row.normal_side,
    flags: row.flags,
    closed: row.closed,
  };
  if (row.name !== null) account.name = row.name;
  return account;
}

/** The balance of a row. */
export function balanceOf(row: AccountRow): Balance {
  return {
    debitsPosted: row.debits_posted,
    creditsPosted: row.credits_posted,
    debitsPending: row.debits_pending,
    creditsPending: row.credits_pending,
  };
}

/** Reads accounts by id (unlocked). */
export async function loadAccounts(db: Queryable, s: string, ids: readonly string[]): Promise<AccountRow[]> {
  const storable = storableIds(ids);
  if (storable.length === 0) return [];
  return sql<AccountRow>(db, `SELECT ${ACCOUNT_COLUMNS} FROM ${s}.accounts WHERE id = ANY($1::text[])`, [storable]);
}

/**
 * Locks accounts with `SELECT … FOR UPDATE` in id order (so competing batches cannot deadlock on
 * each other) and returns their rows, read after the locks were granted.
 */
export async function lockAccounts(db: Queryable, s: string, ids: readonly string[]): Promise<AccountRow[]> {
  const sorted = storableIds(ids).sort();
  if (sorted.length === 0) return [];
  return sql<AccountRow>(
    db,
    `SELECT ${ACCOUNT_COLUMNS} FROM ${s}.accounts WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [sorted],
  );
}

/**
 * Creates accounts: locks (or finds absent) the named ids, lets `planAccounts` decide, inserts
 * the new ones. A racing creator of the same id is settled by the primary key (`ON CONFLICT DO
 * NOTHING`), after which the caller retries and sees `exists`.
 */
export async function createAccounts(
  db: Queryable,
  s: string,
  inputs: readonly AccountInput[],
): Promise<{ results: CreateAccountResult[]; raced: boolean }> {
  const ids = inputs.map((i) => i.id).filter((id): id is string => typeof id === "string" && id.length > 0);
  const existing = new Map((await lockAccounts(db, s, ids)).map((row) => [row.id, accountOf(row)]));
  const plan = planAccounts(inputs, (id) => existing.get(id));
  if (plan.accounts.length === 0) return { results: plan.results, raced: false };
  const a = plan.accounts;
  // Numbered under the ledger head's row lock, held to commit: numbers follow commit order
  // (see account-number-schema). A racing creator's row is skipped, its number left unused.
  const inserted = await exec(
    db,
    `WITH head AS (
       UPDATE ${s}.ledger_head SET last_account_num = last_account_num + $9::bigint RETURNING last_account_num - $9::bigint AS base
     )
     INSERT INTO ${s}.accounts (num, id, book, code, name, dimensions, normal_side, flags, closed)
     SELECT head.base + u.ord, u.id, u.book, u.code, u.name, u.dimensions, u.normal_side, u.flags, u.closed
     FROM head, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[], $8::boolean[])
       WITH ORDINALITY AS u(id, book, code, name, dimensions, normal_side, flags, closed, ord)
     ON CONFLICT (id) DO NOTHING`,
    [
      a.map((x) => x.id),
      a.map((x) => x.book),
      a.map((x) => x.code),
      a.map((x) => x.name ?? null),
      a.map((x) => JSON.stringify(x.dimensions)),
      a.map((x) => x.normalSide),
      a.map((x) => JSON.stringify(x.flags)),
      a.map((x) => x.closed),
      a.length,
    ],
  );
  return { results: plan.results, raced: inserted !== a.length };
}

/**
 * The accounts numbered after `afterNumber`, in number order (core's `StoreTx.accountsCreatedAfter`).
 *
 * @example
 * ```ts
 * await accountsCreatedAfter(client, '"jincai"', 0); // [{ number: 1, account: { id: "quota:Q1", … } }, …]
 * ```
 */
export async function accountsCreatedAfter(db: Queryable, s: string, afterNumber: number): Promise<NumberedAccount[]> {
  const rows = await sql<AccountRow & { num: bigint | string }>(
    db,
    `SELECT num, ${ACCOUNT_COLUMNS} FROM ${s}.accounts WHERE num > $1 ORDER BY num`,
    [String(Math.max(Math.trunc(afterNumber), Number.MIN_SAFE_INTEGER))],
  );
  return rows.map((row) => ({ number: Number(row.num), account: accountOf(row) }));
}

/** Reads one account. */
export async function getAccount(db: Queryable, s: string, id: string): Promise<Account | undefined> {
  const row = (await loadAccounts(db, s, [id]))[0];
  return row === undefined ? undefined : accountOf(row);
}

/** Marks an account closed; throws `ACCOUNT_NOT_FOUND`. */
export async function closeAccount(db: Queryable, s: string, id: string): Promise<void> {
  const count = await exec(db, `UPDATE ${s}.accounts SET closed = true WHERE id = $1`, [id]);
  if (count === 0) throw new JincaiError("ACCOUNT_NOT_FOUND", `no account ${id}`, { details: { id } });
}
