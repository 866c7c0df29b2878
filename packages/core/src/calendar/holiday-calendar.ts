/**
 * Public holidays as data. China moves working days around each holiday (调休): the State Council
 * publishes, every year, which days are off (放假) and which weekend days are worked (上班). A
 * {@link HolidayCalendar} holds both lists; `isWorkingDay` and friends read it. Dates the list
 * does not mention follow the week: Monday to Friday work, Saturday and Sunday rest.
 */
import { JincaiError } from "../errors/jincai-error";
import { assertIsoDate } from "./iso-date";

/**
 * `holiday`: a day off (放假), even a weekday; `workday`: a worked day (调休上班), even a weekend.
 *
 * @example
 * ```ts
 * const kind: HolidayKind = "workday"; // 调休上班, even on a weekend
 * createHolidayCalendar([{ date: "2026-10-10", kind, name: "国庆节" }]);
 * ```
 */
export type HolidayKind = "holiday" | "workday";

/**
 * One dated entry of a holiday list.
 *
 * @example
 * ```ts
 * const entries: HolidayEntry[] = [
 *   { date: "2026-10-01", kind: "holiday", name: "国庆节" },
 *   { date: "2026-10-10", kind: "workday", name: "国庆节" }, // a Saturday worked
 * ];
 * const calendar = createHolidayCalendar(entries);
 * ```
 */
export interface HolidayEntry {
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Day off or worked day. */
  readonly kind: HolidayKind;
  /** The holiday it belongs to, e.g. `春节`, `国庆节`. */
  readonly name: string;
}

/**
 * A holiday list ready for working-day arithmetic.
 *
 * @example
 * ```ts
 * const calendar: HolidayCalendar = createHolidayCalendar(CN_HOLIDAYS_2026, { strict: true });
 * calendar.years; // [2026]
 * isWorkingDay("2026-10-10", calendar); // true: a Saturday worked for 国庆节
 * ```
 */
export interface HolidayCalendar {
  /** The entries, sorted by date. */
  readonly entries: readonly HolidayEntry[];
  /** The calendar years the list covers. */
  readonly years: readonly number[];
  /** When true, asking about a year outside `years` throws `CALENDAR_YEAR_NOT_COVERED`. */
  readonly strict: boolean;
  /**
   * The entry for a date, if the list has one.
   *
   * @example
   * ```ts
   * calendar.entryOf("2026-10-01"); // { date: "2026-10-01", kind: "holiday", name: "国庆节" }
   * ```
   */
  entryOf(date: string): HolidayEntry | undefined;
}

/**
 * Options for {@link createHolidayCalendar}.
 *
 * @example
 * ```ts
 * const options: HolidayCalendarOptions = { years: [2026], strict: true };
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026, options);
 * isWorkingDay("2027-01-04", calendar); // throws CALENDAR_YEAR_NOT_COVERED
 * ```
 */
export interface HolidayCalendarOptions {
  /** The years the list is complete for. Default: every year an entry falls in. */
  readonly years?: readonly number[];
  /** Refuse dates outside `years` instead of assuming a plain week. Default false. */
  readonly strict?: boolean;
}

/**
 * Builds a holiday calendar from entries (e.g. {@link CN_HOLIDAYS_2026} or `parseHolidayCsv`).
 * Concatenate several years' entries to cover them all.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE`, `CALENDAR_HOLIDAY_ROW_INVALID` (unknown kind),
 *   `CALENDAR_HOLIDAY_DUPLICATE` (the same date twice).
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026, { strict: true });
 * isWorkingDay("2026-10-08", calendar); // true
 * ```
 */
export function createHolidayCalendar(
  entries: readonly HolidayEntry[],
  options: HolidayCalendarOptions = {},
): HolidayCalendar {
  const byDate = new Map<string, HolidayEntry>();
  for (const entry of entries) {
    assertIsoDate(entry.date);
    if (entry.kind !== "holiday" && entry.kind !== "workday") {
      throw new JincaiError(
        "CALENDAR_HOLIDAY_ROW_INVALID",
        `kind must be holiday or workday: ${String(entry.kind)}`,
        { details: { date: entry.date, kind: entry.kind } },
      );
    }
    if (byDate.has(entry.date)) {
      throw new JincaiError(
        "CALENDAR_HOLIDAY_DUPLICATE",
        `the holiday list names ${entry.date} twice`,
        { details: { date: entry.date } },
      );
    }
    byDate.set(entry.date, { date: entry.date, kind: entry.kind, name: entry.name });
  }
  const sorted = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const years = options.years ?? [...new Set(sorted.map((e) => Number(e.date.slice(0, 4))))];
  return {
    entries: sorted,
    years: [...years].sort((a, b) => a - b),
    strict: options.strict ?? false,
    entryOf: (date: string) => byDate.get(date),
  };
}
