/**
 * The validating half of the import pipeline, shared by every file format: records (one string
 * per cell, with the line or sheet row each starts on) → header resolution → validated rows,
 * handed out in batches so the caller can apply each batch in one store transaction and show
 * progress. The header is the first of the first six non-blank rows that names the schema's fields,
 * so up to five rows above it (a report's title, "单位：元", a row of column groups) are skipped;
 * when none of them does, the first row's problems are reported. Bad rows never throw: they come back as rejections with issues. File-level problems
 * (missing or duplicate columns, a tokenizer's `IMPORT_*` error such as a quote error, an
 * encoding or a broken workbook) end the reading with an error issue and `stats.aborted`.
 * A totals row (合计, 小计) is not data: it is skipped with a warning, and checked as a control
 * total when the schema has an amount (see control-totals). A 合计 right under the header totals
 * the rows below it, and so does each 小计 of a file whose first 小计 comes before any data row
 * (subtotals placed above their groups). A row above the header that states
 * the amounts' unit (单位：万元) makes them read in it (see resolveHeader).
 * Nothing here touches a file system or a store.
 */
import { isJincaiError } from "../errors/jincai-error";
import type { AmountUnit } from "../money/amount-unit";
import { formatFen } from "../money/format-fen";
import { cellAmount, createControlTotals, totalsLabel } from "./control-totals";
import type { ControlTotals, TotalsLabel } from "./control-totals";
import type { RecordChunk } from "./csv-tokenizer";
import type { DetectedEncoding } from "./detect-encoding";
import type { ImportIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import { checkImportMapping, type ImportMapping } from "./import-mapping";
import { foreignUnitNote, unitNote } from "./amount-unit-note";
import { amountUnitNames } from "../money/amount-unit";
import { resolveHeader, type LineUnitNote, type UnitSource } from "./resolve-header";
import type { RowSchema } from "./row-schema";
import { createRowValidator, type ParsedRow, type RejectedRow, type RowValidator } from "./row-validator";

/**
 * What reading the records has shown so far; read again at every batch.
 *
 * @example
 * ```ts
 * const state = { bytesRead: 0, encoding: undefined, replaced: false }; // a tokenizer updates bytesRead
 * ```
 */
export interface RecordSourceState {
  /** Bytes consumed from the file so far, for progress. */
  readonly bytesRead: number;
  /** The text encoding, once known (none for a spreadsheet). */
  readonly encoding: DetectedEncoding | undefined;
  /** Whether any cell so far holds U+FFFD from undecodable bytes (each such row is then rejected). */
  readonly replaced: boolean;
}

/**
 * Records from a tokenizer: a CSV file's, or a spreadsheet's rows.
 *
 * @example
 * ```ts
 * const source: RecordSource = { records: csvRecords(texts), state: decoding };
 * ```
 */
export interface RecordSource {
  /** The records in order, in chunks. A file-level `IMPORT_*` JincaiError ends them (with `details.line`, `details.column`). */
  readonly records: AsyncIterable<RecordChunk>;
  /** Progress and decoding, read at every batch. */
  readonly state: RecordSourceState;
}

/**
 * Options of {@link readRecordRows} (and of `readCsvRows`, which adds the encoding).
 *
 * @example
 * ```ts
 * const options: ReadRecordRowsOptions = { file: "payments.xlsx", ragged: true, keepCells: true };
 * const reader = readRecordRows({ records, state }, paymentRowSchema, options);
 * ```
 */
export interface ReadRecordRowsOptions {
  /** The file name used in issues (`payments.csv:17:5`). */
  file: string;
  /** A mapping file, parsed with {@link parseImportMapping}. */
  mapping?: ImportMapping;
  /** Keep each accepted row's original cells (for quarantining rows a later step rejects). */
  keepCells?: boolean;
  /** Records (accepted plus rejected) per batch; defaults to 5000. */
  batchSize?: number;
  /**
   * Rows may end early (a spreadsheet stores no trailing empty cells): a row shorter than the
   * header is padded with empty cells, and empty cells past the header are dropped. Off for CSV,
   * where a row of another width is `IMPORT_CSV_SYNTAX`.
   */
  ragged?: boolean;
}

/**
 * One batch of a file: its accepted rows, its rejected rows and their issues.
 *
 * @example
 * ```ts
 * for await (const batch of reader) store.transaction((tx) => apply(tx, batch.rows));
 * ```
 */
export interface ImportBatch<T> {
  /** Rows that passed validation, in file order. */
  rows: ParsedRow<T>[];
  /** Rows that failed, with their original cells. */
  rejected: RejectedRow[];
  /** Issues of this batch: the rejected rows' and any file-level ones (and warnings). */
  issues: ImportIssue[];
  /** Data records read so far in the file (cumulative). */
  rowsRead: number;
  /** Bytes read so far from the source (cumulative), for a progress bar. */
  bytesRead: number;
}

/**
 * Running totals of a {@link CsvRowReader}.
 *
 * @example
 * ```ts
 * const stats: ImportStats = reader.stats; // after the last batch:
 * // { encoding: "utf-8", bytesRead: 34, rowsRead: 1, rowsAccepted: 0, rowsRejected: 1, errors: 1, warnings: 0,
 * //   header: ["单位编码", "金额"], columns: { agency_code: 1, amount: 2 }, aborted: false, amountUnit: undefined }
 * ```
 */
export interface ImportStats {
  /** The encoding in use, once known. */
  encoding: DetectedEncoding | undefined;
  /** Bytes read from the source. */
  bytesRead: number;
  /** Data records read (blank lines and the header excluded). */
  rowsRead: number;
  /** Rows that passed validation. */
  rowsAccepted: number;
  /** Rows that failed validation. */
  rowsRejected: number;
  /** Error issues reported (rows and file-level). */
  errors: number;
  /** Warning issues reported. */
  warnings: number;
  /** The header cells as read, once read. */
  header: readonly string[] | undefined;
  /** 1-based column of each field once the header is read (0 when a constant or nothing gives it). */
  columns: Readonly<Record<string, number>>;
  /** Whether a file-level error stopped the reading (no row of the file should be applied). */
  aborted: boolean;
  /** The unit of the amounts and what stated it, once the header is read; none when nothing did (元). */
  amountUnit?: UnitSource | undefined;
}

/**
 * Batches of an import file (CSV or a spreadsheet), iterable once, with live totals.
 *
 * @example
 * ```ts
 * for await (const batch of reader) bar.update(reader.stats.bytesRead);
 * ```
 */
export interface CsvRowReader<T> extends AsyncIterable<ImportBatch<T>> {
  /** Running totals; final once iteration ends. */
  readonly stats: Readonly<ImportStats>;
}

/**
 * Validates records from any tokenizer in batches (see the module comment).
 *
 * @param source - the records and their reading state
 * @param schema - the import kind's row schema
 * @param options - file name, mapping, batch size, ragged rows
 * @returns a reader to iterate once with `for await`
 * @throws {JincaiError} IMPORT_MAPPING_INVALID at once when the mapping does not fit the schema
 * @example
 * ```ts
 * // records: chunks of { records: string[][], lines: number[] } from any tokenizer, e.g. a sheet's rows
 * const state = { bytesRead: 0, encoding: undefined, replaced: false };
 * const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "payments.xlsx", ragged: true });
 * for await (const batch of reader) for (const issue of batch.issues) console.error(formatIssue(issue));
 * ```
 */
export function readRecordRows<T>(source: RecordSource, schema: RowSchema<T>, options: ReadRecordRowsOptions): CsvRowReader<T> {
  if (options.mapping !== undefined) checkImportMapping(options.mapping, schema as RowSchema<unknown>);
  const stats: ImportStats = {
    encoding: undefined,
    bytesRead: 0,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    errors: 0,
    warnings: 0,
    header: undefined,
    columns: {},
    aborted: false,
  };
  let started = false;
  return {
    stats,
    [Symbol.asyncIterator]() {
      if (started) throw new Error("readRecordRows: a reader can be iterated only once");
      started = true;
      return batches(source, schema, options, stats)[Symbol.asyncIterator]();
    },
  };
}

const FILE_CODES: ReadonlySet<string> = new Set(Object.values(ImportIssueCode));
/** Rows above the header (a report's title, its unit, column groups) skipped at most. */
const MAX_ROWS_ABOVE_HEADER = 5;

async function* batches<T>(
  source: RecordSource,
  schema: RowSchema<T>,
  options: ReadRecordRowsOptions,
  stats: ImportStats,
): AsyncGenerator<ImportBatch<T>, void, undefined> {
  const { file, batchSize = 5000 } = options;
  const decoding = source.state;
  let batch = emptyBatch<T>();
  let validator: RowValidator<T> | undefined;
  /** Rows tried as the header in vain so far, and the first of them with its problems. */
  let above = 0;
  let firstMiss: { readonly cells: string[]; readonly issues: ImportIssue[] } | undefined;
  const missHeader = (): void => {
    stats.aborted = true;
    stats.header = firstMiss!.cells;
    const garbled = firstMiss!.cells.findIndex((cell) => cell.includes("\uFFFD"));
    if (garbled >= 0) {
      // Read in the wrong encoding, every title is unknown: one error that says why, not a wall of them.
      const line = firstMiss!.issues[0]?.line ?? 1;
      batch.issues.push(fileIssue(file, line, garbled + 1, ImportIssueCode.ENCODING,
        `the header ${JSON.stringify(firstMiss!.cells.slice(0, 3).join(","))}… is not text in ${decoding.encoding ?? "the encoding read"}: the file is in another encoding (GB18030 or UTF-8?)`));
      return;
    }
    batch.issues.push(...firstMiss!.issues);
  };
  /** A note above the header stating the amounts' unit (单位：万元). */
  let note: LineUnitNote | undefined;
  /** 0-based column of the amount once the header is read (-1: none, or a constant), its unit and its sums. */
  let amountAt = -1;
  let unit: AmountUnit | undefined;
  let totals: ControlTotals | undefined;
  /** Fen as 元 text; with the unit named when the file's amounts are in another. */
  const yuan = (fen: bigint): string => (unit === undefined || unit === "元" ? formatFen(fen) : `${formatFen(fen)} 元`);
  /** A grand total above every data row, checked at the end. */
  let leading: { readonly label: TotalsLabel; readonly cells: string[]; readonly line: number } | undefined;
  /**
   * Set once a 小计 comes before any data row: the file puts each group's subtotal above the
   * group, so a 小计 totals the rows below it, checked when the next 小计, a 合计 or the end
   * closes its group. `heading` is the 小计 whose group is open.
   */
  let subtotalsAbove = false;
  let heading: { readonly label: TotalsLabel; readonly cells: string[]; readonly line: number } | undefined;
  const closeHeading = (): void => {
    if (heading !== undefined) totalsRow(heading.label, heading.cells, heading.line);
    heading = undefined;
  };
  const totalsRow = (label: TotalsLabel, cells: string[], line: number): void => {
    const written = amountAt >= 0 ? cellAmount(cells[amountAt], unit) : undefined;
    const sum = totals?.close(label.scope);
    if (written === undefined || sum?.amount === undefined || written === sum.amount) {
      const cell = amountAt >= 0 ? (cells[amountAt] ?? "").trim() : "";
      const why =
        written === undefined ? (cell === "" ? "" : ` (its amount "${cell}" cannot be read, so it is not checked)`)
        : sum?.amount === undefined ? " (its total is not checked: a row above has no readable amount)"
        : `; its ${yuan(written)} is the sum of the ${rowsText(sum.rows)} it totals`;
      batch.issues.push({ file, line, column: label.column, code: ImportIssueCode.TOTALS_ROW, message: `a totals row (${label.text}), not data: skipped${why}`, severity: "warning" });
      return;
    }
    stats.rowsRead++;
    stats.rowsRejected++;
    const issue: ImportIssue = {
      file, line, column: amountAt + 1, field: "amount", code: ImportIssueCode.TOTAL_MISMATCH, value: cells[amountAt]!, severity: "error",
      message: `amount: the ${label.text} row says ${yuan(written)}, but the ${rowsText(sum!.rows)} it totals ${sum!.rows === 1 ? "sums" : "sum"} to ${yuan(sum!.amount)} (rows lost or changed?)`,
    };
    batch.rejected.push({ line, cells, issues: [issue] });
    batch.issues.push(issue);
  };
  const seal = (): ImportBatch<T> => {
    const done = batch;
    batch = emptyBatch<T>();
    stats.encoding = decoding.encoding;
    stats.bytesRead = done.bytesRead = decoding.bytesRead;
    done.rowsRead = stats.rowsRead;
    for (const issue of done.issues) issue.severity === "error" ? stats.errors++ : stats.warnings++;
    return done;
  };
  try {
    reading: for await (const { records, lines } of source.records) {
      for (let i = 0; i < records.length; i++) {
        const cells = records[i] as string[];
        if (isBlank(cells)) continue;
        const line = lines[i] as number;
        if (validator === undefined) {
          // A unit stated in a cell of this row counts, also when it is the header row itself (…, 金额, 单位：万元).
          const rowNote = unitNote(cells);
          const foreign = rowNote === undefined ? foreignUnitNote(cells) : undefined;
          if (foreign !== undefined) {
            // 单位：美元 or 单位：千万元: reading the amounts in 元 would be wrong by a factor.
            stats.aborted = true;
            batch.issues.push(fileIssue(file, line, foreign.column, ImportIssueCode.AMOUNT_UNIT,
              `"${foreign.text}": ${foreign.unitText} is not a unit amounts are read in (${amountUnitNames()}); convert the amounts, or state one of these`));
            break reading;
          }
          const stated = note ?? (rowNote === undefined ? undefined : { ...rowNote, line });
          const { plan, issues } = resolveHeader(cells, schema as RowSchema<unknown>, options.mapping, file, line, stated);
          if (plan === undefined) {
            // Not the header: a row above it, which may state the amounts' unit (单位：万元).
            // The header but for its amount's unit (金额（美元）): no use reading on.
            const errors = issues.filter((issue) => issue.severity === "error");
            if (errors.length > 0 && errors.every((issue) => issue.code === ImportIssueCode.AMOUNT_UNIT)) {
              stats.aborted = true;
              stats.header = cells;
              batch.issues.push(...issues);
              break reading;
            }
            if (rowNote !== undefined && note !== undefined && rowNote.unit !== note.unit) {
              stats.aborted = true;
              batch.issues.push(fileIssue(file, line, rowNote.column, ImportIssueCode.AMOUNT_UNIT,
                `"${rowNote.text}" disagrees with "${note.text}" on line ${note.line}: which unit are the amounts in?`));
              break reading;
            }
            note = stated;
            firstMiss ??= { cells, issues };
            if (above++ < MAX_ROWS_ABOVE_HEADER) continue;
            missHeader();
            break reading;
          }
          stats.header = cells;
          batch.issues.push(...issues);
          validator = createRowValidator(schema, plan, file);
          stats.columns = Object.fromEntries(plan.fields.map((f, i) => [f, (plan.positions[i] ?? -1) + 1]));
          stats.amountUnit = plan.units[plan.fields.indexOf("amount")];
          unit = stats.amountUnit?.unit;
          amountAt = (stats.columns["amount"] ?? 0) - 1;
          if (amountAt >= 0) totals = createControlTotals();
          continue;
        }
        // A CSV totals row of another width is a syntax error like any row (its amount column is
        // unknown), but for one Excel saved without its empty last cells, as any row.
        if (options.ragged !== true) validator.padShort(cells);
        const label = totalsLabel(cells);
        if (label !== undefined && (options.ragged === true || cells.length === stats.header!.length)) {
          // A 合计 right under the header, as many exports put it, totals the rows below it:
          // checked once the file has been read.
          if (label.scope === "grand" && stats.rowsRead === 0 && leading === undefined) leading = { label, cells, line };
          else if (label.scope === "group" && (subtotalsAbove || stats.rowsRead === 0)) {
            // A 小计 above its group: the one before it closes, this one opens the next.
            closeHeading();
            subtotalsAbove = true;
            heading = { label, cells, line };
          } else {
            closeHeading();
            totalsRow(label, cells, line);
          }
          continue;
        }
        stats.rowsRead++;
        if (options.ragged === true) fitWidth(cells, stats.header!.length);
        if (validator.validate(cells, line, decoding.replaced, batch)) {
          stats.rowsAccepted++;
          const row = batch.rows[batch.rows.length - 1]!;
          if (options.keepCells) row.cells = cells;
          if (totals !== undefined) totals.add(amountOf(row.value));
        } else {
          stats.rowsRejected++;
          if (totals !== undefined) totals.add(cellAmount(cells[amountAt], unit));
        }
        if (batch.rows.length + batch.rejected.length >= batchSize) yield seal();
      }
    }
    if (!stats.aborted) closeHeading();
    if (leading !== undefined && !stats.aborted) totalsRow(leading.label, leading.cells, leading.line);
    if (validator === undefined && !stats.aborted) {
      if (firstMiss !== undefined) missHeader();
      else {
        stats.aborted = true;
        batch.issues.push(fileIssue(file, 1, 0, ImportIssueCode.MISSING_COLUMN, "the file is empty: no header row"));
      }
    }
  } catch (error) {
    if (!isJincaiError(error) || !FILE_CODES.has(error.code)) throw error;
    stats.aborted = true;
    const details = error.details as { line?: number; column?: number };
    batch.issues.push(fileIssue(file, details.line ?? 1, details.column ?? 0, error.code as ImportIssueCode, error.message));
  }
  if (batch.rows.length + batch.rejected.length + batch.issues.length > 0) yield seal();
  else stats.bytesRead = decoding.bytesRead;
}

/** An accepted row's amount (a bigint when the schema has one and the row gives it). */
function amountOf(value: unknown): bigint | undefined {
  const amount = (value as { amount?: unknown }).amount;
  return typeof amount === "bigint" ? amount : undefined;
}

const rowsText = (n: number): string => `${n} row${n === 1 ? "" : "s"}`;

function fileIssue(file: string, line: number, column: number, code: ImportIssueCode, message: string): ImportIssue {
  return { file, line, column, code, message, severity: "error" };
}

/** Pads `cells` to `width` with empty cells, and drops empty cells past it. */
function fitWidth(cells: string[], width: number): void {
  while (cells.length > width && cells[cells.length - 1] === "") cells.pop();
  while (cells.length < width) cells.push("");
}

/** A row of empty cells, or of cells holding only spaces (an export's padding): skipped. */
function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell === "") continue;
    // One compare settles the usual row, whose first cell starts with a letter or digit.
    const first = cell.charCodeAt(0);
    if ((first > 32 && first !== 0x3000 && first !== 0xa0) || cell.trim() !== "") return false;
  }
  return true;
}

function emptyBatch<T>(): ImportBatch<T> {
  return { rows: [], rejected: [], issues: [], rowsRead: 0, bytesRead: 0 };
}
