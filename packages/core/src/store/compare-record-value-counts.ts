/** The one order of `countRecordsBy` results, shared by every store so they sort identically. */
import type { RecordValueCount } from "./store";

/**
 * Orders value counts by value in JavaScript string order (UTF-16 code units, not a database
 * collation), with the `undefined` value (records that do not index the field) last.
 *
 * @example
 * ```ts
 * counts.sort(compareRecordValueCounts); // "Q10", "Q9", "q1", "指标", then undefined
 * ```
 */
export function compareRecordValueCounts(a: RecordValueCount, b: RecordValueCount): number {
  if (a.value === b.value) return 0;
  if (a.value === undefined) return 1;
  if (b.value === undefined) return -1;
  return a.value < b.value ? -1 : 1;
}
