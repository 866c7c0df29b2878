/**
 * The budget year rule: a quota line is spent within its fiscal year. 《预算法》§18 sets China's
 * 预算年度 to the calendar year (1 January to 31 December), so a payment dated 2025-12-31 cannot
 * spend a 2026 line, nor a 2026 reservation be paid on 2027-01-04: unpaid requests are cleared
 * at the year's end and what is still owed is carried over (结转) as a new line of the new year.
 * Quota loads and adjustments are not bound by it (a 提前下达 transfer is issued in the year
 * before, a 收回 may come after the year ends).
 */
import { JincaiError, fiscalYearRange } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";

/** First and last day per fiscal year, as `YYYY-MM-DD` strings (a few years per process). */
const RANGES = new Map<number, { readonly from: string; readonly to: string }>();

/**
 * Whether an ISO date lies within a fiscal year (the calendar year).
 *
 * @example
 * ```ts
 * isInFiscalYear("2026-12-31", 2026); // true
 * isInFiscalYear("2027-01-04", 2026); // false
 * ```
 */
export function isInFiscalYear(date: string, fiscalYear: number): boolean {
  let range = RANGES.get(fiscalYear);
  if (range === undefined) {
    range = fiscalYearRange(fiscalYear);
    if (RANGES.size < 100) RANGES.set(fiscalYear, range);
  }
  return date >= range.from && date <= range.to;
}

/**
 * Throws unless a movement on a quota line is dated within the line's fiscal year.
 *
 * @param subject - What is dated, for `details` (e.g. `{ quotaId, reservationId }`).
 * @param label - What the message calls it (e.g. `payment ZF001`); the reservation id otherwise.
 * @throws {JincaiError} BUDGET_OUTSIDE_FISCAL_YEAR with `details.field` = `"date"`, the date,
 *   the fiscal year and its first and last day
 * @example
 * ```ts
 * assertInFiscalYear("2025-12-31", 2026, { quotaId: "ZB001", reservationId: "pay:ZF001" }, "payment ZF001");
 * // throws BUDGET_OUTSIDE_FISCAL_YEAR: payment ZF001 is dated 2025-12-31, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota ZB001
 * ```
 */
export function assertInFiscalYear(
  date: string,
  fiscalYear: number,
  subject: { readonly quotaId: string; readonly reservationId?: string },
  label?: string,
): void {
  if (isInFiscalYear(date, fiscalYear)) return;
  const { from, to } = RANGES.get(fiscalYear) ?? fiscalYearRange(fiscalYear);
  const what = label ?? subject.reservationId ?? "the movement";
  throw new JincaiError(
    BudgetErrorCode.OUTSIDE_FISCAL_YEAR,
    `${what} is dated ${date}, outside fiscal year ${fiscalYear} (${from}..${to}) of quota ${subject.quotaId}`,
    { details: { ...subject, field: "date", date, fiscalYear, from, to } },
  );
}
