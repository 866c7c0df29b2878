import { addDays } from "date-fns/addDays";
import { JincaiError } from "../errors/jincai-error";
import type { HolidayCalendar } from "./holiday-calendar";
import { _fromDate, _toDate } from "./iso-date";
import { isWorkingDay } from "./is-working-day";

/** More consecutive days off than any real calendar has; beyond it the list must be wrong. */
const MAX_DAYS_OFF = 366;

/**
 * The date `n` working days after `date` (before it when `n` is negative), as for a due date
 * "within 5 working days". `n = 0` returns `date` itself, working day or not.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`, `CALENDAR_YEAR_NOT_COVERED` (strict calendar),
 *   `CALENDAR_NO_WORKING_DAY` when more than 366 days in a row are off.
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026);
 * addWorkingDays("2026-09-30", 1, calendar);  // "2026-10-08" (after 国庆节)
 * addWorkingDays("2026-10-08", -1, calendar); // "2026-09-30"
 * ```
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n)) {
    throw new JincaiError(
      "CALENDAR_INVALID_AMOUNT",
      `working days must be an integer: ${n}`,
      { details: { n } },
    );
  }
  let day = _toDate(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; left--) {
    let off = 0;
    do {
      day = addDays(day, step);
      if (++off > MAX_DAYS_OFF) {
        throw new JincaiError(
          "CALENDAR_NO_WORKING_DAY",
          `no working day within ${MAX_DAYS_OFF} days of ${_fromDate(day)}`,
          { details: { date, n } },
        );
      }
    } while (!isWorkingDay(_fromDate(day), calendar));
  }
  return _fromDate(day);
}
