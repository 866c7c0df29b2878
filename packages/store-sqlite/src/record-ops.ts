/**
 * The record store in SQLite: documents in `records` (data as bigint-safe JSON, see
 * `encodeJson`), one `record_index` row per indexed field for exact-match queries, and the
 * optimistic version check (`RECORD_VERSION_CONFLICT`).
 */
import { JincaiError } from "@jincai/core";
import type { RecordQuery, RecordWrite, StoredRecord } from "@jincai/core";
import type { SqliteConnection } from "./sqlite-connection";
import { decodeJson, encodeJson } from "./json-codec";

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
  const { version, data, index } = writeRecord(conn, write);
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
  const versions = new Array<number>(writes.length);
  for (let i = 0; i < writes.length; i++) versions[i] = writeRecord(conn, writes[i]!).version;
  return versions;
}

function writeRecord<T>(conn: SqliteConnection, write: RecordWrite<T>): { version: number; data: string; index: Record<string, string> } {
  const current = currentVersion(conn, write.collection, write.id);
  checkVersion(write.collection, write.id, current, write.expectedVersion);
  const index = { ...(write.index ?? {}) };
  const data = encodeJson(write.data) ?? "null";
  const version = current + 1;
  conn
    .stmt(
      "INSERT INTO records (collection, id, version, data, idx) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (collection, id) DO UPDATE SET version = excluded.version, data = excluded.data, idx = excluded.idx",
    )
    .run(write.collection, write.id, version, data, JSON.stringify(index));
  // A new record has no index rows yet (deleteRecordSync removes them with the record).
  if (current !== 0) conn.stmt("DELETE FROM record_index WHERE collection = ? AND id = ?").run(write.collection, write.id);
  const insert = conn.stmt("INSERT INTO record_index (collection, field, value, id) VALUES (?, ?, ?, ?)");
  for (const field in index) insert.run(write.collection, field, index[field], write.id);
  return { version, data, index };
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
 * Deletes a record after its version check; returns whether it existed.
 *
 * @example
 * ```ts
 * deleteRecordSync(conn, "payments", "p1", 1); // true
 * ```
 */
export function deleteRecordSync(conn: SqliteConnection, collection: string, id: string, expectedVersion?: number): boolean {
  const current = currentVersion(conn, collection, id);
  checkVersion(collection, id, current, expectedVersion);
  if (current === 0) return false;
  conn.stmt("DELETE FROM record_index WHERE collection = ? AND id = ?").run(collection, id);
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

function currentVersion(conn: SqliteConnection, collection: string, id: string): number {
  const v = conn.stmt("SELECT version FROM records WHERE collection = ? AND id = ?").pluck().get(collection, id) as bigint | undefined;
  return v === undefined ? 0 : Number(v);
}

function checkVersion(collection: string, id: string, actual: number, expected: number | undefined): void {
  if (expected === undefined || actual === expected) return;
  throw new JincaiError("RECORD_VERSION_CONFLICT", `${collection}/${id} is at version ${actual}, not ${expected}`, {
    details: { collection, id, expectedVersion: expected, actualVersion: actual },
  });
}
