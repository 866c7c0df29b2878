import { JincaiError } from "../errors/jincai-error";
import { parsePeriod } from "./period";

/** A closed range of days. */
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
 * periodRange("2026-06..2026-01"); // throws CALENDAR_PERIOD_RANGE_REVERSED
 * ```
 */
export function periodRange(text: string): DateRange {
  const parts = text.split("..");
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
