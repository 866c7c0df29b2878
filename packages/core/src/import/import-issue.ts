import { showInvisible } from "../errors/show-invisible";
import type { ImportIssueCode } from "./import-issue-code";

/**
 * One problem found while importing a CSV file, located as `file:line:column`.
 *
 * @example
 * ```ts
 * const issue: ImportIssue = {
 *   file: "payments.csv", line: 17, column: 5, field: "amount", code: "IMPORT_INVALID_AMOUNT",
 *   message: 'amount "12.345" has more than two decimals', value: "12.345", severity: "error",
 * };
 * ```
 */
export interface ImportIssue {
  /** The file name given to the reader (as the user typed it). */
  file: string;
  /** 1-based physical line where the record starts (multi-line quoted cells counted). */
  line: number;
  /** 1-based column number of the cell; 0 when the issue concerns no single cell. */
  column: number;
  /** The canonical field, when the issue concerns one. */
  field?: string;
  /** Stable code. */
  code: ImportIssueCode;
  /** Readable message (English), starting with the field name when there is one. */
  message: string;
  /** The cell's original text, when the issue concerns one cell. */
  value?: string;
  /** `error` rejects the row (or the file); `warning` is informational. */
  severity: "error" | "warning";
}

/**
 * Formats an issue as `file:line:column CODE message`, the form editors and CI logs link. The
 * invisible characters of a value quoted in it are shown as escapes (`ZB1\u200b`, see
 * showInvisible), so two ids that look alike can be told apart, and a line break in one as `\n`, so
 * each issue stays one line.
 *
 * @param issue - the issue
 * @returns one line of text, without a trailing newline
 * @example
 * ```ts
 * formatIssue(issue); // 'payments.csv:17:5 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals'
 * ```
 */
export function formatIssue(issue: ImportIssue): string {
  // One issue, one line: a line break in a quoted value (a stored name wrapped in its cell) is shown.
  return showInvisible(`${issue.file}:${issue.line}:${issue.column} ${issue.code} ${issue.message}`).replaceAll("\n", "\\n");
}
