import { JincaiError } from "../errors/jincai-error";
import { parsePeriod } from "./period";

/**
 * A closed range of days.
 *
 * @example
 * ```ts
 * const range: DateRange = periodRange("2026-01..2026-06"); // { from: "2026-01-01", to: "2026-06-30" }
 * await executionSummary(store, { groupBy: ["agency"], ...range });
 * ```
 */
export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
}

/**
 * The days a period, or a range of periods `A..B`, covers (as the CLI's `--period` takes it).
 * The two ends may be of different kinds: `2026-01..2026-Q2` runs from 1 January to 30 June.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_PERIOD` when an end is no period,
 *   `CALENDAR_PERIOD_RANGE_REVERSED` when the range ends before it starts.
 * @example
 * ```ts
 * periodRange("2026-Q1");          // { from: "2026-01-01", to: "2026-03-31" }
 * periodRange("2026-01..2026-06"); // { from: "2026-01-01", to: "2026-06-30" }
 * periodRange("2026年1-3月");      // { from: "2026-01-01", to: "2026-03-31" }, as reports write it
 * periodRange("2026-06..2026-01"); // throws CALENDAR_PERIOD_RANGE_REVERSED
 * ```
 */
export function periodRange(text: string): DateRange {
  const parts = monthSpan(text).split("..");
  if (parts.length > 2) {
    throw new JincaiError(
      "CALENDAR_INVALID_PERIOD",
      `a period range has one "..": ${JSON.stringify(text)}`,
      { details: { input: text } },
    );
  }
  const start = parsePeriod(parts[0] ?? "");
  const end = parts.length === 2 ? parsePeriod(parts[1] ?? "") : start;
  if (end.to < start.from) {
    throw new JincaiError(
      "CALENDAR_PERIOD_RANGE_REVERSED",
      `period range ends before it starts: ${text}`,
      { details: { input: text, from: start.from, to: end.to } },
    );
  }
  return { from: start.from, to: end.to };
}

/**
 * A span of months as reports write it, `2026年1-3月`, `2026年1月-3月`, `2026年1至3月` or
 * `2026年1月～3月`, as the range `2026-01..2026-03`; other text as it is.
 */
function monthSpan(text: string): string {
  const m = /^(\d{4})年(\d{1,2})月?\s*[-－—~～至到]\s*(\d{1,2})月$/.exec(text.trim());
  return m === null ? text : `${m[1]}-${m[2]!.padStart(2, "0")}..${m[1]}-${m[3]!.padStart(2, "0")}`;
}
