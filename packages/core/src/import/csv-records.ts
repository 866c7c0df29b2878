/**
 * Runs the {@link CsvTokenizer} over decoded text and hands records out in chunks with the
 * physical line each record starts on (1 + the line breaks inside quoted cells, `\r\n` counting
 * once). Blank lines arrive as records too (so they are counted); the caller skips them. Cells
 * are never trimmed or cast here. A quote error is fatal: the structure after it cannot be
 * trusted, so reading stops.
 */
import { CsvTokenizer, type RecordChunk } from "./csv-tokenizer";

export type { RecordChunk } from "./csv-tokenizer";

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
  const tokenizer = new CsvTokenizer();
  for await (const text of texts) {
    tokenizer.write(text);
    if (tokenizer.size > 0) yield tokenizer.take();
    if (tokenizer.failure !== undefined) throw tokenizer.failure;
  }
  tokenizer.end();
  if (tokenizer.size > 0) yield tokenizer.take();
  if (tokenizer.failure !== undefined) throw tokenizer.failure;
}
