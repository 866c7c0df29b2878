/**
 * Writing records in batches. A call first reads the stored version and index (`records.idx`,
 * the field→value map) of all its records, up to 512 ids per SELECT; then checks each write's
 * version in order in memory (a record written twice in one call sees its first write); then
 * stores each record's last state: new records and their `record_index` rows with multi-row
 * INSERTs, an existing record with one UPDATE, its index rows deleted by primary key and
 * inserted only for the fields whose value changed. The caller's savepoint makes it atomic.
 */
import { JincaiError } from "@jincai/core";
import type { RecordWrite } from "@jincai/core";
import type { SqliteConnection } from "./sqlite-connection";
import { encodeJson } from "./json-codec";
import { insertRowsSync } from "./multi-row-insert";

/** What one write stored. */
export interface WrittenRecord {
  /** The record's new version. */
  readonly version: number;
  /** The stored data, as `encodeJson` wrote it. */
  readonly data: string;
  /** The stored index (a copy of the write's). */
  readonly index: Record<string, string>;
}

/** A record of the call: as stored before it, and its latest write. */
interface RecordState {
  readonly id: string;
  /** Version in the database before the call, 0 when absent. */
  stored: number;
  /** `idx` JSON in the database before the call. */
  storedIdx: string;
  /** Version after the writes checked so far. */
  version: number;
  last: WrittenRecord | undefined;
}

/** Ids per SELECT of the stored versions; the id list is padded to a power of two up to it. */
const READ_CHUNK = 512;
const RECORD_INSERT = "INSERT OR FAIL INTO records (collection, id, version, data, idx) VALUES ";
const INDEX_INSERT = "INSERT OR FAIL INTO record_index (collection, field, value, id) VALUES ";

/**
 * Stores records in order after each one's version check (`RECORD_VERSION_CONFLICT`, nothing
 * written when one fails); returns what each write stored.
 *
 * @example
 * ```ts
 * writeRecordsSync(conn, [{ collection: "payment", id: "ZF001", data: { amount: 100n }, index: { quotaId: "Q1" } }])[0]!.version; // 1
 * ```
 */
export function writeRecordsSync<T>(conn: SqliteConnection, writes: readonly RecordWrite<T>[]): WrittenRecord[] {
  const states = readStatesSync(conn, writes);
  const written = new Array<WrittenRecord>(writes.length);
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const state = states.get(write.collection)!.get(write.id)!;
    checkRecordVersion(write.collection, write.id, state.version, write.expectedVersion);
    state.version += 1;
    const index = { ...(write.index ?? {}) };
    state.last = written[i] = { version: state.version, data: encodeJson(write.data) ?? "null", index };
  }
  storeSync(conn, states);
  return written;
}

/**
 * Deletes the `record_index` rows of record `id` listed in its `old` index, by primary key,
 * except those `kept` with the same value.
 *
 * @example
 * ```ts
 * deleteIndexRowsSync(conn, "payment", "ZF001", { quotaId: "Q1", status: "draft" }, { quotaId: "Q1" }); // deletes status=draft only
 * ```
 */
export function deleteIndexRowsSync(
  conn: SqliteConnection,
  collection: string,
  id: string,
  old: Readonly<Record<string, string>>,
  kept: Readonly<Record<string, string>>,
): void {
  const del = conn.stmt("DELETE FROM record_index WHERE collection = ? AND field = ? AND value = ? AND id = ?");
  for (const field in old) if (!holds(kept, field, old[field]!)) del.run(collection, field, old[field], id);
}

/**
 * Throws `RECORD_VERSION_CONFLICT` when `expected` is given and is not the `actual` version.
 *
 * @example
 * ```ts
 * checkRecordVersion("payment", "ZF001", 2, 1); // throws RECORD_VERSION_CONFLICT
 * ```
 */
export function checkRecordVersion(collection: string, id: string, actual: number, expected: number | undefined): void {
  if (expected === undefined || actual === expected) return;
  throw new JincaiError("RECORD_VERSION_CONFLICT", `${collection}/${id} is at version ${actual}, not ${expected}`, {
    details: { collection, id, expectedVersion: expected, actualVersion: actual },
  });
}

const holds = (index: Readonly<Record<string, string>>, field: string, value: string): boolean =>
  Object.hasOwn(index, field) && index[field] === value;

/** The state before the call of every record the writes name, by collection and id. */
function readStatesSync(conn: SqliteConnection, writes: readonly RecordWrite<unknown>[]): Map<string, Map<string, RecordState>> {
  const states = new Map<string, Map<string, RecordState>>();
  for (const { collection, id } of writes) {
    let byId = states.get(collection);
    if (byId === undefined) states.set(collection, (byId = new Map()));
    if (!byId.has(id)) byId.set(id, { id, stored: 0, storedIdx: "{}", version: 0, last: undefined });
  }
  for (const [collection, byId] of states) {
    const ids = [...byId.keys()];
    for (let at = 0; at < ids.length; at += READ_CHUNK) {
      const chunk = ids.slice(at, at + READ_CHUNK);
      let size = 1;
      while (size < chunk.length) size *= 2;
      // Repeating the last id pads the list to one of a few cached statements.
      for (let k = chunk.length; k < size; k++) chunk.push(chunk[k - 1]!);
      const sql = `SELECT id, version, idx FROM records WHERE collection = ? AND id IN (${new Array<string>(size).fill("?").join(", ")})`;
      for (const [id, version, idx] of conn.stmt(sql).raw(true).all(collection, ...chunk) as [string, bigint, string][]) {
        const state = byId.get(id)!;
        state.stored = state.version = Number(version);
        state.storedIdx = idx;
      }
    }
  }
  return states;
}

/** Stores the last write of every record: new ones and all new index rows in multi-row INSERTs. */
function storeSync(conn: SqliteConnection, states: Map<string, Map<string, RecordState>>): void {
  const records: unknown[] = [];
  const indexRows: unknown[] = [];
  const update = conn.stmt("UPDATE records SET version = ?, data = ?, idx = ? WHERE collection = ? AND id = ?");
  for (const [collection, byId] of states) {
    for (const { id, stored, storedIdx, last } of byId.values()) {
      const { version, data, index } = last!;
      const idx = JSON.stringify(index);
      const old = stored === 0 ? {} : (JSON.parse(storedIdx) as Record<string, string>);
      if (stored === 0) records.push(collection, id, version, data, idx);
      else {
        update.run(version, data, idx, collection, id);
        deleteIndexRowsSync(conn, collection, id, old, index);
      }
      for (const field in index) if (!holds(old, field, index[field]!)) indexRows.push(collection, field, index[field], id);
    }
  }
  insertRowsSync(conn, RECORD_INSERT, 5, records);
  insertRowsSync(conn, INDEX_INSERT, 4, indexRows);
}
