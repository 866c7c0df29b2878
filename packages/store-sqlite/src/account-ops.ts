/**
 * Accounts in SQLite: creation (the rules are core's `planAccounts`), closing and lookup.
 * Dimensions are stored twice: as JSON on the row (to rebuild the account) and one row per
 * key in `account_dimensions` (key, value, account), the index `where` filters use.
 */
import { JincaiError, planAccounts } from "@jincai/core";
import type { Account, AccountInput, CreateAccountResult, NumberedAccount } from "@jincai/core";
import type { AccountCache, AccountRow } from "./account-cache";
import type { IndexDeferral } from "./index-deferral";
import type { TransferAccounts } from "./transfer-accounts";
import type { TxBalances } from "./tx-balances";
import { encodeJson } from "./json-codec";
import type { SqliteConnection } from "./sqlite-connection";

/** What the account, transfer and query operations share. */
export interface SqliteContext {
  readonly conn: SqliteConnection;
  readonly accounts: AccountCache;
  /** Holds the account pairs of `transfer_accounts` for `COMMIT` during large loads in a transaction. */
  readonly deferral: IndexDeferral;
  /** Keeps balances in memory during an explicit transaction. */
  readonly balances: TxBalances;
  /** Writes (or, during a bulk load, holds) the rows of `transfer_accounts`. */
  readonly transferAccounts: TransferAccounts;
}

/**
 * Creates accounts; one result per input, in order.
 *
 * @example
 * ```ts
 * createAccountsSync(ctx, [{ id: "q1", book: "quota", code: "101", normalSide: "credit" }]); // [{ index: 0, id: "q1", status: "ok" }]
 * ```
 */
export function createAccountsSync(ctx: SqliteContext, inputs: readonly AccountInput[]): CreateAccountResult[] {
  const plan = planAccounts(inputs, (id) => getAccountSync(ctx, id));
  const insert = ctx.conn.stmt(
    "INSERT INTO accounts (id, book, code, name, dimensions, normal_side, flags, closed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertDimension = ctx.conn.stmt("INSERT INTO account_dimensions (key, value, account) VALUES (?, ?, ?)");
  for (const a of plan.accounts) {
    const { lastInsertRowid } = insert.run(
      a.id,
      a.book,
      a.code,
      a.name ?? null,
      encodeJson(a.dimensions),
      a.normalSide,
      encodeJson(a.flags),
      a.closed ? 1 : 0,
    );
    for (const [key, value] of Object.entries(a.dimensions)) insertDimension.run(key, value, lastInsertRowid);
  }
  return plan.results;
}

/**
 * The accounts numbered after `afterNumber` (their `num`, the integer key), in number order: one
 * writer at a time, so numbers follow commit order (see core's `StoreTx.accountsCreatedAfter`).
 *
 * @example
 * ```ts
 * accountsCreatedAfterSync(ctx, 0); // [{ number: 1, account: { id: "q1", … } }, …]
 * ```
 */
export function accountsCreatedAfterSync(ctx: SqliteContext, afterNumber: number): NumberedAccount[] {
  const rows = ctx.conn.stmt("SELECT * FROM accounts WHERE num > ? ORDER BY num").all(Math.max(afterNumber, Number.MIN_SAFE_INTEGER)) as AccountRow[];
  return rows.map((row) => ({ number: Number(row.num), account: ctx.accounts.fromRow(row) }));
}

/**
 * Closes an account; throws `ACCOUNT_NOT_FOUND` when there is none with that id.
 *
 * @example
 * ```ts
 * closeAccountSync(ctx, "q1");
 * ```
 */
export function closeAccountSync(ctx: SqliteContext, id: string): void {
  const { changes } = ctx.conn.stmt("UPDATE accounts SET closed = 1 WHERE id = ?").run(id);
  if (changes === 0) {
    throw new JincaiError("ACCOUNT_NOT_FOUND", `no account ${JSON.stringify(id)}`, { details: { id } });
  }
  ctx.balances.close(id);
}

/**
 * The account with this id, read fresh (its `closed` state included), or undefined.
 *
 * @example
 * ```ts
 * getAccountSync(ctx, "q1")?.book; // "quota"
 * ```
 */
export function getAccountSync(ctx: SqliteContext, id: string): Account | undefined {
  const row = ctx.conn.stmt("SELECT * FROM accounts WHERE id = ?").get(id) as AccountRow | undefined;
  return row === undefined ? undefined : ctx.accounts.fromRow(row);
}
