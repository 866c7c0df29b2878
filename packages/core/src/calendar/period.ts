/**
 * Reporting periods as strings and their parsed form. Canonical keys:
 * year `2026`, quarter `2026-Q1`, month `2026-03`, 旬 `2026-03-X1` (上旬 days 1–10), `-X2`
 * (中旬 11–20), `-X3` (下旬 21 to the month's end), and a single day `2026-03-15`.
 * `parsePeriod` also reads `2026Q1`, lower case, and `2026-03-上旬`/`中旬`/`下旬`.
 * Years and quarters are calendar periods; see `fiscalYearRange` for a shifted fiscal year.
 */
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { JincaiError } from "../errors/jincai-error";
import { _fromDate, _toDate, isIsoDate } from "./iso-date";

/** The granularity of a period: 年, 季, 月, 旬 (ten-day period) or a single day. */
export type PeriodKind = "year" | "quarter" | "month" | "xun" | "day";

/** A parsed reporting period. */
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
    `not a period (e.g. 2026, 2026-Q1, 2026-03, 2026-03-X1, 2026-03-15): ${JSON.stringify(text)}`,
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
 * ```
 */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    if (Number(m[1]) >= 1) return _makePeriod("year", Number(m[1]), 1);
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
