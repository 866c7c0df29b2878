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

/**
 * Filter for balance queries.
 *
 * @example
 * ```ts
 * const query: BalanceQuery = { book: "quota", where: { agency: "101001", fiscalYear: "2026" }, asOf: "2026-06-30" };
 * const rows = await store.accountBalances(query);
 * ```
 */
export interface BalanceQuery {
  /** Only accounts of this book, e.g. `"quota"`. */
  readonly book?: Book;
  /** Exact match on each given dimension. */
  readonly where?: Dimensions;
  /** Only these accounts, by id. */
  readonly accountIds?: readonly string[];
  /** Balances as of the end of this date (inclusive). Omitted: current balances. */
  readonly asOf?: string;
}

/**
 * One account with its balance.
 *
 * @example
 * ```ts
 * const rows: AccountBalance[] = await store.accountBalances({ book: "quota", asOf: "2026-06-30" });
 * rows.map(({ account, balance }) => [account.id, available(balance)]); // [["quota:Q-2026-001", 28500000n], …]
 * ```
 */
export interface AccountBalance {
  /** The account, as stored. */
  readonly account: Account;
  /** Its posted and pending debits and credits, in fen. */
  readonly balance: Balance;
}

/**
 * Filter for transfer queries. Results stream in `sequence` order.
 *
 * @example
 * ```ts
 * const query: TransferQuery = { accountId: "quota:Q-2026-001", from: "2026-03-01", to: "2026-03-31" };
 * for await (const t of store.transfers(query)) console.log(t.sequence, t.id, t.amount);
 * ```
 */
export interface TransferQuery {
  /** Transfers whose debit or credit account is this one. */
  readonly accountId?: string;
  /** Only transfers between accounts of this book. */
  readonly book?: Book;
  /** Transfers whose debit or credit account matches every given dimension. */
  readonly where?: Dimensions;
  /** First date, inclusive. */
  readonly from?: string;
  /** Last date, inclusive. */
  readonly to?: string;
  /** Only transfers in one of these phases; omitted means every phase. */
  readonly phases?: readonly TransferPhase[];
  /** Only transfers with a sequence greater than this (for paging). */
  readonly afterSequence?: number;
}

/**
 * Filter for {@link StoreTx.transferFlows}: which transfers are summed. Every filter is optional;
 * none means every transfer.
 *
 * @example
 * ```ts
 * const query: TransferFlowQuery = { book: "quota", from: "2026-01-01", to: "2026-06-30", phases: ["posted", "post"], byMonth: true };
 * const flows = await store.transferFlows(query);
 * ```
 */
export interface TransferFlowQuery {
  /** Only transfers whose debit or credit account is of this book (as in {@link TransferQuery}). */
  readonly book?: Book;
  /** Only transfers whose id starts with this text, e.g. `"pay:"` (case-sensitive, no wildcards). */
  readonly idPrefix?: string;
  /** First date, inclusive. */
  readonly from?: string;
  /** Last date, inclusive. */
  readonly to?: string;
  /** Only transfers in one of these phases; omitted means every phase. */
  readonly phases?: readonly TransferPhase[];
  /**
   * Also sum per calendar month of the transfers' dates: each flow then carries its `month`
   * (`YYYY-MM`), and one (debit, credit, phase) gives one flow per month it has transfers in.
   * Default false.
   */
  readonly byMonth?: boolean;
  /**
   * Also tell apart the transfers whose id starts with this text (case-sensitive, no wildcards):
   * each flow then carries `marked`, true for those, and one (debit, credit, phase) gives a flow
   * for each kind it has transfers of. Lets one scan serve rules that look at every transfer and
   * rules that look at a kind of transfer (`jincai verify`: the journal and the payments).
   */
  readonly markIdPrefix?: string;
}

/**
 * The transfers of one (debit account, credit account, phase), summed by the store.
 *
 * @example
 * ```ts
 * const flows: TransferFlow[] = await store.transferFlows({ idPrefix: "pay:", byMonth: true });
 * // [{ debitAccountId: "quota:Q-2026-001", creditAccountId: "quota-spent:Q-2026-001", phase: "posted",
 * //    count: 12, amount: 18000000n, month: "2026-03" }, …]
 * ```
 */
export interface TransferFlow {
  /** The account every transfer of the flow debits. */
  readonly debitAccountId: string;
  /** The account every transfer of the flow credits. */
  readonly creditAccountId: string;
  /** The phase of every transfer of the flow. */
  readonly phase: TransferPhase;
  /** How many transfers the flow sums (at least 1). */
  readonly count: number;
  /** Their total amount, in fen. */
  readonly amount: bigint;
  /** The month (`YYYY-MM`) every transfer of the flow is dated in; only when the query asked `byMonth`. */
  readonly month?: string;
  /** Whether the flow's transfers have ids starting with the query's `markIdPrefix`; only when it gave one. */
  readonly marked?: boolean;
}

/**
 * A page of {@link StoreTx.transferSealLines}: transfers' seal lines and their sequences, in
 * sequence order (`lines[i]` is the line of the transfer with sequence `sequences[i]`).
 *
 * @example
 * ```ts
 * for await (const page of store.transferSealLines(0) satisfies AsyncIterable<TransferSealPage>) {
 *   page.sequences[0]; // 1
 *   page.lines[0]; // "1\tfund-q1\tposted\t…\n"
 * }
 * ```
 */
export interface TransferSealPage {
  /** The transfers' sequences, ascending. */
  readonly sequences: readonly number[];
  /** Each transfer's line as core's `transferSealLine` writes it, ending in `\n`. */
  readonly lines: readonly string[];
}

/**
 * An account with the number its store gave it when it was created (see
 * {@link StoreTx.accountsCreatedAfter}).
 *
 * @example
 * ```ts
 * const [first]: NumberedAccount[] = await store.accountsCreatedAfter(0);
 * first; // { number: 1, account: { id: "quota:ZB1", book: "quota", … } }
 * ```
 */
export interface NumberedAccount {
  /** The store's number of the account: ascending in the order accounts were created and committed. */
  readonly number: number;
  /** The account, as stored. */
  readonly account: Account;
}

/**
 * A domain document kept by the record store.
 *
 * @example
 * ```ts
 * const record: StoredRecord<PaymentDocument> | undefined = await store.getRecord("payment", "ZF2026-000123");
 * // { collection: "payment", id: "ZF2026-000123", version: 3, data: { status: "paid", … }, index: { status: "paid", … } }
 * ```
 */
export interface StoredRecord<T = unknown> {
  /** The kind of document, e.g. `"paymentRequest"`; ids are unique within it. */
  readonly collection: string;
  /** The document's id within its collection. */
  readonly id: string;
  /** Starts at 1, +1 on every put. */
  readonly version: number;
  /** The document itself: JSON-like values, with amounts as `bigint` fen. */
  readonly data: T;
  /** Indexed string fields that `queryRecords` can filter on. */
  readonly index: Readonly<Record<string, string>>;
}

/**
 * What a caller supplies to put a record.
 *
 * @example
 * ```ts
 * const write: RecordWrite<{ status: string }> = {
 *   collection: "payment", id: "ZF2026-000123", data: { status: "approved" },
 *   index: { status: "approved" }, expectedVersion: 1,
 * };
 * await store.putRecord(write); // throws RECORD_VERSION_CONFLICT when someone else wrote version 2
 * ```
 */
export interface RecordWrite<T = unknown> {
  /** The kind of document, e.g. `"paymentRequest"`. */
  readonly collection: string;
  /** The document's id within its collection; an existing id is replaced. */
  readonly id: string;
  /** The document to store; it replaces the previous data whole. */
  readonly data: T;
  /** String fields to index for `queryRecords` (replaces the previous index); defaults to `{}`. */
  readonly index?: Readonly<Record<string, string>>;
  /**
   * Optimistic check: `0` means "must not exist yet", `n` means "must currently be version n".
   * Omitted: unconditional (the version still increments). A failed check throws
   * `JincaiError("RECORD_VERSION_CONFLICT")`.
   */
  readonly expectedVersion?: number;
}

/**
 * How many records of a collection index one value of a field (see {@link StoreTx.countRecordsBy}).
 *
 * @example
 * ```ts
 * const counts: RecordValueCount[] = await store.countRecordsBy("payment", "quotaId");
 * // [{ value: "Q1", count: 3 }, { value: "Q2", count: 1 }, { value: undefined, count: 2 }]
 * ```
 */
export interface RecordValueCount {
  /** The indexed value, or `undefined` for the records that do not index the field at all. */
  readonly value: string | undefined;
  /** How many records of the collection hold it (at least 1). */
  readonly count: number;
}

/**
 * The id and version of every record of a collection (see {@link StoreTx.recordVersions}), in id
 * order: `versions[i]` is the version of `ids[i]`.
 *
 * @example
 * ```ts
 * const { ids, versions }: RecordVersions = await store.recordVersions("payment");
 * ids[0]; // "ZF2026-000001"
 * versions[0]; // 3: submitted, approved, paid
 * ```
 */
export interface RecordVersions {
  /** The records' ids. */
  readonly ids: readonly string[];
  /** Each one's current version. */
  readonly versions: readonly number[];
}

/**
 * Filter for record queries: exact match on indexed fields. Streams in id order.
 *
 * @example
 * ```ts
 * const query: RecordQuery = { where: { status: "paid" }, limit: 100, afterId: "ZF2026-000100" };
 * for await (const record of store.queryRecords(PAYMENT_COLLECTION, query)) console.log(record.id);
 * ```
 */
export interface RecordQuery {
  /** Exact match on each given indexed field. */
  readonly where?: Readonly<Record<string, string>>;
  /** At most this many records; omitted means all. */
  readonly limit?: number;
  /** Only ids greater than this (for paging). */
  readonly afterId?: string;
}

/**
 * Options for a transfer batch.
 *
 * @example
 * ```ts
 * const options: CreateTransfersOptions = { partial: true }; // apply the good rows, report the others
 * const { results } = await store.createTransfers(rows, options);
 * ```
 */
export interface CreateTransfersOptions {
  /**
   * When true, items are applied one after another and a failing item is skipped and reported
   * while the others apply (used by quarantine imports). Default false: the batch is atomic and
   * one failing item fails it whole (the others report `batch_failed`).
   */
  readonly partial?: boolean;
}

/**
 * Everything a store can do, inside or outside a transaction.
 *
 * @example
 * ```ts
 * async function loadAll(tx: StoreTx, lines: readonly QuotaLine[]): Promise<void> {
 *   for (const line of lines) await loadQuota(tx, line, context);
 * }
 * await store.transaction((tx) => loadAll(tx, lines)); // all lines or none
 * ```
 */
export interface StoreTx {
  /** Creates accounts; one result per item. Existing identical accounts are `exists`. */
  createAccounts(accounts: readonly AccountInput[]): Promise<CreateAccountResult[]>;
  /** Closes an account: it rejects new transfers afterwards. Throws `ACCOUNT_NOT_FOUND`. */
  closeAccount(id: string): Promise<void>;
  /** An account by id, or `undefined` if there is none. */
  getAccount(id: string): Promise<Account | undefined>;
  /** The ledger's checked batch: all items apply or none do (see `planTransfers`). */
  createTransfers(batch: readonly TransferInput[], options?: CreateTransfersOptions): Promise<TransferBatchResult>;
  /** A transfer by id, or `undefined` if there is none. */
  getTransfer(id: string): Promise<Transfer | undefined>;
  /**
   * Transfers by id in one call: one entry per id, in the order given (`undefined` for an unknown
   * id; an id given twice appears twice). For batches that would otherwise read one at a time.
   */
  getTransfers(ids: readonly string[]): Promise<(Transfer | undefined)[]>;
  /** The `post` or `void` transfer that resolved pending transfer `pendingId`, if any. */
  getResolution(pendingId: string): Promise<Transfer | undefined>;
  /** Per-account balances, current or as of a date. */
  accountBalances(query?: BalanceQuery): Promise<AccountBalance[]>;
  /**
   * The accounts numbered after `afterNumber`, in number order. A store numbers accounts as it
   * creates them, and an account committed after another never has a lower number (SQLite and
   * memory write one at a time; PostgreSQL numbers them under the `ledger_head` row lock), so the
   * highest number a seal saw marks what it covered: the next seal reads only the accounts created
   * since. Numbers may skip (a rolled-back creation). `0` gives every account.
   */
  accountsCreatedAfter(afterNumber: number): Promise<NumberedAccount[]>;
  /** Transfers, streamed in sequence order. */
  transfers(query?: TransferQuery): AsyncIterable<Transfer>;
  /**
   * The matching transfers summed per (debit account, credit account, phase), and per month with
   * `byMonth`, computed by the store in one pass without returning each transfer. Sorted by debit
   * id, credit id, phase, then month (JavaScript string order). Use it to check which account pairs a kind of transfer moves
   * between, then stream only the pairs that need a closer look.
   */
  transferFlows(query?: TransferFlowQuery): Promise<TransferFlow[]>;
  /**
   * The seal line of every transfer with a sequence greater than `afterSequence`, in sequence
   * order and in pages, each line exactly as core's `transferSealLine` writes it for the transfer
   * `transfers()` would give. A store writes them from its rows without making a `Transfer` per
   * row (the seals of `jincai audit` read every transfer this way); `sealLinePages` over
   * `transfers()` is the plain way.
   */
  transferSealLines(afterSequence: number): AsyncIterable<TransferSealPage>;
  /** Adds a period lock. */
  lockPeriod(lock: PeriodLock): Promise<void>;
  /** Every period lock, in the order they were added. */
  periodLocks(): Promise<PeriodLock[]>;

  /** Stores a record, bumping its version; throws `RECORD_VERSION_CONFLICT` if `expectedVersion` fails. */
  putRecord<T>(write: RecordWrite<T>): Promise<StoredRecord<T>>;
  /**
   * Stores many records at once, in order, all or none: the first failing version check throws
   * `RECORD_VERSION_CONFLICT` and nothing of the call is written. Returns the new version of
   * each write (a record written twice in one call gets both versions, the second check seeing
   * the first write). Cheaper than one `putRecord` per document for imports.
   */
  putRecords<T>(writes: readonly RecordWrite<T>[]): Promise<number[]>;
  /** A record by collection and id, or `undefined` if there is none. */
  getRecord<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined>;
  /**
   * Records of one collection by id in one call: one entry per id, in the order given
   * (`undefined` where there is none).
   */
  getRecords<T>(collection: string, ids: readonly string[]): Promise<(StoredRecord<T> | undefined)[]>;
  /** The records of a collection that match `query`, streamed in id order. */
  queryRecords<T>(collection: string, query?: RecordQuery): AsyncIterable<StoredRecord<T>>;
  /**
   * How many records of a collection hold each value of one indexed field, sorted by value;
   * records that do not index the field are counted under `value: undefined` (listed last, only
   * when there are any). Reads the index only, not the documents. Values sort in JavaScript
   * string order (code units, see `compareRecordValueCounts`), the same in every store. An
   * unknown or empty collection gives `[]`; a field no record indexes gives only the `undefined`
   * count (every record of the collection), so a caller still finds documents written without it.
   */
  countRecordsBy(collection: string, field: string): Promise<RecordValueCount[]>;
  /**
   * The id and version of every record of a collection, without reading the documents: what a
   * seal needs to find the documents new, changed or deleted since the last one (it then reads
   * only those, with `getRecords`). An unknown collection gives none.
   */
  recordVersions(collection: string): Promise<RecordVersions>;
  /** Deletes a record; `expectedVersion` as in {@link RecordWrite}. Returns whether it existed. */
  deleteRecord(collection: string, id: string, expectedVersion?: number): Promise<boolean>;

  /** The last audit event, if any. Inside a transaction, later appends by others wait for this one. */
  lastAuditEvent(): Promise<AuditEvent | undefined>;
  /** Stores an audit event; its `sequence` must be the last one + 1 (`AUDIT_SEQUENCE_CONFLICT` otherwise). */
  appendAuditEvent(event: AuditEvent): Promise<void>;
  /** Audit events in sequence order, from `fromSequence` (inclusive, default 1). */
  auditEvents(fromSequence?: number): AsyncIterable<AuditEvent>;
  /** Stores a signed checkpoint of the audit chain head. */
  putAuditCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every stored audit checkpoint, in sequence order. */
  auditCheckpoints(): Promise<AuditCheckpoint[]>;

  /**
   * Runs `fn` as one unit of the current transaction (a savepoint): when it throws, everything
   * it wrote is undone and the error is rethrown, while the transaction goes on with what was
   * written before it. When it returns, its writes stay part of the transaction (they commit or
   * roll back with it). Savepoints nest. On the store itself, outside any transaction, this is
   * `transaction(fn)`. While `fn` runs, make no calls on the transaction other than its own:
   * they would be undone with it.
   *
   * @example
   * ```ts
   * await store.transaction(async (tx) => {
   *   for (const file of files) {
   *     // A file that fails is undone alone; the next file sees the files that passed.
   *     await tx.savepoint((sp) => importFile(sp, file)).catch(report);
   *   }
   * });
   * ```
   */
  savepoint<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

/**
 * A store: the port every backend (memory, SQLite, PostgreSQL) implements.
 *
 * @example
 * ```ts
 * const store: Store = createMemoryStore(); // or openSqliteStore(…), openPostgresStore(…)
 * await store.transaction(async (tx) => { await tx.createTransfers(batch); });
 * await store.close();
 * ```
 */
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
