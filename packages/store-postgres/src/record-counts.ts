/**
 * `countRecordsBy` in PostgreSQL: one `GROUP BY` over the collection's rows of `records` on the
 * field taken from `index_fields` (`->>`, NULL when a record does not index it, which becomes the
 * `undefined` count). Only the `jsonb` index column is read; the `data` documents are not decoded.
 * The result is sorted in JavaScript by `compareRecordValueCounts` so it agrees with the other
 * stores whatever the database's collation.
 */
import type { RecordValueCount } from "@jincai/core";
import { compareRecordValueCounts } from "@jincai/core";
import { sql, type Queryable } from "./sql-client";

interface CountRow {
  value: string | null;
  n: bigint;
}

/**
 * How many records of `collection` hold each value of the indexed `field`, sorted by value, with
 * the records that do not index it counted under `value: undefined`, last.
 *
 * @example
 * ```ts
 * await countRecordsBy(pool, '"jincai"', "payment", "quotaId");
 * // [{ value: "Q1", count: 3 }, { value: "Q2", count: 1 }, { value: undefined, count: 2 }]
 * ```
 */
export async function countRecordsBy(db: Queryable, s: string, collection: string, field: string): Promise<RecordValueCount[]> {
  const rows = await sql<CountRow>(
    db,
    `SELECT index_fields ->> $2::text AS value, count(*)::bigint AS n FROM ${s}.records WHERE collection = $1 GROUP BY 1`,
    [collection, field],
  );
  return rows.map((r) => ({ value: r.value ?? undefined, count: Number(r.n) })).sort(compareRecordValueCounts);
}
