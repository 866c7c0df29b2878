import { getDay } from "date-fns/getDay";
import { JincaiError } from "../errors/jincai-error";
import type { HolidayCalendar } from "./holiday-calendar";
import { _toDate } from "./iso-date";

/**
 * Tells whether a date is a working day: a 调休 `workday` entry works, a `holiday` entry rests,
 * any other day works from Monday to Friday.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`; `CALENDAR_YEAR_NOT_COVERED` when the calendar is
 *   strict and its list does not cover the date's year.
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026);
 * isWorkingDay("2026-10-05", calendar); // false (国庆节, a Monday)
 * isWorkingDay("2026-09-20", calendar); // true  (a Sunday worked for 国庆节)
 * ```
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const day = _toDate(date);
  if (calendar.strict && !calendar.years.includes(day.getFullYear())) {
    throw new JincaiError(
      "CALENDAR_YEAR_NOT_COVERED",
      `the holiday list does not cover ${date.slice(0, 4)}`,
      { details: { date, years: calendar.years } },
    );
  }
  const entry = calendar.entryOf(date);
  if (entry) return entry.kind === "workday";
  const weekday = getDay(day);
  return weekday !== 0 && weekday !== 6;
}
