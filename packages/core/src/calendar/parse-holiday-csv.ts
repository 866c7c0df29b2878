/**
 * Loads a holiday list from CSV text or rows: `date,kind,name`, one day a line, where kind is
 * `holiday` (or 休/放假) or `workday` (or 班/上班). A header line starting with `date` or `日期`
 * is skipped, as are blank lines and lines starting with `#`. Every bad line is reported at once.
 */
import { parse } from "csv-parse/sync";
import { JincaiError } from "../errors/jincai-error";
import type { HolidayEntry, HolidayKind } from "./holiday-calendar";
import { isIsoDate } from "./iso-date";

const KINDS: Readonly<Record<string, HolidayKind>> = {
  holiday: "holiday",
  休: "holiday",
  放假: "holiday",
  workday: "workday",
  班: "workday",
  上班: "workday",
};

/**
 * One problem of a holiday list, with its 1-based line.
 *
 * @example
 * ```ts
 * try {
 *   parseHolidayCsv("date,kind,name\n2027-02-30,holiday,春节\n");
 * } catch (e) {
 *   const issues = (e as JincaiError).details.issues as HolidayRowIssue[]; // [{ line: 2, message: "…" }]
 * }
 * ```
 */
export interface HolidayRowIssue {
  /** 1-based line (row) number. */
  readonly line: number;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Turns rows `[date, kind, name]` into holiday entries (line numbers count from 1).
 *
 * @throws {JincaiError} `CALENDAR_HOLIDAY_ROW_INVALID` with `details.issues`, one per bad row.
 * @example
 * ```ts
 * holidayEntriesFromRows([["2026-10-01", "holiday", "国庆节"], ["2026-10-10", "班", "国庆节"]]);
 * // [{ date: "2026-10-01", kind: "holiday", name: "国庆节" },
 * //  { date: "2026-10-10", kind: "workday", name: "国庆节" }]
 * ```
 */
export function holidayEntriesFromRows(rows: readonly (readonly string[])[]): HolidayEntry[] {
  const entries: HolidayEntry[] = [];
  const issues: HolidayRowIssue[] = [];
  rows.forEach((row, i) => {
    const [date = "", kindText = "", name = ""] = row.map((cell) => cell.trim());
    if (row.every((cell) => cell.trim() === "") || date.startsWith("#")) return;
    if (i === 0 && /^(date|日期)$/i.test(date)) return;
    const kind = KINDS[kindText.toLowerCase()];
    const line = i + 1;
    if (!isIsoDate(date)) {
      issues.push({ line, message: `not a date (YYYY-MM-DD): ${JSON.stringify(date)}` });
    } else if (kind === undefined) {
      issues.push({ line, message: `kind must be holiday or workday: ${JSON.stringify(kindText)}` });
    } else {
      entries.push({ date, kind, name });
    }
  });
  if (issues.length > 0) {
    throw new JincaiError(
      "CALENDAR_HOLIDAY_ROW_INVALID",
      `${issues.length} bad holiday row(s), first at line ${issues[0]?.line}`,
      { details: { issues } },
    );
  }
  return entries;
}

/**
 * Parses holiday CSV text (`date,kind,name`), e.g. a list typed from the State Council notice.
 *
 * @throws {JincaiError} `CALENDAR_HOLIDAY_ROW_INVALID` with `details.issues`, one per bad line.
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(parseHolidayCsv("date,kind,name\n2027-01-01,holiday,元旦\n"));
 * ```
 */
export function parseHolidayCsv(text: string): HolidayEntry[] {
  const rows = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: false,
  }) as string[][];
  return holidayEntriesFromRows(rows);
}
