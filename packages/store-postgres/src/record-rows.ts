/**
 * The record store in SQL: versioned documents with optimistic checks. `data` is a `json` column
 * holding tagged JSON (see `tagged-json.ts`) so bigints survive; `index_fields` is `jsonb` with a
 * GIN index, queried with `@>` for exact matches. Ids order by code point (`COLLATE "C"`).
 */
import { JincaiError } from "@jincai/core";
import type { RecordQuery, RecordVersions, RecordWrite, StoredRecord } from "@jincai/core";
import { decodeTaggedJson, decodeTaggedValue, encodeTaggedJson } from "./tagged-json";
import { exec, sql, type Queryable } from "./sql-client";

interface RecordRow {
  collection: string;
  id: string;
  version: number;
  data: unknown;
  index_fields: Record<string, string>;
}

/** How many records one page of `queryRecords` reads. */
const RECORD_PAGE_SIZE = 1000;

function recordOf<T>(row: RecordRow): StoredRecord<T> {
  return {
    collection: row.collection,
    id: row.id,
    version: row.version,
    data: decodeTaggedValue(row.data) as T,
    index: row.index_fields,
  };
}

async function lockedVersion(db: Queryable, s: string, collection: string, id: string): Promise<number> {
  const rows = await sql<{ version: number }>(
    db,
    `SELECT version FROM ${s}.records WHERE collection = $1 AND id = $2 FOR UPDATE`,
    [collection, id],
  );
  return rows[0]?.version ?? 0;
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

/**
 * Stores a record after its optimistic check. Must run in a transaction; a racing first insert
 * surfaces as a unique violation, which the caller retries (and then sees the new version).
 */
export async function putRecord<T>(db: Queryable, s: string, write: RecordWrite<T>, now: string): Promise<StoredRecord<T>> {
  const current = await lockedVersion(db, s, write.collection, write.id);
  checkRecordVersion(write.collection, write.id, current, write.expectedVersion);
  const data = encodeTaggedJson(write.data);
  const index = { ...(write.index ?? {}) };
  const values = [write.collection, write.id, data, JSON.stringify(index), now];
  if (current === 0) {
    await exec(
      db,
      `INSERT INTO ${s}.records (collection, id, version, data, index_fields, updated_at) VALUES ($1, $2, 1, $3::json, $4::jsonb, $5)`,
      values,
    );
  } else {
    await exec(
      db,
      `UPDATE ${s}.records SET version = version + 1, data = $3::json, index_fields = $4::jsonb, updated_at = $5
       WHERE collection = $1 AND id = $2`,
      values,
    );
  }
  return { collection: write.collection, id: write.id, version: current + 1, data: decodeTaggedJson(data) as T, index };
}

/** Reads one record. */
export async function getRecord<T>(db: Queryable, s: string, collection: string, id: string): Promise<StoredRecord<T> | undefined> {
  const rows = await sql<RecordRow>(
    db,
    `SELECT collection, id, version, data, index_fields FROM ${s}.records WHERE collection = $1 AND id = $2`,
    [collection, id],
  );
  const row = rows[0];
  return row === undefined ? undefined : recordOf<T>(row);
}

/** Reads records of one collection by id in one query; one entry per id, in order. */
export async function getRecords<T>(db: Queryable, s: string, collection: string, ids: readonly string[]): Promise<(StoredRecord<T> | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await sql<RecordRow>(
    db,
    // A join to the list, one index probe per id (`id = ANY($2)` may scan the table instead).
    `SELECT r.collection, r.id, r.version, r.data, r.index_fields FROM unnest($2::text[]) AS k(id)
     JOIN ${s}.records r ON r.collection = $1 AND r.id = k.id`,
    [collection, [...new Set(ids)]],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = found.get(id);
    return row === undefined ? undefined : recordOf<T>(row);
  });
}

/** Deletes a record after its optimistic check; returns whether it existed. */
export async function deleteRecord(db: Queryable, s: string, collection: string, id: string, expectedVersion?: number): Promise<boolean> {
  const current = await lockedVersion(db, s, collection, id);
  checkRecordVersion(collection, id, current, expectedVersion);
  if (current === 0) return false;
  await exec(db, `DELETE FROM ${s}.records WHERE collection = $1 AND id = $2`, [collection, id]);
  return true;
}

/**
 * The id and version of every record of a collection, in id order, without the documents.
 *
 * @example
 * ```ts
 * await recordVersions(db, s, "payment"); // { ids: ["ZF1", "ZF2"], versions: [1, 3] }
 * ```
 */
export async function recordVersions(db: Queryable, s: string, collection: string): Promise<RecordVersions> {
  const rows = await sql<{ id: string; version: number }>(db, `SELECT id, version FROM ${s}.records WHERE collection = $1 ORDER BY id`, [collection]);
  return { ids: rows.map((r) => r.id), versions: rows.map((r) => r.version) };
}

/** Streams the matching records in id order, a page at a time, through `run`. */
export async function* streamRecords<T>(
  run: <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>,
  s: string,
  collection: string,
  query: RecordQuery = {},
): AsyncGenerator<StoredRecord<T>> {
  let remaining = query.limit === undefined ? Infinity : Math.max(0, Math.trunc(query.limit));
  let after = query.afterId;
  const where = JSON.stringify(query.where ?? {});
  while (remaining > 0) {
    const size = Math.min(RECORD_PAGE_SIZE, remaining);
    const rows = await run((db) =>
      sql<RecordRow>(
        db,
        `SELECT collection, id, version, data, index_fields FROM ${s}.records
         WHERE collection = $1 AND index_fields @> $2::jsonb AND ($3::text IS NULL OR id > $3::text COLLATE "C")
         ORDER BY id LIMIT ${size}`,
        [collection, where, after ?? null],
      ),
    );
    for (const row of rows) yield recordOf<T>(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < size) return;
    remaining -= rows.length;
    after = last.id;
  }
}
