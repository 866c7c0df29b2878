/**
 * The record store in SQLite: documents in `records` (data as bigint-safe JSON, see
 * `encodeJson`), one `record_index` row per indexed field for exact-match queries, and the
 * optimistic version check (`RECORD_VERSION_CONFLICT`).
 */
import type { RecordQuery, RecordVersions, RecordWrite, StoredRecord } from "@jincai/core";
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
 * A query with `where` is driven by the `record_index` primary key of its first field
 * (collection, field, value, id): the matching ids come in id order from one range seek, each
 * other field is one key probe, and each record one lookup. Filtering `records` with `id IN
 * (subquery)` instead walked the collection from `afterId` and probed the index per record,
 * page after page: the 30,000 refunded payments among 70,000 documents took 0.75 s that way,
 * more than reading all 70,000 (0.33 s), and take 0.17 s now.
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
  const rows = fields.length === 0 ? collectionPage(conn, collection, afterId, limit) : indexedPage(conn, collection, query.where!, fields, afterId, limit);
  return rows.map((row) => recordOf<T>(row));
}

/**
 * The id and version of every record of a collection, in id order, without the documents.
 *
 * @example
 * ```ts
 * recordVersionsSync(conn, "payment"); // { ids: ["ZF1", "ZF2"], versions: [1, 3] }
 * ```
 */
export function recordVersionsSync(conn: SqliteConnection, collection: string): RecordVersions {
  const rows = conn.stmt("SELECT id, version FROM records WHERE collection = ? ORDER BY id").raw(true).safeIntegers(false).all(collection) as [string, number][];
  return { ids: rows.map((r) => r[0]), versions: rows.map((r) => r[1]) };
}

function collectionPage(conn: SqliteConnection, collection: string, afterId: string | undefined, limit: number): RecordRow[] {
  if (afterId === undefined) return conn.stmt("SELECT * FROM records WHERE collection = ? ORDER BY id LIMIT ?").all(collection, limit) as RecordRow[];
  return conn.stmt("SELECT * FROM records WHERE collection = ? AND id > ? ORDER BY id LIMIT ?").all(collection, afterId, limit) as RecordRow[];
}

function indexedPage(
  conn: SqliteConnection,
  collection: string,
  where: Readonly<Record<string, string>>,
  fields: readonly string[],
  afterId: string | undefined,
  limit: number,
): RecordRow[] {
  const [first, ...others] = fields;
  const params: unknown[] = [collection, first, where[first!]];
  let sql = "SELECT r.* FROM record_index i JOIN records r ON r.collection = i.collection AND r.id = i.id WHERE i.collection = ? AND i.field = ? AND i.value = ?";
  if (afterId !== undefined) {
    sql += " AND i.id > ?";
    params.push(afterId);
  }
  for (const field of others) {
    sql += " AND EXISTS (SELECT 1 FROM record_index j WHERE j.collection = i.collection AND j.field = ? AND j.value = ? AND j.id = i.id)";
    params.push(field, where[field]);
  }
  sql += " ORDER BY i.id LIMIT ?";
  params.push(limit);
  return conn.stmt(sql).all(...params) as RecordRow[];
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
