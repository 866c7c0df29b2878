/**
 * Reads a small CSV table (a code list or a mapping) into rows keyed by canonical column names,
 * accepting English or Chinese headers, a UTF-8 BOM and `#` comment lines. Not a streaming import:
 * code lists are a few thousand rows, so csv-parse's sync API is enough and works in browsers.
 */
import { parse } from "csv-parse/sync";
import { JincaiError } from "../errors/jincai-error";
import type { CodeListIssue } from "./code-entry";

/** A data row: its one-based line and its values by canonical column name. */
export interface CsvTableRow {
  readonly index: number;
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

interface Parsed {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function parseRecords(text: string): Parsed[] {
  try {
    return parse(text, {
      bom: true,
      comment: "#",
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as Parsed[];
  } catch (cause) {
    const line = (cause as { lines?: unknown }).lines;
    throw new JincaiError("CODE_LIST_INVALID", "the CSV text cannot be parsed", {
      details: { line: typeof line === "number" ? line : undefined },
      cause,
    });
  }
}

function columnIndexes(
  header: Parsed,
  columns: Readonly<Record<string, readonly string[]>>,
): Map<string, number> {
  const names = header.record.map((h) => h.trim().toLowerCase());
  const found = new Map<string, number>();
  for (const [canonical, aliases] of Object.entries(columns)) {
    const accepted = [canonical, ...aliases.map((a) => a.toLowerCase())];
    const at = names.findIndex((n) => accepted.includes(n));
    if (at < 0) {
      throw new JincaiError("CODE_LIST_INVALID", `the CSV header has no "${canonical}" column`, {
        details: { line: header.info.lines, column: canonical, header: header.record },
      });
    }
    found.set(canonical, at);
  }
  return found;
}

/**
 * Parses CSV text whose first record is a header into rows; rows with a different field count
 * than the header become issues. Throws only for unreadable CSV or a missing column.
 *
 * @throws {JincaiError} CODE_LIST_INVALID with `details.line`
 */
export function readCsvTable(
  text: string,
  columns: Readonly<Record<string, readonly string[]>>,
): { rows: CsvTableRow[]; issues: CodeListIssue[] } {
  const [header, ...data] = parseRecords(text);
  if (header === undefined) {
    throw new JincaiError("CODE_LIST_INVALID", "the CSV text has no header", {
      details: { line: 1 },
    });
  }
  const indexes = columnIndexes(header, columns);
  const rows: CsvTableRow[] = [];
  const issues: CodeListIssue[] = [];
  data.forEach((p, index) => {
    const line = p.info.lines;
    if (p.record.length !== header.record.length) {
      const message = `expected ${header.record.length} fields, found ${p.record.length}`;
      issues.push({ index, line, code: "CODE_LIST_INVALID", message });
      return;
    }
    const values: Record<string, string> = {};
    for (const [name, at] of indexes) values[name] = p.record[at] ?? "";
    rows.push({ index, line, values });
  });
  return { rows, issues };
}

/**
 * Parses a four-digit fiscal year, or returns `undefined`.
 */
export function parseYear(value: string): number | undefined {
  return /^\d{4}$/.test(value) ? Number(value) : undefined;
}
