/**
 * China's 2026 public holidays and 调休 working days, as data.
 *
 * [K] from memory, verify against the State Council notice (国务院办公厅关于2026年部分节假日安排的
 * 通知) before relying on it for due dates. Each break lists every day off, weekends included, so
 * the list reads like the notice; make-up working days are `workday` entries.
 */
import type { HolidayEntry } from "./holiday-calendar";

function days(name: string, from: string, count: number): HolidayEntry[] {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => ({
    date: `${y}-${String(m).padStart(2, "0")}-${String(d + i).padStart(2, "0")}`,
    kind: "holiday" as const,
    name,
  }));
}

const workday = (date: string, name: string): HolidayEntry => ({ date, kind: "workday", name });

/**
 * The 2026 holiday list of the People's Republic of China. [K] from memory, verify against the
 * State Council notice.
 *
 * - 元旦 1–3 Jan; Sunday 4 Jan worked.
 * - 春节 15–23 Feb; Saturdays 14 Feb and 28 Feb worked.
 * - 清明节 4–6 Apr.
 * - 劳动节 1–5 May; Saturday 9 May worked.
 * - 端午节 19–21 Jun.
 * - 中秋节 25–27 Sep.
 * - 国庆节 1–7 Oct; Sunday 20 Sep and Saturday 10 Oct worked.
 *
 * @example
 * ```ts
 * const calendar = createHolidayCalendar(CN_HOLIDAYS_2026);
 * isWorkingDay("2026-01-04", calendar); // true (a Sunday worked after 元旦)
 * ```
 */
export const CN_HOLIDAYS_2026: readonly HolidayEntry[] = Object.freeze([
  ...days("元旦", "2026-01-01", 3),
  workday("2026-01-04", "元旦"),
  workday("2026-02-14", "春节"),
  ...days("春节", "2026-02-15", 9),
  workday("2026-02-28", "春节"),
  ...days("清明节", "2026-04-04", 3),
  ...days("劳动节", "2026-05-01", 5),
  workday("2026-05-09", "劳动节"),
  ...days("端午节", "2026-06-19", 3),
  workday("2026-09-20", "国庆节"),
  ...days("中秋节", "2026-09-25", 3),
  ...days("国庆节", "2026-10-01", 7),
  workday("2026-10-10", "国庆节"),
]);
