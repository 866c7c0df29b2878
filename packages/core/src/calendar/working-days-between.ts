import { addDays } from "date-fns/addDays";
import type { HolidayCalendar } from "./holiday-calendar";
import { _fromDate, _toDate } from "./iso-date";
import { isWorkingDay } from "./is-working-day";

/**
 * How many working days lie after `from` up to and including `to` (negative when `to` is
 * earlier: minus the working days from `to` up to, not including, `from`). It inverts
 * `addWorkingDays`: for a working day `to`, `addWorkingDays(from, workingDaysBetween(from, to))`
 * is `to`. Used to measure lateness in working days.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`, `CALENDAR_YEAR_NOT_COVERED` (strict calendar).
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026);
 * workingDaysBetween("2026-09-30", "2026-10-08", calendar); // 1
 * workingDaysBetween("2026-10-08", "2026-09-30", calendar); // -1
 * ```
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  // Forward: count (from, to]; backward: count [to, from). Both walk the half-open span once.
  let count = 0;
  let day = _toDate(lo);
  const last = _toDate(hi);
  if (sign < 0 && isWorkingDay(lo, calendar)) count++;
  for (day = addDays(day, 1); day < last; day = addDays(day, 1)) {
    if (isWorkingDay(_fromDate(day), calendar)) count++;
  }
  if (sign > 0 && lo !== hi && isWorkingDay(hi, calendar)) count++;
  return sign * count;
}
