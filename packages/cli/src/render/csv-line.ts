/**
 * Formats one CSV line (RFC 4180 quoting: a cell with a comma, quote, CR or LF is quoted and its
 * quotes doubled).
 *
 * @example
 * ```ts
 * csvLine(["a", "b,c", 'say "hi"']); // 'a,"b,c","say ""hi"""'
 * ```
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}
