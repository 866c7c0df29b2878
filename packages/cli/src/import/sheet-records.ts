/**
 * Spreadsheet input: the rows of one worksheet of an `.xlsx` workbook as import records, read as
 * a stream with exceljs's WorkbookReader (a well-kept reader of the format; the workbook is never
 * held whole in memory). Each record carries its sheet row number, so issues read
 * `payments.xlsx:17:5` as Excel numbers rows and columns. Cells become text through
 * {@link sheetCellText}; a sheet stores no trailing empty cells, so its rows are read `ragged`
 * (padded to the header's width). A workbook that cannot be read ends the records with `IMPORT_WORKBOOK`.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import { ImportIssueCode, JincaiError } from "@jincai/core";
import type { RecordChunk, RecordSource } from "@jincai/core";
import type ExcelJS from "exceljs";
import { sheetCellText } from "./sheet-cell-text";

/** Options of {@link sheetRecords}. */
export interface SheetRecordsOptions {
  /** The worksheet: its name, or its number from 1; the first sheet when absent. */
  readonly sheet?: string;
  /** The file name used in messages. */
  readonly file: string;
}

/** What a file's first bytes say it is. */
export type FileKind = "xlsx" | "xls" | "text";

/** Records per chunk handed to the validator. */
const CHUNK = 1000;

/**
 * Whether a file is an `.xlsx` workbook (a zip), an Excel 97–2003 `.xls` (an OLE compound file),
 * or anything else (read as CSV text), from its first bytes.
 *
 * @example
 * ```ts
 * await fileKind("payments.xlsx"); // "xlsx"
 * ```
 */
export async function fileKind(path: string): Promise<FileKind> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return "xlsx";
    if (bytesRead === 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return "xls";
    return "text";
  } finally {
    await handle.close();
  }
}

/**
 * The records of one worksheet of an `.xlsx` file, with the bytes read so far for progress.
 *
 * @example
 * ```ts
 * const reader = readRecordRows(sheetRecords("payments.xlsx", { file: "payments.xlsx", sheet: "支付" }), paymentRowSchema, { file: "payments.xlsx" });
 * ```
 */
export function sheetRecords(path: string, options: SheetRecordsOptions): SheetSource {
  const state = { bytesRead: 0, encoding: undefined, replaced: false, sheet: undefined };
  return { records: records(path, options, state), state };
}

/** The records of a worksheet, with the name of the sheet read once it is found. */
export interface SheetSource extends RecordSource {
  /** Reading state, and the sheet read (once found). */
  readonly state: RecordSource["state"] & { readonly sheet: string | undefined };
}

async function* records(path: string, options: SheetRecordsOptions, state: { bytesRead: number; sheet: string | undefined }): AsyncGenerator<RecordChunk> {
  // Loaded on first use: exceljs costs every other command about 0.3 s and 20 MB at start.
  const { default: excel } = await import("exceljs");
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // Bytes are counted as the reader pulls them (a "data" listener would start the flow early).
  const counted = stream.pipe(new Transform({
    transform(chunk: Buffer, _encoding, done) {
      state.bytesRead += chunk.length;
      done(null, chunk);
    },
  }));
  const seen: string[] = [];
  try {
    const reader = new excel.stream.xlsx.WorkbookReader(counted, {
      sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore",
    });
    let number = 0;
    for await (const sheet of reader) {
      number++;
      const name = (sheet as unknown as { name?: string }).name ?? `Sheet${number}`;
      seen.push(name);
      if (!wanted(options.sheet, name, number)) {
        // Read through: exceljs deletes a sheet it parked in a temporary file once the sheet's
        // reader is left, and a reader never iterated would then fail to open that file.
        for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) void _row;
        continue;
      }
      state.sheet = name;
      yield* rows(sheet as AsyncIterable<ExcelJS.Row>);
      return;
    }
  } catch (error) {
    if (error instanceof JincaiError) throw error;
    throw workbookError(`${options.file} cannot be read as an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`, { reason: String(error) });
  } finally {
    stream.destroy();
    counted.destroy();
  }
  throw workbookError(
    seen.length === 0 ? `${options.file} has no worksheet` : `${options.file} has no sheet ${JSON.stringify(options.sheet)} (its sheets: ${seen.join(", ")})`,
    { sheets: seen },
  );
}

/** The rows of a worksheet in chunks (without their trailing empty cells: see `ragged`). */
async function* rows(sheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RecordChunk> {
  let chunk: RecordChunk = { records: [], lines: [] };
  for await (const row of sheet) {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(sheetCellText(values[c]));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    chunk.records.push(cells);
    chunk.lines.push(row.number);
    if (chunk.records.length >= CHUNK) {
      yield chunk;
      chunk = { records: [], lines: [] };
    }
  }
  if (chunk.records.length > 0) yield chunk;
}

function wanted(sheet: string | undefined, name: string, number: number): boolean {
  if (sheet === undefined) return true;
  return sheet === name || (/^\d+$/.test(sheet) && Number(sheet) === number);
}

function workbookError(message: string, details: Record<string, unknown>): JincaiError {
  return new JincaiError(ImportIssueCode.WORKBOOK, message, { details: { line: 1, column: 0, ...details } });
}
