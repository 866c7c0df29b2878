/**
 * A {@link LedgerSnapshot} over SQLite for one batch, read inside the batch's transaction.
 * What core's `batchKeys` names (the batch's transfer ids, the pending ids it resolves, the
 * accounts it names) is preloaded with one statement each (`IN (SELECT value FROM json_each(?))`),
 * which is much cheaper than one call per item; anything else the planner asks for is looked up
 * lazily with a prepared statement. Each account is read once per batch: its state row (key,
 * `closed`, balance) gives the account from the store's account cache and its balance. Inside
 * an explicit transaction an account already read is taken from the in-memory balances instead
 * (see tx-balances). The balances handed to the planner are copies, fixed for the batch.
 */
import type { Account, Balance, LedgerSnapshot, PeriodLock, Transfer, TransferInput } from "@jincai/core";
import { ZERO_BALANCE, batchKeys } from "@jincai/core";
import { accountStateColumns } from "./account-cache";
import type { AccountStateRow } from "./account-cache";
import type { SqliteContext } from "./account-ops";
import { periodLocksSync } from "./period-lock-ops";
import { TRANSFER_COLUMNS, readTransfer, readTransfers } from "./transfer-row";

/** A snapshot that also tells the integer key of each account it has read. */
export interface SqliteSnapshot extends LedgerSnapshot {
  /** The integer key of an account the snapshot has read (undefined if it does not exist). */
  numOf(accountId: string): bigint | undefined;
}

/** Options of {@link createSqliteSnapshot}. */
export interface SqliteSnapshotOptions {
  /**
   * Answer "no such transfer" for the batch's own ids without reading them (the pending
   * transfers the batch resolves are still read). Only for a write that the `transfers.id`
   * UNIQUE constraint guards: when an id did exist, the insert fails and the caller replans
   * with a full snapshot.
   */
  readonly assumeNewIds?: boolean;
}

const PRELOAD_ACCOUNTS = `SELECT ${accountStateColumns()} FROM accounts WHERE id IN (SELECT value FROM json_each(?))`;

interface AccountEntry {
  readonly row: AccountStateRow;
  readonly account: Account;
  readonly balance: Balance;
}

/**
 * Creates the snapshot of one batch. Use it only inside the batch's transaction.
 *
 * @example
 * ```ts
 * const plan = planTransfers(batch, createSqliteSnapshot(ctx, batch));
 * ```
 */
export function createSqliteSnapshot(
  ctx: SqliteContext,
  batch: readonly TransferInput[],
  options: SqliteSnapshotOptions = {},
): SqliteSnapshot {
  const { conn } = ctx;
  const accounts = new Map<string, AccountEntry | undefined>();
  const transfers = new Map<string, Transfer | undefined>();
  const resolutions = new Map<string, Transfer | undefined>();
  const assumeNew = options.assumeNewIds === true;
  const keys = batchKeys(batch, { transferIds: !assumeNew });

  const addAccount = (row: AccountStateRow): AccountEntry => {
    const entry: AccountEntry = {
      row,
      account: ctx.accounts.fromRow(row),
      balance: {
        debitsPosted: row.debits_posted,
        creditsPosted: row.credits_posted,
        debitsPending: row.debits_pending,
        creditsPending: row.credits_pending,
      },
    };
    accounts.set(row.id, entry);
    return entry;
  };

  // Inside an explicit transaction an account read before is taken from the in-memory
  // balances (tx-balances), and each account read now is remembered there.
  const cached = ctx.balances;

  // Preload: missing keys are remembered as undefined, so they cost no second lookup.
  const unread: string[] = [];
  for (const id of keys.accountIds) {
    const state = cached.get(id);
    if (state !== undefined) addAccount(state);
    else {
      accounts.set(id, undefined);
      unread.push(id);
    }
  }
  if (unread.length > 0) {
    for (const row of conn.stmt(PRELOAD_ACCOUNTS).all(JSON.stringify(unread))) addAccount(cached.remember(row as AccountStateRow));
  }
  // Assuming the batch's own ids are new, only the pending transfers it resolves are read, and
  // any other id is answered "none" without a query.
  const preload = assumeNew ? keys.pendingIds : keys.transferIds;
  if (!assumeNew) for (const id of keys.transferIds) transfers.set(id, undefined);
  if (preload.length > 0) {
    const sql = `SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.id IN (SELECT value FROM json_each(?))`;
    for (const t of readTransfers(conn.stmt(sql), [JSON.stringify(preload)], ctx.accounts)) transfers.set(t.id, t);
  }
  for (const id of keys.pendingIds) resolutions.set(id, undefined);
  if (keys.pendingIds.length > 0) {
    const sql = `SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.pending_id IN (SELECT value FROM json_each(?))`;
    for (const t of readTransfers(conn.stmt(sql), [JSON.stringify(keys.pendingIds)], ctx.accounts)) resolutions.set(t.pendingId!, t);
  }

  const entryOf = (id: string): AccountEntry | undefined => {
    const known = accounts.get(id);
    if (known !== undefined || accounts.has(id)) return known;
    const state = cached.stateOf(id);
    if (state !== undefined) return addAccount(state);
    accounts.set(id, undefined);
    return undefined;
  };
  const lazy = (cache: Map<string, Transfer | undefined>, column: string, key: string): Transfer | undefined => {
    if (cache.has(key)) return cache.get(key);
    const t = readTransfer(conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.${column} = ?`), [key], ctx.accounts);
    cache.set(key, t);
    return t;
  };
  const locks: readonly PeriodLock[] = periodLocksSync(ctx);
  return {
    locks,
    account: (id) => entryOf(id)?.account,
    balance: (id) => entryOf(id)?.balance ?? ZERO_BALANCE,
    transfer: assumeNew ? (id) => transfers.get(id) : (id) => lazy(transfers, "id", id),
    resolution: (pendingId) => lazy(resolutions, "pending_id", pendingId),
    numOf: (accountId) => entryOf(accountId)?.row.num,
  };
}
