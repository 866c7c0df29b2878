/**
 * Fiscal years. China's 预算年度 is the calendar year (《预算法》: 1 January to 31 December), so
 * the default start month is 1; other start months serve systems that report on another year.
 */
import { addMonths } from "date-fns/addMonths";
import { subDays } from "date-fns/subDays";
import { JincaiError } from "../errors/jincai-error";
import { _fromDate, _toDate, assertIsoDate } from "./iso-date";
import type { DateRange } from "./period-range";

/**
 * How fiscal years are laid out.
 *
 * @example
 * ```ts
 * const options: FiscalYearOptions = { startMonth: 4 }; // April to March
 * fiscalYearOf("2026-03-31", options); // 2025
 * fiscalYearRange(2026, options); // { from: "2026-04-01", to: "2027-03-31" }
 * ```
 */
export interface FiscalYearOptions {
  /** First month of the fiscal year, 1–12. Default 1 (China: the calendar year). */
  readonly startMonth?: number;
  /**
   * Which calendar year names a fiscal year that straddles two: `"start"` (default; April 2026 to
   * March 2027 is 2026) or `"end"` (October 2025 to September 2026 is 2026).
   */
  readonly naming?: "start" | "end";
}

function startMonthOf(options: FiscalYearOptions): number {
  const startMonth = options.startMonth ?? 1;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new JincaiError(
      "CALENDAR_INVALID_START_MONTH",
      `fiscal year start month must be 1-12: ${startMonth}`,
      { details: { startMonth } },
    );
  }
  return startMonth;
}

/**
 * The fiscal year a date belongs to.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`, `CALENDAR_INVALID_START_MONTH`.
 * @example
 * ```ts
 * fiscalYearOf("2026-12-31"); // 2026 (China: the calendar year)
 * fiscalYearOf("2026-03-31", { startMonth: 4 }); // 2025 (April 2025 to March 2026)
 * fiscalYearOf("2025-10-01", { startMonth: 10, naming: "end" }); // 2026
 * ```
 */
export function fiscalYearOf(date: string, options: FiscalYearOptions = {}): number {
  assertIsoDate(date);
  const startMonth = startMonthOf(options);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return startMonth !== 1 && options.naming === "end" ? startYear + 1 : startYear;
}

/**
 * The first and last day of a fiscal year.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_START_MONTH`.
 * @example
 * ```ts
 * fiscalYearRange(2026); // { from: "2026-01-01", to: "2026-12-31" }
 * fiscalYearRange(2026, { startMonth: 4 }); // { from: "2026-04-01", to: "2027-03-31" }
 * ```
 */
export function fiscalYearRange(
  year: number,
  options: FiscalYearOptions = {},
): DateRange {
  const startMonth = startMonthOf(options);
  const startYear = startMonth !== 1 && options.naming === "end" ? year - 1 : year;
  const from = `${String(startYear).padStart(4, "0")}-${String(startMonth).padStart(2, "0")}-01`;
  return { from, to: _fromDate(subDays(addMonths(_toDate(from), 12), 1)) };
}
