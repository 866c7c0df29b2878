/**
 * The month bounds of a balance as of a date, for stores that keep per-account monthly sums
 * (`account_months` in SQLite and PostgreSQL): one rule, so both stores sum the same months.
 */
import { addCalendarDays, isIsoDate } from "../calendar/iso-date";

/**
 * How a balance as of a real calendar date is summed.
 *
 * @example
 * ```ts
 * const months: AsOfMonths | undefined = asOfMonths("2026-06-20");
 * // { upTo: "2026-06", monthStart: "2026-06-01" }: whole months before June, then June 1–20
 * ```
 */
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
 * anything that is not a real `YYYY-MM-DD` date (`isIsoDate`), for which the caller folds every
 * transfer up to it as before.
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
  const ym = asOf.slice(0, 7);
  // "10000-01" would sort before "9999-12"; "9999-13" sorts after every month of 9999.
  if (asOf === "9999-12-31") return { upTo: "9999-13" };
  const next = addCalendarDays(asOf, 1).slice(0, 7);
  return next === ym ? { upTo: ym, monthStart: `${ym}-01` } : { upTo: next };
}
