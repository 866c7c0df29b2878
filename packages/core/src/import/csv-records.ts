/**
 * Drives csv-parse's streaming parser over decoded text and hands records out in chunks with
 * the physical line each record starts on. Lines are counted from the records themselves
 * (1 + the line breaks inside quoted cells, `\r\n` counting once), not from csv-parse's
 * counter, so they stay right whenever csv-parse delivers a record. Blank lines arrive as
 * records too (so they are counted); the caller skips them. Cells are never trimmed or cast
 * here. A quote error is fatal: the structure after it cannot be trusted, so reading stops.
 */
import { CsvError, Parser } from "csv-parse";
import { JincaiError } from "../errors/jincai-error";
import { ImportIssueCode } from "./import-issue-code";

/** Records parsed from one piece of text, with the start line of each. */
export interface RecordChunk {
  /** The records, as csv-parse returned them (one string per cell). */
  records: string[][];
  /** `lines[i]` is the 1-based physical line where `records[i]` starts. */
  lines: number[];
}

/**
 * Parses CSV text chunks into records with their start lines.
 *
 * @param texts - decoded text in order
 * @throws {JincaiError} IMPORT_CSV_SYNTAX on a quote error, with `details.line` and
 *   `details.column` (thrown after the records before it have been yielded)
 * @example
 * ```ts
 * for await (const { records, lines } of csvRecords(texts)) console.log(lines[0], records[0]);
 * ```
 */
export async function* csvRecords(
  texts: AsyncIterable<string>,
): AsyncGenerator<RecordChunk, void, undefined> {
  const parser = new Parser({ relax_column_count: true, skip_empty_lines: false, bom: false });
  let records: string[][] = [];
  let failure: unknown;
  parser.on("data", (record: string[]) => void records.push(record));
  const settled = new Promise<void>((resolve) => {
    parser.once("end", resolve);
    parser.once("close", resolve);
    parser.once("error", (error: unknown) => {
      failure = error;
      resolve();
    });
  });
  // One macrotask lets the 'data' listener switch the stream to flowing before the first
  // write, so records are delivered as they are parsed rather than held in a buffer.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  let nextLine = 1;
  const take = (): RecordChunk => {
    const chunk = records;
    records = [];
    const lines = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      lines[i] = nextLine;
      nextLine += 1 + breaksIn(chunk[i] as string[]);
    }
    return { records: chunk, lines };
  };
  try {
    for await (const text of texts) {
      const ok = parser.write(text);
      if (records.length > 0) yield take();
      if (parser.destroyed) break;
      if (!ok) await drained(parser);
    }
    if (!parser.destroyed) parser.end();
    await settled;
    if (records.length > 0) yield take();
    if (failure !== undefined) throw syntaxError(failure, nextLine);
  } finally {
    // Also reached when the consumer stops early: release the parser and its buffers.
    if (!parser.destroyed) parser.destroy();
  }
}

function drained(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off("drain", done);
      parser.off("close", done);
      resolve();
    };
    parser.once("drain", done);
    parser.once("close", done);
  });
}

/** Line breaks inside the cells of one record: `\r\n`, `\n` and `\r` each count once. */
function breaksIn(record: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < record.length; i++) {
    const cell = record[i] as string;
    if (cell.indexOf("\n") === -1 && cell.indexOf("\r") === -1) continue;
    for (let j = 0; j < cell.length; j++) {
      const c = cell.charCodeAt(j);
      if (c === 0x0a) count++;
      else if (c === 0x0d && cell.charCodeAt(j + 1) !== 0x0a) count++;
    }
  }
  return count;
}

function syntaxError(failure: unknown, line: number): JincaiError {
  if (!(failure instanceof CsvError)) {
    return new JincaiError(ImportIssueCode.CSV_SYNTAX, String(failure), {
      details: { line, column: 0 },
      cause: failure,
    });
  }
  const index = (failure as unknown as { index?: unknown }).index;
  const column = typeof index === "number" ? index + 1 : 0;
  return new JincaiError(ImportIssueCode.CSV_SYNTAX, describe(failure), {
    details: { line, column, csvCode: failure.code },
    cause: failure,
  });
}

function describe(failure: CsvError): string {
  switch (failure.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell opened in this record is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a closing quote is followed by text instead of a comma or the end of the line";
    case "INVALID_OPENING_QUOTE":
      return "a quote appears inside an unquoted cell (wrap the cell in quotes and double it)";
    default:
      return failure.message;
  }
}
