/**
 * The record store in SQLite: documents in `records` (data as bigint-safe JSON, see
 * `encodeJson`), one `record_index` row per indexed field for exact-match queries, and the
 * optimistic version check (`RECORD_VERSION_CONFLICT`).
 */
import type { RecordQuery, RecordWrite, StoredRecord } from "@jincai/core";
import type { SqliteConnection } from "./sqlite-connection";
import { decodeJson } from "./json-codec";
import { checkRecordVersion, deleteIndexRowsSync, writeRecordsSync } from "./record-writes";

interface RecordRow {
  readonly collection: string;
  readonly id: string;
  readonly version: bigint;
  readonly data: string;
  readonly idx: string;
}

/**
 * Stores a record after its version check; returns it as stored.
 *
 * @example
 * ```ts
 * putRecordSync(conn, { collection: "payments", id: "p1", data: { amount: 100n }, index: { agency: "101001" } }).version; // 1
 * ```
 */
export function putRecordSync<T>(conn: SqliteConnection, write: RecordWrite<T>): StoredRecord<T> {
  const { version, data, index } = writeRecordsSync(conn, [write])[0]!;
  return { collection: write.collection, id: write.id, version, data: decodeJson<T>(data), index };
}

/**
 * Stores records in order after each one's version check; returns their new versions. The
 * caller runs it in one savepoint, so a failed check leaves nothing of the call.
 *
 * @example
 * ```ts
 * putRecordsSync(conn, [{ collection: "payment", id: "ZF001", data: { status: "submitted" } }]); // [1]
 * ```
 */
export function putRecordsSync<T>(conn: SqliteConnection, writes: readonly RecordWrite<T>[]): number[] {
  return writeRecordsSync(conn, writes).map((w) => w.version);
}

/**
 * A record by collection and id.
 *
 * @example
 * ```ts
 * getRecordSync(conn, "payments", "p1")?.data; // { amount: 100n }
 * ```
 */
export function getRecordSync<T>(conn: SqliteConnection, collection: string, id: string): StoredRecord<T> | undefined {
  const row = conn.stmt("SELECT * FROM records WHERE collection = ? AND id = ?").get(collection, id) as RecordRow | undefined;
  return row === undefined ? undefined : recordOf<T>(row);
}

/**
 * Reads records of one collection by id in one query; one entry per id, in order.
 *
 * @example
 * ```ts
 * getRecordsSync(conn, "payments", ["p1", "p9"]).map((r) => r?.version); // [1, undefined]
 * ```
 */
export function getRecordsSync<T>(conn: SqliteConnection, collection: string, ids: readonly string[]): (StoredRecord<T> | undefined)[] {
  if (ids.length === 0) return [];
  const sql = "SELECT * FROM records WHERE collection = ? AND id IN (SELECT value FROM json_each(?))";
  const found = new Map((conn.stmt(sql).all(collection, JSON.stringify(ids)) as RecordRow[]).map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = found.get(id);
    return row === undefined ? undefined : recordOf<T>(row);
  });
}

/**
 * Deletes a record after its version check; returns whether it existed.
 *
 * @example
 * ```ts
 * deleteRecordSync(conn, "payments", "p1", 1); // true
 * ```
 */
export function deleteRecordSync(conn: SqliteConnection, collection: string, id: string, expectedVersion?: number): boolean {
  const current = conn.stmt("SELECT version, idx FROM records WHERE collection = ? AND id = ?").get(collection, id) as
    | { version: bigint; idx: string }
    | undefined;
  checkRecordVersion(collection, id, current === undefined ? 0 : Number(current.version), expectedVersion);
  if (current === undefined) return false;
  deleteIndexRowsSync(conn, collection, id, JSON.parse(current.idx) as Record<string, string>, {});
  conn.stmt("DELETE FROM records WHERE collection = ? AND id = ?").run(collection, id);
  return true;
}

/**
 * One page of matching records with ids after `afterId`, in id order.
 *
 * @example
 * ```ts
 * recordPageSync(conn, "payments", { where: { agency: "101001" } }, undefined, 500);
 * ```
 */
export function recordPageSync<T>(
  conn: SqliteConnection,
  collection: string,
  query: RecordQuery,
  afterId: string | undefined,
  limit: number,
): StoredRecord<T>[] {
  const fields = Object.keys(query.where ?? {}).sort();
  const params: unknown[] = [collection];
  let sql = "SELECT r.* FROM records r WHERE r.collection = ?";
  if (afterId !== undefined) {
    sql += " AND r.id > ?";
    params.push(afterId);
  }
  for (const field of fields) {
    sql += " AND r.id IN (SELECT i.id FROM record_index i WHERE i.collection = r.collection AND i.field = ? AND i.value = ?)";
    params.push(field, query.where![field]);
  }
  sql += " ORDER BY r.id LIMIT ?";
  params.push(limit);
  return (conn.stmt(sql).all(...params) as RecordRow[]).map((row) => recordOf<T>(row));
}

function recordOf<T>(row: RecordRow): StoredRecord<T> {
  return {
    collection: row.collection,
    id: row.id,
    version: Number(row.version),
    data: decodeJson<T>(row.data),
    index: JSON.parse(row.idx) as Record<string, string>,
  };
}
