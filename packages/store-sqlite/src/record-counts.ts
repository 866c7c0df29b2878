/**
 * `countRecordsBy` in SQLite: the counts come from the `record_index` primary key
 * `(collection, field, value, id)`, whose rows for one field are already in value order, so the
 * `GROUP BY` walks one range of the index without sorting and without touching `records`. The
 * records that do not index the field are the collection's count (from the `records` key) less
 * the indexed ones. The result is sorted again in JavaScript by `compareRecordValueCounts`: SQLite
 * orders text by UTF-8 bytes (code points), JavaScript by UTF-16 code units.
 */
import type { RecordValueCount } from "@jincai/core";
import { compareRecordValueCounts } from "@jincai/core";
import type { SqliteConnection } from "./sqlite-connection";

interface CountRow {
  readonly value: string;
  readonly n: bigint;
}

/**
 * How many records of `collection` hold each value of the indexed `field`, sorted by value, with
 * the records that do not index it counted under `value: undefined`, last.
 *
 * @example
 * ```ts
 * countRecordsBySync(conn, "payment", "quotaId");
 * // [{ value: "Q1", count: 3 }, { value: "Q2", count: 1 }, { value: undefined, count: 2 }]
 * ```
 */
export function countRecordsBySync(conn: SqliteConnection, collection: string, field: string): RecordValueCount[] {
  const rows = conn
    .stmt("SELECT value, count(*) AS n FROM record_index WHERE collection = ? AND field = ? GROUP BY value")
    .all(collection, field) as CountRow[];
  const counts: RecordValueCount[] = rows.map((r) => ({ value: r.value, count: Number(r.n) }));
  const total = Number(conn.stmt("SELECT count(*) FROM records WHERE collection = ?").pluck().get(collection) as bigint);
  const indexed = counts.reduce((sum, c) => sum + c.count, 0);
  if (total > indexed) counts.push({ value: undefined, count: total - indexed });
  return counts.sort(compareRecordValueCounts);
}
