/**
 * The storage port. A store does, atomically, what the ledger needs (a checked batch of
 * transfers, balances, transfers by period) and keeps domain documents with optimistic versions
 * and the audit chain. The ledger's rules live once, in core (`planTransfers`); a store only
 * loads the state a batch touches, asks the planner, and writes the plan in one transaction.
 *
 * Every method of {@link StoreTx} may be called on the {@link Store} itself (each call is then its
 * own transaction) or inside `store.transaction(fn)`, where everything `fn` does commits together
 * or not at all.
 */
import type { Account, AccountInput, Balance, Book, CreateAccountResult, Dimensions } from "../ledger/account";
import type { PeriodLock } from "../ledger/period-lock";
import type { Transfer, TransferBatchResult, TransferInput, TransferPhase } from "../ledger/transfer";
import type { AuditCheckpoint, AuditEvent } from "../audit/audit-event";

/** Filter for balance queries. */
export interface BalanceQuery {
  readonly book?: Book;
  /** Exact match on each given dimension. */
  readonly where?: Dimensions;
  readonly accountIds?: readonly string[];
  /** Balances as of the end of this date (inclusive). Omitted: current balances. */
  readonly asOf?: string;
}

/** One account with its balance. */
export interface AccountBalance {
  readonly account: Account;
  readonly balance: Balance;
}

/** Filter for transfer queries. Results stream in `sequence` order. */
export interface TransferQuery {
  /** Transfers whose debit or credit account is this one. */
  readonly accountId?: string;
  readonly book?: Book;
  /** Transfers whose debit or credit account matches every given dimension. */
  readonly where?: Dimensions;
  /** First date, inclusive. */
  readonly from?: string;
  /** Last date, inclusive. */
  readonly to?: string;
  readonly phases?: readonly TransferPhase[];
  /** Only transfers with a sequence greater than this (for paging). */
  readonly afterSequence?: number;
}

/** A domain document kept by the record store. */
export interface StoredRecord<T = unknown> {
  readonly collection: string;
  readonly id: string;
  /** Starts at 1, +1 on every put. */
  readonly version: number;
  readonly data: T;
  /** Indexed string fields that `queryRecords` can filter on. */
  readonly index: Readonly<Record<string, string>>;
}

/** What a caller supplies to put a record. */
export interface RecordWrite<T = unknown> {
  readonly collection: string;
  readonly id: string;
  readonly data: T;
  readonly index?: Readonly<Record<string, string>>;
  /**
   * Optimistic check: `0` means "must not exist yet", `n` means "must currently be version n".
   * Omitted: unconditional (the version still increments). A failed check throws
   * `JincaiError("RECORD_VERSION_CONFLICT")`.
   */
  readonly expectedVersion?: number;
}

/** Filter for record queries: exact match on indexed fields. Streams in id order. */
export interface RecordQuery {
  readonly where?: Readonly<Record<string, string>>;
  readonly limit?: number;
  /** Only ids greater than this (for paging). */
  readonly afterId?: string;
}

/** Options for a transfer batch. */
export interface CreateTransfersOptions {
  /**
   * When true, items are applied one after another and a failing item is skipped and reported
   * while the others apply (used by quarantine imports). Default false: the batch is atomic and
   * one failing item fails it whole (the others report `batch_failed`).
   */
  readonly partial?: boolean;
}

/** Everything a store can do, inside or outside a transaction. */
export interface StoreTx {
  /** Creates accounts; one result per item. Existing identical accounts are `exists`. */
  createAccounts(accounts: readonly AccountInput[]): Promise<CreateAccountResult[]>;
  /** Closes an account: it rejects new transfers afterwards. Throws `ACCOUNT_NOT_FOUND`. */
  closeAccount(id: string): Promise<void>;
  getAccount(id: string): Promise<Account | undefined>;
  /** The ledger's checked batch: all items apply or none do (see `planTransfers`). */
  createTransfers(batch: readonly TransferInput[], options?: CreateTransfersOptions): Promise<TransferBatchResult>;
  getTransfer(id: string): Promise<Transfer | undefined>;
  /** The `post` or `void` transfer that resolved pending transfer `pendingId`, if any. */
  getResolution(pendingId: string): Promise<Transfer | undefined>;
  /** Per-account balances, current or as of a date. */
  accountBalances(query?: BalanceQuery): Promise<AccountBalance[]>;
  /** Transfers, streamed in sequence order. */
  transfers(query?: TransferQuery): AsyncIterable<Transfer>;
  /** Adds a period lock. */
  lockPeriod(lock: PeriodLock): Promise<void>;
  periodLocks(): Promise<PeriodLock[]>;

  putRecord<T>(write: RecordWrite<T>): Promise<StoredRecord<T>>;
  getRecord<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined>;
  queryRecords<T>(collection: string, query?: RecordQuery): AsyncIterable<StoredRecord<T>>;
  /** Deletes a record; `expectedVersion` as in {@link RecordWrite}. Returns whether it existed. */
  deleteRecord(collection: string, id: string, expectedVersion?: number): Promise<boolean>;

  /** The last audit event, if any. Inside a transaction, later appends by others wait for this one. */
  lastAuditEvent(): Promise<AuditEvent | undefined>;
  /** Stores an audit event; its `sequence` must be the last one + 1 (`AUDIT_SEQUENCE_CONFLICT` otherwise). */
  appendAuditEvent(event: AuditEvent): Promise<void>;
  /** Audit events in sequence order, from `fromSequence` (inclusive, default 1). */
  auditEvents(fromSequence?: number): AsyncIterable<AuditEvent>;
  putAuditCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  auditCheckpoints(): Promise<AuditCheckpoint[]>;
}

/** A store: the port every backend (memory, SQLite, PostgreSQL) implements. */
export interface Store extends StoreTx {
  /** Backend name, e.g. `memory`, `sqlite`, `postgres`. */
  readonly kind: string;
  /**
   * Runs `fn` in one transaction: everything it writes commits together, or nothing does if it
   * throws. Calls on the store itself made meanwhile wait (or, for PostgreSQL, run in their own
   * transactions).
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
