/** The memory store's {@link StoreTx}: direct, unlocked operations on the state. */
import type { RecordQuery, StoredRecord, StoreTx } from "../store";
import { sealLinePages } from "../../audit/transfer-seal-line";
import { transferFlows } from "./memory-flows";
import * as ledger from "./memory-ledger";
import type { MemoryState } from "./memory-state";
import * as records from "./memory-records";

/**
 * Operations on `state` without locking: used inside a transaction, and wrapped by the store.
 * Streams read the live state, so they must be consumed while the caller holds the mutex.
 */
export function createMemoryTx(state: MemoryState): StoreTx {
  const snapshot = ledger.snapshotOf(state);
  const tx: StoreTx = {
    createAccounts: async (inputs) => ledger.createAccounts(state, inputs),
    closeAccount: async (id) => ledger.closeAccount(state, id),
    getAccount: async (id) => state.accounts.get(id),
    createTransfers: async (batch, options) => ledger.createTransfers(state, snapshot, batch, options),
    getTransfer: async (id) => state.transfersById.get(id),
    getTransfers: async (ids) => ids.map((id) => state.transfersById.get(id)),
    getResolution: async (pendingId) => state.resolutions.get(pendingId),
    accountBalances: async (query) => ledger.accountBalances(state, query),
    accountsCreatedAfter: async (afterNumber) => ledger.accountsCreatedAfter(state, afterNumber),
    transfers: async function* (query = {}) {
      const keep = ledger.transferFilter(state, query);
      const end = state.transfers.length;
      for (let i = Math.max(0, query.afterSequence ?? 0); i < end; i++) {
        const t = state.transfers[i];
        if (t !== undefined && keep(t)) yield t;
      }
    },
    transferSealLines: (afterSequence) => sealLinePages(tx.transfers({ afterSequence })),
    transferFlows: async (query) => transferFlows(state, query),
    lockPeriod: async (lock) => ledger.lockPeriod(state, lock),
    periodLocks: async () => state.locks.slice(),
    putRecord: async (write) => records.putRecord(state, write),
    putRecords: async (writes) => records.putRecords(state, writes),
    getRecord: async (collection, id) => records.getRecord(state, collection, id),
    getRecords: async <T>(collection: string, ids: readonly string[]) => ids.map((id) => records.getRecord<T>(state, collection, id)),
    queryRecords: async function* <T>(collection: string, query: RecordQuery = {}) {
      for (const r of records.queryRecords(state, collection, query)) yield records.cloneRecord(r) as StoredRecord<T>;
    },
    countRecordsBy: async (collection, field) => records.countRecordsBy(state, collection, field),
    recordVersions: async (collection) => records.recordVersions(state, collection),
    deleteRecord: async (collection, id, expectedVersion) => records.deleteRecord(state, collection, id, expectedVersion),
    lastAuditEvent: async () => state.auditEvents[state.auditEvents.length - 1],
    appendAuditEvent: async (event) => records.appendAuditEvent(state, event),
    auditEvents: async function* (fromSequence = 1) {
      const end = state.auditEvents.length;
      for (let i = Math.max(0, fromSequence - 1); i < end; i++) yield state.auditEvents[i]!;
    },
    putAuditCheckpoint: async (checkpoint) => records.putAuditCheckpoint(state, checkpoint),
    auditCheckpoints: async () => state.checkpoints.slice(),
    savepoint: (fn) => savepoint(state, tx, fn),
  };
  return tx;
}

/**
 * Runs `fn` with an undo mark: a throw reverses the steps logged since the mark, in reverse
 * order, and keeps the earlier ones. With no transaction running it starts the undo log, which
 * makes it the store's transaction.
 */
async function savepoint<T>(state: MemoryState, tx: StoreTx, fn: (tx: StoreTx) => Promise<T>): Promise<T> {
  const outermost = state.undo === undefined;
  const undo = (state.undo ??= []);
  const mark = undo.length;
  try {
    return await fn(tx);
  } catch (error) {
    while (undo.length > mark) undo.pop()!();
    throw error;
  } finally {
    if (outermost) state.undo = undefined;
  }
}
