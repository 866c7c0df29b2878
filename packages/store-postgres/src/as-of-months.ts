/** The month bounds of a balance as of a date, for the `account_months` fast path. */
import { isIsoDate } from "@jincai/core";

/** How a balance as of a real calendar date is summed. */
export interface AsOfMonths {
  /** Whole months are those before this `YYYY-MM` (read from `account_months`). */
  readonly upTo: string;
  /** The first day of the date's month when that month is partial (its transfers up to the date are folded); absent when the date ends its month. */
  readonly monthStart?: string;
}

/**
 * The month bounds of `asOf`: the months before `upTo` are whole, and when `monthStart` is set
 * the transfers from it to `asOf` are folded. The last day of a month makes its month whole
 * (December's last day moves `upTo` to January of the next year). Returns `undefined` for
 * anything that is not a real `YYYY-MM-DD` date (core's `isIsoDate`), so the caller keeps the
 * plain fold, and PostgreSQL's own reading of the text, for it.
 *
 * @example
 * ```ts
 * asOfMonths("2026-06-20"); // { upTo: "2026-06", monthStart: "2026-06-01" }
 * asOfMonths("2026-12-31"); // { upTo: "2027-01" }
 * asOfMonths("2026-02-30"); // undefined
 * ```
 */
export function asOfMonths(asOf: string): AsOfMonths | undefined {
  if (!isIsoDate(asOf)) return undefined;
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const ym = asOf.slice(0, 7);
  if (Number(asOf.slice(8, 10)) < daysInMonth(year, month)) return { upTo: ym, monthStart: `${ym}-01` };
  if (month < 12) return { upTo: `${asOf.slice(0, 5)}${String(month + 1).padStart(2, "0")}` };
  // "10000-01" would sort before "9999-12"; "9999-13" sorts after every month of 9999.
  return { upTo: year === 9999 ? "9999-13" : `${String(year + 1).padStart(4, "0")}-01` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
