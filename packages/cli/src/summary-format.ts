/**
 * The format `jincai summary` writes: the one `--format` names, or else the one the `--output`
 * file's extension names, so that `--output 执行情况.xlsx` is a workbook and not a text table
 * Excel refuses to open.
 */
import { extname } from "node:path";
import { JincaiError } from "@jincai/core";

const FORMATS = ["table", "csv", "json", "xlsx"] as const;

/** A format `jincai summary` writes. */
export type SummaryFormat = (typeof FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, SummaryFormat>> = { ".xlsx": "xlsx", ".csv": "csv", ".json": "json" };

/**
 * Decides the summary's format from `--format` and `--output`.
 *
 * @param format - `--format` as given, or undefined when it was not.
 * @param output - `--output` as given, or undefined.
 * @returns `--format`; else the format of the output's extension (`.xlsx`, `.csv`, `.json`); else `table`.
 * @throws {JincaiError} CLI_USAGE for an unknown format, for xlsx without an output file, and for
 *   a format other than the output's extension names (a CSV file named `.xlsx`, a workbook named `.csv`)
 * @example
 * ```ts
 * summaryFormat(undefined, "执行情况.xlsx"); // "xlsx"
 * summaryFormat("csv", "summary.csv");       // "csv"
 * summaryFormat(undefined, undefined);       // "table"
 * ```
 */
export function summaryFormat(format: string | undefined, output: string | undefined): SummaryFormat {
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw new JincaiError("CLI_USAGE", `--format: use table, csv, json or xlsx`);
  const named = output === undefined ? undefined : BY_EXTENSION[extname(output).toLowerCase()];
  if (format !== undefined && named !== undefined && format !== named) {
    throw new JincaiError("CLI_USAGE", `--output ${output}: its extension says ${named}, but --format is ${format}: give the file another name or drop --format`);
  }
  const chosen = (format as SummaryFormat | undefined) ?? named ?? "table";
  if (chosen === "xlsx" && output === undefined) throw new JincaiError("CLI_USAGE", "--format xlsx: name the workbook with --output FILE");
  return chosen;
}
