/**
 * Quarantine output: the rejected rows of an import as CSV text, with their original cells
 * and a `reason` column appended, so a clerk can fix them in Excel and import them again.
 * Core has no file system: these functions return text or hand it to a callback, and the CLI
 * writes (and, for a GB18030 source, may re-encode) the file.
 */
import type { RejectedRow } from "./row-validator";

/**
 * The name of the column appended to quarantine files.
 *
 * @example
 * ```ts
 * quarantineHeaderLine(["单位编码", "金额"]); // "单位编码,金额,reason\r\n"
 * const reasonAt = header.indexOf(QUARANTINE_REASON_COLUMN); // reading a quarantine file back: why each row was refused
 * ```
 */
export const QUARANTINE_REASON_COLUMN = "reason";

/**
 * Formats cells as one CSV line (RFC 4180: cells with a comma, quote, line break or
 * surrounding space are quoted, quotes doubled), ending with `\r\n` as Excel writes.
 *
 * @example
 * ```ts
 * toCsvLine(["101001", 'say "hi"', "a,b"]); // '101001,"say ""hi""","a,b"\r\n'
 * ```
 */
export function toCsvLine(cells: readonly string[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) out += ",";
    out += /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return `${out}\r\n`;
}

/**
 * The header line of a quarantine file: the source header plus `reason`.
 *
 * @param header - the source file's header cells as read
 * @example
 * ```ts
 * quarantineHeaderLine(["单位编码", "金额"]); // "单位编码,金额,reason\r\n"
 * ```
 */
export function quarantineHeaderLine(header: readonly string[]): string {
  return toCsvLine([...header, QUARANTINE_REASON_COLUMN]);
}

/**
 * One rejected row as a quarantine line: its original cells, padded to the header's width so
 * the reason lines up, and a reason listing each issue as `line:column CODE message`.
 *
 * @param row - the rejected row
 * @param width - the number of header cells
 * @example
 * ```ts
 * quarantineRowLine(rejected, 2);
 * // '101001,12.345,"17:2 IMPORT_INVALID_AMOUNT amount ""12.345"" has more than two decimals"\r\n'
 * ```
 */
export function quarantineRowLine(row: RejectedRow, width: number): string {
  const cells = row.cells.length < width ? [...row.cells, ...new Array<string>(width - row.cells.length).fill("")] : [...row.cells];
  const reason = row.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`).join("; ");
  cells.push(reason);
  return toCsvLine(cells);
}

/**
 * Writes quarantine text as rejected rows arrive; see {@link createQuarantineWriter}.
 *
 * @example
 * ```ts
 * const writer: QuarantineWriter = createQuarantineWriter((text) => appendFile("payments.rejected.csv", text));
 * for await (const batch of reader) await writer.add(batch.rejected, reader.stats.header ?? []);
 * writer.count; // 1: rows written to the quarantine file
 * ```
 */
export interface QuarantineWriter {
  /**
   * Writes the rows (and, before the first one, the header line from `header`, with `notes`
   * above it: lines such as `单位：万元` that the rows need to be read as they were).
   */
  add(rows: readonly RejectedRow[], header: readonly string[], notes?: readonly string[]): Promise<void>;
  /** How many rows were written. */
  readonly count: number;
}

/**
 * A writer that turns rejected rows into quarantine lines and hands them to `write` (a file
 * stream's write, a `WritableStream` writer, or an array push). Nothing is written until the
 * first row, so a clean import leaves no quarantine file behind.
 *
 * @param write - receives text; awaited when it returns a promise
 * @example
 * ```ts
 * const lines: string[] = [];
 * const writer = createQuarantineWriter((text) => void lines.push(text));
 * for await (const batch of reader) await writer.add(batch.rejected, reader.stats.header ?? []);
 * ```
 */
export function createQuarantineWriter(write: (text: string) => void | Promise<void>): QuarantineWriter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async add(rows, header, notes = []) {
      if (rows.length === 0) return;
      // A quarantine file imported again ends with the old reason: the new reason replaces it,
      // so the file does not grow a column (and keep a stale reason) each round.
      const again = header.length > 0 && header[header.length - 1]!.trim().toLowerCase() === QUARANTINE_REASON_COLUMN;
      const width = again ? header.length - 1 : header.length;
      let text = count === 0 ? notes.map((note) => toCsvLine([note])).join("") + quarantineHeaderLine(header.slice(0, width)) : "";
      for (const row of rows) text += quarantineRowLine(again ? withoutCell(row, width) : row, width);
      count += rows.length;
      await write(text);
    },
  };
}

/** The row without its cell at `index` (a previous round's reason). */
function withoutCell(row: RejectedRow, index: number): RejectedRow {
  if (row.cells.length <= index) return row;
  return { ...row, cells: [...row.cells.slice(0, index), ...row.cells.slice(index + 1)] };
}
