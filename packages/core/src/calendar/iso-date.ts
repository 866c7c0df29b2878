/**
 * ISO calendar dates (`YYYY-MM-DD`), the one date format of Jincai. Validation is strict: the
 * day must exist (`2026-02-29` is rejected, `2028-02-29` accepted). The `_toDate`/`_fromDate`
 * helpers bridge to date-fns, which works on local-time `Date`s; converting in local time both
 * ways keeps every calendar result independent of the machine's time zone.
 */
import { format, getDaysInMonth } from "date-fns";
import { JincaiError } from "../errors/jincai-error";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Tells whether a value is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * isIsoDate("2028-02-29"); // true (leap year)
 * isIsoDate("2026-02-29"); // false
 * isIsoDate("2026-3-1");   // false (no padding)
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= getDaysInMonth(new Date(year, month - 1, 1));
}

/**
 * Returns the date unchanged if it is a real `YYYY-MM-DD` date, and throws otherwise.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE` when the text is not a real ISO date.
 * @example
 * ```ts
 * assertIsoDate("2026-03-31"); // "2026-03-31"
 * assertIsoDate("2026-04-31"); // throws CALENDAR_INVALID_DATE
 * ```
 */
export function assertIsoDate(value: string): string {
  if (!isIsoDate(value)) {
    throw new JincaiError(
      "CALENDAR_INVALID_DATE",
      `not a date (YYYY-MM-DD): ${JSON.stringify(value)}`,
      { details: { input: value } },
    );
  }
  return value;
}

/** Internal: a validated ISO date as a local-midnight `Date` for date-fns. */
export function _toDate(iso: string): Date {
  assertIsoDate(iso);
  const date = new Date(2000, 0, 1);
  date.setFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return date;
}

/** Internal: a local `Date` back to `YYYY-MM-DD`. */
export function _fromDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}
