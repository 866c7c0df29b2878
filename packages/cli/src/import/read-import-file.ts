/**
 * Opens an import file as validated rows in batches, whatever its format: a CSV file (UTF-8 or
 * GB18030, see core's `readCsvRows`) or an `.xlsx` workbook (one worksheet, see
 * {@link sheetRecords}), told apart by the file's first bytes rather than its name. An Excel
 * 97–2003 `.xls` or a password-protected workbook (both OLE files) is refused with
 * `IMPORT_WORKBOOK` as the file's one issue. A large file is read and validated on a worker
 * thread (see threaded-rows), which calls this same function with `thread: false`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { ImportIssueCode, JincaiError, readCsvRows, readRecordRows } from "@jincai/core";
import type { CsvRowReader, ReadCsvRowsOptions, RecordChunk, RowSchema } from "@jincai/core";
import type { ThreadPlan } from "./row-outcome";
import { fileKind, sheetRecords } from "./sheet-records";
import { readOnThread, threadedRows } from "./threaded-rows";

/** Options of {@link readImportFile}. */
export interface ReadImportFileOptions extends ReadCsvRowsOptions {
  /** The worksheet of a workbook (name or number from 1); ignored for CSV files. */
  readonly sheet?: string;
  /** `false` reads in this thread whatever the file's size (the reading thread itself does). */
  readonly thread?: boolean;
  /**
   * The caller will call the reader's `plan` once it knows its importer (see threaded-rows):
   * a reading thread then works out ahead what the importer's `threadPlan` asks for.
   */
  readonly planAhead?: boolean;
}

/**
 * The rows of an import file; `close` stops a reading thread the rows were not all taken from;
 * `plan` (a reading thread's, with `planAhead`) says what it may work out ahead.
 */
export type ImportFileReader<T> = CsvRowReader<T> & { close?(): Promise<void>; plan?(plan: ThreadPlan | undefined): void };

/**
 * The rows of a CSV file or an `.xlsx` workbook.
 *
 * @example
 * ```ts
 * const reader = await readImportFile("payments.xlsx", paymentRowSchema, { file: "payments.xlsx", batchSize: 1000 });
 * for await (const batch of reader) console.log(batch.rows.length);
 * ```
 */
export async function readImportFile<T>(path: string, schema: RowSchema<T>, options: ReadImportFileOptions): Promise<ImportFileReader<T>> {
  const kind = await fileKind(path);
  const { thread, planAhead, ...own } = options;
  // On the second core when large, unless the rows must keep their cells (a quarantine file).
  if (thread !== false && kind !== "xls" && own.keepCells !== true && readOnThread((await stat(path)).size, kind, process.env)) {
    return threadedRows(path, schema, planAhead === true ? { ...own, planAhead } : own);
  }
  if (kind === "text") {
    const { sheet: _sheet, ...csv } = own;
    return readCsvRows(createReadStream(path, { highWaterMark: 1 << 20 }), schema, csv);
  }
  const { encoding: _ignored, sheet, ...rest } = own;
  if (kind === "xls") {
    const refused = new JincaiError(ImportIssueCode.WORKBOOK, `${options.file} is an Excel 97–2003 (.xls) or password-protected workbook: save it as .xlsx without a password, or as CSV`, {
      details: { line: 1, column: 0 },
    });
    return readRecordRows({ records: failing(refused), state: { bytesRead: 0, encoding: undefined, replaced: false } }, schema, rest);
  }
  const source = sheetRecords(path, { file: options.file, ...(sheet !== undefined ? { sheet } : {}) });
  return withSheetName(readRecordRows(source, schema, { ...rest, ragged: true }), () => source.state.sheet, sheet === undefined);
}

/**
 * A workbook's missing columns name the sheet they were looked for in, and, when no `--sheet`
 * chose it, that another sheet can be chosen (the data is often not on the first).
 */
function withSheetName<T>(reader: CsvRowReader<T>, sheet: () => string | undefined, defaulted: boolean): CsvRowReader<T> {
  return {
    stats: reader.stats,
    async *[Symbol.asyncIterator]() {
      for await (const batch of reader) {
        const name = sheet();
        batch.issues = batch.issues.map((issue) =>
          issue.code === ImportIssueCode.MISSING_COLUMN && name !== undefined
            ? { ...issue, message: `${issue.message} (sheet "${name}"${defaulted ? "; --sheet reads another" : ""})` }
            : issue,
        );
        yield batch;
      }
    },
  };
}

/** Records that end at once with `error` (the file's one issue). */
async function* failing(error: JincaiError): AsyncGenerator<RecordChunk> {
  throw error;
}
