/**
 * The period a command is given (`--period` of `summary`, the argument of `close`): a month,
 * quarter or year, or a range of them, as core's `periodRange` reads it.
 */
import { JincaiError, periodRange } from "@jincai/core";
import type { DateRange } from "@jincai/core";

/**
 * The days of a period typed on the command line.
 *
 * @param text - e.g. `2026-03`, `2026-Q1`, `2026-H1`, `2026`, `2026年上半年`, `2026-01..2026-06`
 * @param name - how the command calls it in the message, e.g. `--period`
 * @throws {JincaiError} CLI_USAGE when the text is no period or range
 * @example
 * ```ts
 * periodArgument("2026-Q1", "--period"); // { from: "2026-01-01", to: "2026-03-31" }
 * ```
 */
export function periodArgument(text: string, name: string): DateRange {
  try {
    return periodRange(text);
  } catch (cause) {
    // Two good periods the wrong way round deserve to be told so.
    const halves = text.split("..");
    if (halves.length === 2) {
      try {
        const [start, end] = [periodRange(halves[0]!.trim()), periodRange(halves[1]!.trim())];
        if (start.from > end.to) throw new JincaiError("CLI_USAGE", `${name}: "${text}" starts after it ends (${start.from} is after ${end.to}): write the earlier period first`, { cause });
      } catch (error) {
        if (error instanceof JincaiError && error.code === "CLI_USAGE") throw error;
      }
    }
    throw new JincaiError("CLI_USAGE", `${name}: "${text}" is not a period or range (e.g. 2026-03, 2026-Q1, 2026-H1, 2026年3月, 2026-01..2026-06)`, { cause });
  }
}
