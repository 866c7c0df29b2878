/**
 * Stable codes of the import's issues and errors (CSV and spreadsheets). Never rename or reuse one; mark it
 * `@deprecated` instead. Each code is documented in `packages/core/ERRORS.md` under "Import".
 *
 * @example
 * ```ts
 * if (issue.code === ImportIssueCode.INVALID_AMOUNT) console.log(issue.value);
 * ```
 */
export const ImportIssueCode = {
  /** A required field has no column in the file (file-level, line of the header). */
  MISSING_COLUMN: "IMPORT_MISSING_COLUMN",
  /** Two columns (or a column and a mapping constant) give the same field (file-level). */
  DUPLICATE_COLUMN: "IMPORT_DUPLICATE_COLUMN",
  /** A header matches no field; the column is ignored (warning). */
  UNKNOWN_COLUMN: "IMPORT_UNKNOWN_COLUMN",
  /** A required cell is empty. */
  REQUIRED: "IMPORT_REQUIRED",
  /** A cell is not an amount (or has more than two decimals). */
  INVALID_AMOUNT: "IMPORT_INVALID_AMOUNT",
  /** A cell is not a valid code (classification, agency, fund type…) by shape. */
  INVALID_CODE: "IMPORT_INVALID_CODE",
  /** A cell is not a real date (`2026-03-05`, `2026/3/5` or `20260305`). */
  INVALID_DATE: "IMPORT_INVALID_DATE",
  /** A cell is not one of the accepted values, or fails another field rule. */
  INVALID_VALUE: "IMPORT_INVALID_VALUE",
  /** Malformed CSV: bad quotes (fatal: reading stops) or a wrong number of cells (row). */
  CSV_SYNTAX: "IMPORT_CSV_SYNTAX",
  /** Bytes that are not text in the file's encoding, or an unsupported encoding (UTF-16). */
  ENCODING: "IMPORT_ENCODING",
  /** A mapping file is not valid JSON or does not fit the mapping schema (thrown). */
  MAPPING_INVALID: "IMPORT_MAPPING_INVALID",
  /** A totals row (合计, 小计) was skipped as not data; its amount matched the rows it totals, or could not be checked (warning). */
  TOTALS_ROW: "IMPORT_TOTALS_ROW",
  /** A totals row's amount is not the sum of the rows it totals: rows were lost or changed (row). */
  TOTAL_MISMATCH: "IMPORT_TOTAL_MISMATCH",
  /**
   * The unit of a file's amounts is not clear: a header names a unit that is not one
   * (`金额（美元）`), two notes above the header disagree, or the mapping file's `units` says
   * other than the file (file-level, aborts).
   */
  AMOUNT_UNIT: "IMPORT_AMOUNT_UNIT",
  /** A spreadsheet cannot be read: damaged, an old `.xls`, or without the sheet asked for (file, aborts). */
  WORKBOOK: "IMPORT_WORKBOOK",
  /**
   * A row names a record (a quota number) that an earlier row of the same file already loaded:
   * a row listed twice, or two records under one number. Counted once it would make the file's
   * 合计 and the database disagree without a word (row).
   */
  REPEATED_ROW: "IMPORT_REPEATED_ROW",
} as const;

/**
 * One of the import's issue or error codes.
 *
 * @example
 * ```ts
 * for await (const batch of reader) {
 *   for (const issue of batch.issues) {
 *     const code: ImportIssueCode = issue.code;
 *     if (code === "IMPORT_INVALID_AMOUNT") console.error(formatIssue(issue)); // payments.csv:2:2 IMPORT_INVALID_AMOUNT …
 *   }
 * }
 * ```
 */
export type ImportIssueCode = (typeof ImportIssueCode)[keyof typeof ImportIssueCode];
