import { assertIsoDate } from "./iso-date";
import { _makePeriod } from "./period";
import type { PeriodKind } from "./period";

/**
 * The key of the period of `kind` that contains `date`.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`.
 * @example
 * ```ts
 * periodOf("2026-02-21", "xun");     // "2026-02-X3" (下旬)
 * periodOf("2026-05-31", "quarter"); // "2026-Q2"
 * periodOf("2026-05-31", "month");   // "2026-05"
 * ```
 */
export function periodOf(date: string, kind: PeriodKind): string {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  switch (kind) {
    case "year":
      return _makePeriod("year", year, 1).key;
    case "half":
      return _makePeriod("half", year, month <= 6 ? 1 : 2).key;
    case "quarter":
      return _makePeriod("quarter", year, Math.ceil(month / 3)).key;
    case "month":
      return _makePeriod("month", year, month).key;
    case "xun":
      return _makePeriod("xun", year, day <= 10 ? 1 : day <= 20 ? 2 : 3, month).key;
    case "day":
      return date;
  }
}
