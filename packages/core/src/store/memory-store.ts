/**
 * The in-memory store: the reference implementation of the {@link Store} port. It passes the
 * conformance suite with no skips. Calls are serialised by a promise-chain mutex; a transaction
 * holds the mutex for its whole callback and keeps an undo log, so a throw reverses everything
 * it did. Nothing is persisted: the state lives as long as the object.
 */
import type { Clock } from "../time/clock";
import type { RecordQuery, Store, StoredRecord } from "./store";
import { sealLinePages } from "../audit/transfer-seal-line";
import { selectTransfers } from "./memory/memory-ledger";
import { cloneRecord, queryRecords } from "./memory/memory-records";
import { createMemoryState } from "./memory/memory-state";
import { createMemoryTx } from "./memory/memory-tx";

/**
 * Options for {@link createMemoryStore}.
 *
 * @example
 * ```ts
 * const options: MemoryStoreOptions = { clock: fixedClock("2026-03-01") };
 * const store = createMemoryStore(options);
 * ```
 */
export interface MemoryStoreOptions {
  /** Reserved for time-stamped features; the memory store reads no time today. */
  readonly clock?: Clock;
}

/**
 * Creates an empty in-memory store.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.createAccounts([{ id: "quota-101", book: "quota", code: "101", normalSide: "credit" }]);
 * await store.transaction(async (tx) => {
 *   await tx.putRecord({ collection: "payments", id: "p1", data: { amount: "100.00" } });
 * });
 * ```
 */
export function createMemoryStore(_options: MemoryStoreOptions = {}): Store {
  const state = createMemoryState();
  const tx = createMemoryTx(state);
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    kind: "memory",
    createAccounts: (inputs) => exclusive(() => tx.createAccounts(inputs)),
    closeAccount: (id) => exclusive(() => tx.closeAccount(id)),
    getAccount: (id) => exclusive(() => tx.getAccount(id)),
    createTransfers: (batch, options) => exclusive(() => tx.createTransfers(batch, options)),
    getTransfer: (id) => exclusive(() => tx.getTransfer(id)),
    getTransfers: (ids) => exclusive(() => tx.getTransfers(ids)),
    getResolution: (pendingId) => exclusive(() => tx.getResolution(pendingId)),
    accountBalances: (query) => exclusive(() => tx.accountBalances(query)),
    transfers: (query = {}) => lockedStream(exclusive, () => selectTransfers(state, query)),
    transferSealLines: (afterSequence) => sealLinePages(lockedStream(exclusive, () => selectTransfers(state, { afterSequence }))),
    transferFlows: (query) => exclusive(() => tx.transferFlows(query)),
    lockPeriod: (lock) => exclusive(() => tx.lockPeriod(lock)),
    periodLocks: () => exclusive(() => tx.periodLocks()),
    putRecord: (write) => exclusive(() => tx.putRecord(write)),
    putRecords: (writes) => exclusive(() => tx.putRecords(writes)),
    getRecord: (collection, id) => exclusive(() => tx.getRecord(collection, id)),
    getRecords: (collection, ids) => exclusive(() => tx.getRecords(collection, ids)),
    queryRecords: <T>(collection: string, query?: RecordQuery) =>
      lockedStream(exclusive, () => queryRecords(state, collection, query), (r) => cloneRecord(r) as StoredRecord<T>),
    countRecordsBy: (collection, field) => exclusive(() => tx.countRecordsBy(collection, field)),
    recordVersions: (collection) => exclusive(() => tx.recordVersions(collection)),
    accountsCreatedAfter: (afterNumber) => exclusive(() => tx.accountsCreatedAfter(afterNumber)),
    deleteRecord: (collection, id, version) => exclusive(() => tx.deleteRecord(collection, id, version)),
    lastAuditEvent: () => exclusive(() => tx.lastAuditEvent()),
    appendAuditEvent: (event) => exclusive(() => tx.appendAuditEvent(event)),
    auditEvents: (from = 1) => lockedStream(exclusive, () => state.auditEvents.slice(Math.max(0, from - 1))),
    putAuditCheckpoint: (checkpoint) => exclusive(() => tx.putAuditCheckpoint(checkpoint)),
    auditCheckpoints: () => exclusive(() => tx.auditCheckpoints()),
    savepoint: (fn) => exclusive(() => tx.savepoint(fn)),
    transaction: (fn) => exclusive(() => tx.savepoint(fn)),
    close: async () => undefined,
  };
}

/**
 * A stream whose contents are fixed when it starts: the items are taken under the mutex (object
 * references only, no copies of transfers), then yielded without holding it, so the consumer
 * may write to the store while iterating.
 */
async function* lockedStream<S, T = S>(
  exclusive: <R>(fn: () => Promise<R>) => Promise<R>,
  select: () => S[],
  map?: (item: S) => T,
): AsyncGenerator<T> {
  const items = await exclusive(async () => select());
  for (const item of items) yield map === undefined ? (item as unknown as T) : map(item);
}
