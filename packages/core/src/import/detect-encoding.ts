/**
 * The text encodings the CSV import reads: UTF-8 (with or without BOM) and GB18030 (GBK).
 *
 * @example
 * ```ts
 * const encoding: ImportEncoding = "gb18030"; // a file exported from a GBK system
 * const reader = readCsvRows(source, paymentRowSchema, { file: "payments.csv", encoding });
 * ```
 */
export type ImportEncoding = "utf-8" | "gb18030";

/**
 * What {@link detectEncoding} can find: an import encoding, or UTF-16 (which it refuses).
 *
 * @example
 * ```ts
 * const found: DetectedEncoding = detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00])); // "utf-16le"
 * if (found === "utf-16le" || found === "utf-16be") console.error("save the file as UTF-8 or GBK");
 * ```
 */
export type DetectedEncoding = ImportEncoding | "utf-16le" | "utf-16be";

/**
 * How many leading bytes decide between UTF-8 and GB18030 when there is no BOM.
 *
 * @example
 * ```ts
 * const prefix = bytes.subarray(0, DETECT_PREFIX_BYTES); // the first 64 KB
 * detectEncoding(prefix); // "utf-8" or "gb18030"
 * ```
 */
export const DETECT_PREFIX_BYTES = 64 * 1024;

/**
 * Detects a CSV file's encoding from its first bytes: a byte-order mark decides; otherwise the
 * prefix is UTF-8 if it decodes as strict UTF-8, else GB18030 (the usual Excel export in China).
 * A multibyte character cut at the end of the prefix does not count against UTF-8.
 *
 * @param prefix - the first bytes of the file (up to {@link DETECT_PREFIX_BYTES})
 * @returns the detected encoding
 * @example
 * ```ts
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // "utf-8"
 * detectEncoding(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb])); // "gb18030" (单位 in GBK)
 * ```
 */
export function detectEncoding(prefix: Uint8Array): DetectedEncoding {
  const [b0, b1, b2] = prefix;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  try {
    // `stream: true` keeps a character cut at the end of the prefix pending instead of failing.
    new TextDecoder("utf-8", { fatal: true }).decode(prefix, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}
