/**
 * What the transfer planner needs to read. A store builds one over its current state (inside its
 * transaction, with the touched accounts locked where the backend needs it) and hands it to
 * `planTransfers`, which never writes.
 */
import type { Account, Balance } from "./account";
import type { PeriodLock } from "./period-lock";
import type { Transfer } from "./transfer";

/**
 * Synchronous read access to the state a batch touches.
 *
 * @example
 * ```ts
 * const snapshot: LedgerSnapshot = {
 *   account: (id) => accounts.get(id), balance: (id) => balances.get(id) ?? ZERO_BALANCE,
 *   transfer: (id) => transfers.get(id), resolution: () => undefined, locks: [],
 * };
 * planTransfers(batch, snapshot).applied; // true when every item is ok or exists
 * ```
 */
export interface LedgerSnapshot {
  /** The account, or undefined when it does not exist. */
  account(id: string): Account | undefined;
  /** The account's current balance (zero when it has none yet). */
  balance(id: string): Balance;
  /** An existing transfer by id. */
  transfer(id: string): Transfer | undefined;
  /** The existing `post`/`void` transfer that resolved pending transfer `pendingId`. */
  resolution(pendingId: string): Transfer | undefined;
  /** The period locks in force. */
  readonly locks: readonly PeriodLock[];
}

/**
 * The ids a batch may read: stores that must preload (PostgreSQL) load these first.
 *
 * @example
 * ```ts
 * const keys: BatchKeys = batchKeys([{ id: "p1-post", phase: "post", pendingId: "p1", date: "2026-03-01" }]);
 * // { transferIds: ["p1-post", "p1"], pendingIds: ["p1"], accountIds: [] }
 * ```
 */
export interface BatchKeys {
  /** Ids of the batch's transfers and of the pending transfers they post or void. */
  readonly transferIds: string[];
  /** Pending ids whose resolutions must be loaded. */
  readonly pendingIds: string[];
  /** Accounts named directly by the batch (add the accounts of the loaded pending transfers). */
  readonly accountIds: string[];
}
