/**
 * The import pipeline: bytes → text (detected or forced encoding) → tokenized records →
 * header resolution → validated rows, handed out in batches so the caller can apply each
 * batch in one store transaction and show progress. Bad rows never throw: they come back as
 * rejections with issues. File-level problems (missing or duplicate columns, a quote error,
 * UTF-16) end the reading with an error issue and `stats.aborted`. Nothing here touches a
 * file system or a store.
 */
import { isJincaiError } from "../errors/jincai-error";
import { csvRecords } from "./csv-records";
import { decodeSource, type DecodeState, type ImportSource } from "./decode-source";
import type { DetectedEncoding, ImportEncoding } from "./detect-encoding";
import type { ImportIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import { checkImportMapping, type ImportMapping } from "./import-mapping";
import { resolveHeader } from "./resolve-header";
import type { RowSchema } from "./row-schema";
import { createRowValidator, type ParsedRow, type RejectedRow, type RowValidator } from "./row-validator";

/** Options of {@link readCsvRows}. */
export interface ReadCsvRowsOptions {
  /** The file name used in issues (`payments.csv:17:5`). */
  file: string;
  /** Forces the encoding; detected from the first 64 KB when absent. */
  encoding?: ImportEncoding;
  /** A mapping file, parsed with {@link parseImportMapping}. */
  mapping?: ImportMapping;
  /** Keep each accepted row's original cells (for quarantining rows a later step rejects). */
  keepCells?: boolean;
  /** Records (accepted plus rejected) per batch; defaults to 5000. */
  batchSize?: number;
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

/** Running totals of a {@link CsvRowReader}. */
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
}

/**
 * Batches of a CSV file, iterable once, with live totals.
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
 * Reads and validates a CSV file in batches.
 *
 * @param source - the bytes: a web `ReadableStream`, a Node file stream, or chunks
 * @param schema - the import kind's row schema
 * @param options - file name, encoding, mapping, batch size
 * @returns a reader to iterate once with `for await`
 * @throws {JincaiError} IMPORT_MAPPING_INVALID at once when the mapping does not fit the schema
 * @example
 * ```ts
 * const reader = readCsvRows(Readable.toWeb(createReadStream(path)), paymentRowSchema, {
 *   file: "payments.csv",
 * });
 * for await (const batch of reader) {
 *   for (const issue of batch.issues) console.error(formatIssue(issue));
 * }
 * ```
 */
export function readCsvRows<T>(source: ImportSource, schema: RowSchema<T>, options: ReadCsvRowsOptions): CsvRowReader<T> {
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
      if (started) throw new Error("readCsvRows: a reader can be iterated only once");
      started = true;
      return batches(source, schema, options, stats)[Symbol.asyncIterator]();
    },
  };
}

async function* batches<T>(
  source: ImportSource,
  schema: RowSchema<T>,
  options: ReadCsvRowsOptions,
  stats: ImportStats,
): AsyncGenerator<ImportBatch<T>, void, undefined> {
  const { file, batchSize = 5000 } = options;
  const decoding: DecodeState = { encoding: undefined, bytesRead: 0, replaced: false };
  let batch = emptyBatch<T>();
  let validator: RowValidator<T> | undefined;
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
    reading: for await (const { records, lines } of csvRecords(decodeSource(source, options.encoding, decoding))) {
      for (let i = 0; i < records.length; i++) {
        const cells = records[i] as string[];
        if (isBlank(cells)) continue;
        const line = lines[i] as number;
        if (validator === undefined) {
          stats.header = cells;
          const { plan, issues } = resolveHeader(cells, schema as RowSchema<unknown>, options.mapping, file, line);
          batch.issues.push(...issues);
          if (plan === undefined) {
            stats.aborted = true;
            break reading;
          }
          validator = createRowValidator(schema, plan, file);
          stats.columns = Object.fromEntries(plan.fields.map((f, i) => [f, (plan.positions[i] ?? -1) + 1]));
          continue;
        }
        stats.rowsRead++;
        if (validator.validate(cells, line, decoding.replaced, batch)) {
          stats.rowsAccepted++;
          if (options.keepCells) batch.rows[batch.rows.length - 1]!.cells = cells;
        }
        else stats.rowsRejected++;
        if (batch.rows.length + batch.rejected.length >= batchSize) yield seal();
      }
    }
    if (validator === undefined && !stats.aborted) {
      stats.aborted = true;
      batch.issues.push(fileIssue(file, 1, 0, ImportIssueCode.MISSING_COLUMN, "the file is empty: no header row"));
    }
  } catch (error) {
    if (!isJincaiError(error, ImportIssueCode.CSV_SYNTAX) && !isJincaiError(error, ImportIssueCode.ENCODING)) throw error;
    stats.aborted = true;
    const details = error.details as { line?: number; column?: number };
    batch.issues.push(fileIssue(file, details.line ?? 1, details.column ?? 0, error.code, error.message));
  }
  if (batch.rows.length + batch.rejected.length + batch.issues.length > 0) yield seal();
  else stats.bytesRead = decoding.bytesRead;
}

function fileIssue(file: string, line: number, column: number, code: ImportIssueCode, message: string): ImportIssue {
  return { file, line, column, code, message, severity: "error" };
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== "") return false;
  return true;
}

function emptyBatch<T>(): ImportBatch<T> {
  return { rows: [], rejected: [], issues: [], rowsRead: 0, bytesRead: 0 };
}
