/**
 * The CSV import pipeline: bytes → text (detected or forced encoding) → tokenized records, then
 * {@link readRecordRows}: header resolution → validated rows in batches. Nothing here touches a
 * file system or a store.
 */
import { csvRecords } from "./csv-records";
import { decodeSource, type DecodeState, type ImportSource } from "./decode-source";
import type { ImportEncoding } from "./detect-encoding";
import { readRecordRows, type CsvRowReader, type ReadRecordRowsOptions } from "./read-record-rows";
import type { RowSchema } from "./row-schema";

/**
 * Options of {@link readCsvRows}.
 *
 * @example
 * ```ts
 * const options: ReadCsvRowsOptions = { file: "payments.csv", encoding: "gb18030", keepCells: true, batchSize: 10_000 };
 * const reader = readCsvRows(source, paymentRowSchema, options);
 * ```
 */
export interface ReadCsvRowsOptions extends ReadRecordRowsOptions {
  /** Forces the encoding; detected from the first 64 KB when absent. */
  encoding?: ImportEncoding;
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
  const decoding: DecodeState = { encoding: undefined, bytesRead: 0, replaced: false };
  return readRecordRows({ records: csvRecords(decodeSource(source, options.encoding, decoding)), state: decoding }, schema, options);
}
