/**
 * Normalises a header text for matching: Unicode NFKC (full-width letters and brackets to
 * half-width), a stray BOM removed, lower case, and spaces, `_`, `-` and `*` (the "required"
 * star of Excel templates) dropped. So `Agency Code`, `agency_code` and `AGENCY-CODE` match,
 * and so do `单位编码*` and ` 单位编码 `.
 *
 * @param text - a header cell or an alias
 * @returns the matching key
 * @example
 * ```ts
 * normalizeHeader(" Agency Code* "); // "agencycode"
 * normalizeHeader("金额（元）");      // "金额(元)"
 * ```
 */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/[\uFEFF\s_\-*]/g, "").toLowerCase();
}
