/**
 * What the transfer planner needs to read. A store builds one over its current state (inside its
 * transaction, with the touched accounts locked where the backend needs it) and hands it to
 * `planTransfers`, which never writes.
 */
import type { Account, Balance } from "./account";
import type { PeriodLock } from "./period-lock";
import type { Transfer } from "./transfer";

/** Synchronous read access to the state a batch touches. */
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

/** The ids a batch may read: stores that must preload (PostgreSQL) load these first. */
export interface BatchKeys {
  /** Ids of the batch's transfers and of the pending transfers they post or void. */
  readonly transferIds: string[];
  /** Pending ids whose resolutions must be loaded. */
  readonly pendingIds: string[];
  /** Accounts named directly by the batch (add the accounts of the loaded pending transfers). */
  readonly accountIds: string[];
}
