/**
 * ISO calendar dates (`YYYY-MM-DD`), the one date format of Jincai. Validation is strict: the
 * day must exist (`2026-02-29` is rejected, `2028-02-29` accepted). The `_toDate`/`_fromDate`
 * helpers bridge to date-fns, which works on local-time `Date`s; converting in local time both
 * ways keeps every calendar result independent of the machine's time zone.
 */
import { addDays as addDaysFns } from "date-fns/addDays";
import { JincaiError } from "../errors/jincai-error";

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
  // Allocation-free: the ledger planner and the CSV import call this once per row.
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days in a month of the Gregorian calendar (month 1–12). Internal to core (dates read from files name it). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

/**
 * Internal: a local `Date` back to `YYYY-MM-DD` (years 0–9999, as {@link isIsoDate} takes them).
 * Written out rather than with date-fns's `format`, whose module and locale data cost every
 * command about 25 ms to load.
 */
export function _fromDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * The ISO date `n` calendar days after `date` (before it when `n` is negative).
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE` when `date` is not a real ISO date;
 *   `CALENDAR_INVALID_AMOUNT` when `n` is not an integer (`1.5` is refused, not rounded) or the
 *   result falls outside the years 1–9999.
 * @example
 * ```ts
 * addCalendarDays("2026-03-01", -1); // "2026-02-28"
 * addCalendarDays("2026-12-31", 1); // "2027-01-01"
 * addCalendarDays("2026-03-01", 1.5); // throws CALENDAR_INVALID_AMOUNT
 * ```
 */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) {
    throw new JincaiError("CALENDAR_INVALID_AMOUNT", `the number of days must be an integer, not ${typeof n} ${String(n)}`, {
      details: { n },
    });
  }
  const out = _fromDate(addDaysFns(_toDate(date), n));
  if (!isIsoDate(out)) {
    throw new JincaiError("CALENDAR_INVALID_AMOUNT", `${date} plus ${n} days is outside the years 1–9999`, {
      details: { date, n },
    });
  }
  return out;
}
