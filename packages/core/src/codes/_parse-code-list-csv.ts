/**
 * Turns code-list CSV text (columns code, name, kind, year, or 编码, 名称, 类型, 年度) into
 * entries with their line numbers. Field problems become issues; nothing throws per row.
 */
import type { CodeEntry, CodeListIssue } from "./code-entry";
import { findCodeKind } from "./code-kind";
import { parseYear, readCsvTable } from "./_read-csv-table";

/** The accepted header names per column (compared case-insensitively). */
export const CODE_LIST_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  code: ["编码", "科目编码", "代码"],
  name: ["名称", "科目名称"],
  kind: ["类型", "分类", "科目类型"],
  year: ["年度", "fiscal_year", "财政年度"],
};

/** Parsed rows: `entries[i]` came from data row `indexes[i]` on line `lines[i]`. */
export interface ParsedCodeList {
  readonly entries: CodeEntry[];
  readonly indexes: number[];
  readonly lines: number[];
  readonly issues: CodeListIssue[];
}

/**
 * Parses a code list; unknown kinds and bad years are issues with the row's line.
 *
 * @throws {JincaiError} CODE_LIST_INVALID when the CSV is unreadable or a column is missing
 */
export function parseCodeListCsv(text: string): ParsedCodeList {
  const { rows, issues } = readCsvTable(text, CODE_LIST_COLUMNS);
  const entries: CodeEntry[] = [];
  const indexes: number[] = [];
  const lines: number[] = [];
  for (const { index, line, values } of rows) {
    const kindText = values["kind"] ?? "";
    const kind = findCodeKind(kindText);
    const year = parseYear(values["year"] ?? "");
    if (kind === undefined) {
      const message = `unknown kind "${kindText}"`;
      issues.push({ index, line, code: "CODE_LIST_INVALID", message });
    } else if (year === undefined) {
      const message = `not a fiscal year: "${values["year"] ?? ""}"`;
      issues.push({ index, line, code: "CODE_LIST_INVALID", message });
    } else {
      entries.push({ code: values["code"] ?? "", name: values["name"] ?? "", kind, year });
      indexes.push(index);
      lines.push(line);
    }
  }
  return { entries, indexes, lines, issues };
}
