/**
 * Reporting periods as strings and their parsed form. Canonical keys:
 * year `2026`, half year `2026-H1` (上半年) and `2026-H2` (下半年, the 半年报's periods),
 * quarter `2026-Q1`, month `2026-03`, 旬 `2026-03-X1` (上旬 days 1–10), `-X2`
 * (中旬 11–20), `-X3` (下旬 21 to the month's end), and a single day `2026-03-15`.
 * `parsePeriod` also reads `2026Q1`, lower case, `2026-03-上旬`/`中旬`/`下旬`, and the
 * Chinese spellings on reports: `2026年`, `2026年上半年`, `2026年第1季度` (or `一季度`),
 * `2026年3月`, `2026年3月上旬`, `2026年3月15日`.
 * Years and quarters are calendar periods; see `fiscalYearRange` for a shifted fiscal year.
 */
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { JincaiError } from "../errors/jincai-error";
import { _fromDate, _toDate, isIsoDate } from "./iso-date";

/**
 * The granularity of a period: 年, 半年, 季, 月, 旬 (ten-day period) or a single day.
 *
 * @example
 * ```ts
 * const kind: PeriodKind = parsePeriod("2026-Q1").kind; // "quarter"
 * ```
 */
export type PeriodKind = "year" | "half" | "quarter" | "month" | "xun" | "day";

/**
 * A parsed reporting period.
 *
 * @example
 * ```ts
 * const period: Period = parsePeriod("2026-03-上旬");
 * // { kind: "xun", key: "2026-03-X1", year: 2026, from: "2026-03-01", to: "2026-03-10", label: "2026年3月上旬" }
 * ```
 */
export interface Period {
  /** The granularity. */
  readonly kind: PeriodKind;
  /** Canonical key, e.g. `2026-Q1`, `2026-03`, `2026-03-X2`. */
  readonly key: string;
  /** The calendar year the period lies in. */
  readonly year: number;
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** The Chinese label used on reports, e.g. `2026年第1季度`, `2026年3月上旬`. */
  readonly label: string;
}

const XUN_NAMES = ["上旬", "中旬", "下旬"] as const;
const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const endOfMonth = (year: number, month: number): string =>
  _fromDate(lastDayOfMonth(_toDate(`${pad(year, 4)}-${pad(month, 2)}-01`)));

/** Internal: builds a period from its parts; callers have validated the ranges. */
export function _makePeriod(kind: PeriodKind, year: number, index: number, month = 1): Period {
  const y = pad(year, 4);
  switch (kind) {
    case "year":
      return { kind, key: y, year, from: `${y}-01-01`, to: `${y}-12-31`, label: `${year}年` };
    case "half": {
      const from = `${y}-${index === 1 ? "01" : "07"}-01`;
      const to = `${y}-${index === 1 ? "06-30" : "12-31"}`;
      return { kind, key: `${y}-H${index}`, year, from, to, label: `${year}年${index === 1 ? "上" : "下"}半年` };
    }
    case "quarter": {
      const first = index * 3 - 2;
      const to = endOfMonth(year, index * 3);
      const from = `${y}-${pad(first, 2)}-01`;
      return { kind, key: `${y}-Q${index}`, year, from, to, label: `${year}年第${index}季度` };
    }
    case "month": {
      const key = `${y}-${pad(index, 2)}`;
      return { kind, key, year, from: `${key}-01`, to: endOfMonth(year, index), label: `${year}年${index}月` };
    }
    case "xun": {
      const m = `${y}-${pad(month, 2)}`;
      const from = `${m}-${pad(index * 10 - 9, 2)}`;
      const to = index === 3 ? endOfMonth(year, month) : `${m}-${pad(index * 10, 2)}`;
      const label = `${year}年${month}月${XUN_NAMES[index - 1]}`;
      return { kind, key: `${m}-X${index}`, year, from, to, label };
    }
    case "day": {
      const key = `${y}-${pad(month, 2)}-${pad(index, 2)}`;
      return { kind, key, year, from: key, to: key, label: `${year}年${month}月${index}日` };
    }
  }
}

function invalid(text: string): JincaiError {
  return new JincaiError(
    "CALENDAR_INVALID_PERIOD",
    `not a period (e.g. 2026, 2026-H1, 2026-Q1, 2026-03, 2026-03-X1, 2026-03-15, 2026年上半年, 2026年3月): ${JSON.stringify(text)}`,
    { details: { input: text } },
  );
}

/**
 * Parses one period string.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_PERIOD` when the text is no period (or a range).
 * @example
 * ```ts
 * parsePeriod("2026-Q1");    // { kind: "quarter", key: "2026-Q1", from: "2026-01-01", to: "2026-03-31", ... }
 * parsePeriod("2028-02-下旬"); // { kind: "xun", key: "2028-02-X3", from: "2028-02-21", to: "2028-02-29", ... }
 * parsePeriod("2026年上半年"); // { kind: "half", key: "2026-H1", from: "2026-01-01", to: "2026-06-30", ... }
 * ```
 */
export function parsePeriod(text: string): Period {
  const t = canonical(text.trim());
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    if (Number(m[1]) >= 1) return _makePeriod("year", Number(m[1]), 1);
  } else if ((m = /^(\d{4})-?[Hh]([12])$/.exec(t))) {
    if (Number(m[1]) >= 1) return _makePeriod("half", Number(m[1]), Number(m[2]));
  } else if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(t))) {
    if (Number(m[1]) >= 1) return _makePeriod("quarter", Number(m[1]), Number(m[2]));
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const month = Number(m[2]);
    if (Number(m[1]) >= 1 && month >= 1 && month <= 12) {
      return _makePeriod("month", Number(m[1]), month);
    }
  } else if ((m = /^(\d{4})-(\d{2})-?([Xx][1-3]|上旬|中旬|下旬)$/.exec(t))) {
    const month = Number(m[2]);
    const tag = m[3] ?? "";
    const named = XUN_NAMES.indexOf(tag as (typeof XUN_NAMES)[number]) + 1;
    const xun = /^[Xx]/.test(tag) ? Number(tag.slice(1)) : named;
    if (Number(m[1]) >= 1 && month >= 1 && month <= 12) {
      return _makePeriod("xun", Number(m[1]), xun, month);
    }
  } else if (isIsoDate(t)) {
    return _makePeriod("day", Number(t.slice(0, 4)), Number(t.slice(8, 10)), Number(t.slice(5, 7)));
  }
  throw invalid(text);
}

const QUARTER_WORDS: Readonly<Record<string, string>> = { 一: "1", 二: "2", 三: "3", 四: "4", "1": "1", "2": "2", "3": "3", "4": "4" };

/**
 * The Chinese spellings of reports in the canonical form (`2026年3月` → `2026-03`,
 * `2026年第一季度` → `2026-Q1`, `2026年上半年` → `2026-H1`, `2026年度` → `2026`); other text as it is.
 */
function canonical(t: string): string {
  const m = /^(\d{4})年度?(?:(上|下)半年|第?([一二三四1-4])季度?|(\d{1,2})月(?:(\d{1,2})日|(上旬|中旬|下旬))?)?$/.exec(t);
  if (m === null) return t;
  const [, year, half, quarter, month, day, xun] = m;
  if (half !== undefined) return `${year}-H${half === "上" ? 1 : 2}`;
  if (quarter !== undefined) return `${year}-Q${QUARTER_WORDS[quarter]}`;
  if (month === undefined) return year!;
  const mm = month.padStart(2, "0");
  if (day !== undefined) return `${year}-${mm}-${day.padStart(2, "0")}`;
  return xun === undefined ? `${year}-${mm}` : `${year}-${mm}-${xun}`;
}
