/**
 * The shared state of one store's connection: its account cache, the index deferral of bulk
 * loads with the `transfer_accounts` rows it may hold, and the in-memory balances of a
 * transaction.
 */
import { createAccountCache } from "./account-cache";
import type { SqliteContext } from "./account-ops";
import { createIndexDeferral } from "./index-deferral";
import type { SqliteConnection } from "./sqlite-connection";
import { createTransferAccounts } from "./transfer-accounts";
import { createTxBalances } from "./tx-balances";

/**
 * Assembles the context the store's operations share, over one connection. `holdAtMost` (for
 * tests) caps the account pairs a bulk load holds in memory (default `HOLD_AT_MOST`).
 *
 * @example
 * ```ts
 * const ctx = createSqliteContext(openConnection({ filename: "city-2026.db", appliedAt: "2026-03-01T00:00:00.000Z" }));
 * ```
 */
export function createSqliteContext(conn: SqliteConnection, options: { readonly holdAtMost?: number } = {}): SqliteContext {
  const transferAccounts = createTransferAccounts(conn, options.holdAtMost);
  return {
    conn,
    accounts: createAccountCache(conn),
    deferral: createIndexDeferral(transferAccounts),
    balances: createTxBalances(conn),
    transferAccounts,
  };
}
