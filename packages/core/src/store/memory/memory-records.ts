/**
 * The record and audit half of the memory store: versioned documents with an exact-match index,
 * and the gapless audit event list with its checkpoints. Data is cloned on the way in and out,
 * so callers never share mutable state with the store (as with a real database).
 */
import { JincaiError } from "../../errors/jincai-error";
import type { AuditCheckpoint, AuditEvent } from "../../audit/audit-event";
import { compareRecordValueCounts } from "../compare-record-value-counts";
import type { RecordQuery, RecordValueCount, RecordVersions, RecordWrite, StoredRecord } from "../store";
import { onUndo, type MemoryState } from "./memory-state";

/** Stores a record after its optimistic version check. */
export function putRecord<T>(state: MemoryState, write: RecordWrite<T>): StoredRecord<T> {
  let collection = state.records.get(write.collection);
  if (collection === undefined) {
    collection = new Map();
    state.records.set(write.collection, collection);
  }
  const current = collection.get(write.id);
  checkVersion(write.collection, write.id, current, write.expectedVersion);
  const stored: StoredRecord = Object.freeze({
    collection: write.collection,
    id: write.id,
    version: (current?.version ?? 0) + 1,
    data: structuredClone(write.data),
    index: Object.freeze({ ...(write.index ?? {}) }),
  });
  const target = collection;
  target.set(write.id, stored);
  onUndo(state, () => {
    if (current === undefined) target.delete(write.id);
    else target.set(write.id, current);
  });
  return cloneRecord(stored) as StoredRecord<T>;
}

/** Stores records in order, all or none (a failed version check undoes the earlier writes of the call). */
export function putRecords<T>(state: MemoryState, writes: readonly RecordWrite<T>[]): number[] {
  const before: { readonly collection: string; readonly id: string; readonly previous: StoredRecord | undefined }[] = [];
  try {
    return writes.map((write) => {
      before.push({ collection: write.collection, id: write.id, previous: state.records.get(write.collection)?.get(write.id) });
      return putRecord(state, write).version;
    });
  } catch (error) {
    for (let i = before.length - 1; i >= 0; i--) {
      const { collection, id, previous } = before[i]!;
      const target = state.records.get(collection);
      if (previous === undefined) target?.delete(id);
      else target?.set(id, previous);
    }
    throw error;
  }
}

/** A record by collection and id. */
export function getRecord<T>(state: MemoryState, collection: string, id: string): StoredRecord<T> | undefined {
  const r = state.records.get(collection)?.get(id);
  return r === undefined ? undefined : (cloneRecord(r) as StoredRecord<T>);
}

/** The matching records in id order (stored values; clone each before handing it out). */
export function queryRecords(state: MemoryState, collection: string, query: RecordQuery = {}): StoredRecord[] {
  const all = state.records.get(collection);
  if (all === undefined) return [];
  const { where, afterId, limit } = query;
  const out: StoredRecord[] = [];
  for (const r of all.values()) {
    if (afterId !== undefined && r.id <= afterId) continue;
    if (where !== undefined && !Object.keys(where).every((k) => r.index[k] === where[k])) continue;
    out.push(r);
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return limit === undefined ? out : out.slice(0, Math.max(0, limit));
}

/** How many records of a collection hold each value of `field` (undefined: no such field), sorted. */
/**
 * The id and version of every record of a collection, in id order.
 *
 * @example
 * ```ts
 * recordVersions(state, "payment"); // { ids: ["ZF1", "ZF2"], versions: [1, 3] }
 * ```
 */
export function recordVersions(state: MemoryState, collection: string): RecordVersions {
  const all = queryRecords(state, collection);
  return { ids: all.map((r) => r.id), versions: all.map((r) => r.version) };
}

export function countRecordsBy(state: MemoryState, collection: string, field: string): RecordValueCount[] {
  const counts = new Map<string | undefined, number>();
  for (const r of state.records.get(collection)?.values() ?? []) {
    const value = Object.hasOwn(r.index, field) ? r.index[field] : undefined;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort(compareRecordValueCounts);
}

/** Deletes a record after its optimistic version check. */
export function deleteRecord(state: MemoryState, collection: string, id: string, expectedVersion?: number): boolean {
  const records = state.records.get(collection);
  const current = records?.get(id);
  checkVersion(collection, id, current, expectedVersion);
  if (records === undefined || current === undefined) return false;
  records.delete(id);
  onUndo(state, () => records.set(id, current));
  return true;
}

/** A copy of a stored record whose data the caller may mutate freely. */
export function cloneRecord(r: StoredRecord): StoredRecord {
  return { ...r, data: structuredClone(r.data) };
}

function checkVersion(collection: string, id: string, current: StoredRecord | undefined, expected: number | undefined): void {
  if (expected === undefined) return;
  const actual = current?.version ?? 0;
  if (actual !== expected) {
    throw new JincaiError("RECORD_VERSION_CONFLICT", `${collection}/${id} is at version ${actual}, not ${expected}`, {
      details: { collection, id, expectedVersion: expected, actualVersion: actual },
    });
  }
}

/** Appends an audit event whose sequence must be the last one + 1. */
export function appendAuditEvent(state: MemoryState, event: AuditEvent): void {
  const expected = state.auditEvents.length + 1;
  if (event.sequence !== expected) {
    throw new JincaiError("AUDIT_SEQUENCE_CONFLICT", `audit event ${event.sequence} is not the next one (${expected})`, {
      details: { sequence: event.sequence, expected },
    });
  }
  state.auditEvents.push(Object.freeze({ ...event }));
  onUndo(state, () => {
    state.auditEvents.pop();
  });
}

/** Stores a checkpoint, keeping the list in sequence order. */
export function putAuditCheckpoint(state: MemoryState, checkpoint: AuditCheckpoint): void {
  const list = state.checkpoints;
  const before = list.slice();
  list.push(Object.freeze({ ...checkpoint }));
  list.sort((a, b) => a.sequence - b.sequence);
  onUndo(state, () => {
    list.length = 0;
    list.push(...before);
  });
}
