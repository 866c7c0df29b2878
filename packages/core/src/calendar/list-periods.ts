import { JincaiError } from "../errors/jincai-error";
import { _fromDate, _toDate } from "./iso-date";
import { _makePeriod } from "./period";
import type { Period, PeriodKind } from "./period";
import { addDays } from "date-fns/addDays";

/**
 * Every period of `kind` in a calendar year, in order: 1 year, 2 halves, 4 quarters, 12 months, 36 旬, or
 * 365/366 days.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_YEAR` when `year` is not an integer from 1 to 9999.
 * @example
 * ```ts
 * listPeriods(2026, "quarter").map((p) => p.key); // ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
 * listPeriods(2026, "xun")[5]; // { key: "2026-02-X3", from: "2026-02-21", to: "2026-02-28", ... }
 * ```
 */
export function listPeriods(year: number, kind: PeriodKind): Period[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new JincaiError("CALENDAR_INVALID_YEAR", `not a year: ${year}`, { details: { year } });
  }
  const out: Period[] = [];
  if (kind === "year") out.push(_makePeriod("year", year, 1));
  for (let h = 1; kind === "half" && h <= 2; h++) out.push(_makePeriod("half", year, h));
  for (let q = 1; kind === "quarter" && q <= 4; q++) out.push(_makePeriod("quarter", year, q));
  for (let m = 1; kind === "month" && m <= 12; m++) out.push(_makePeriod("month", year, m));
  for (let m = 1; kind === "xun" && m <= 12; m++) {
    for (let x = 1; x <= 3; x++) out.push(_makePeriod("xun", year, x, m));
  }
  if (kind === "day") {
    const y = String(year).padStart(4, "0");
    for (let d = `${y}-01-01`; d <= `${y}-12-31`; d = _fromDate(addDays(_toDate(d), 1))) {
      out.push(_makePeriod("day", year, Number(d.slice(8, 10)), Number(d.slice(5, 7))));
    }
  }
  return out;
}
