/**
 * Internal: whether an id is empty or only whitespace (`"   "`, a full-width `"　"`), which the
 * ledger refuses as `id_must_not_be_empty`. Allocation-free on the common path: an id starting
 * with a printable ASCII character is not blank, so `trim` runs only for the rare rest.
 *
 * @example
 * ```ts
 * isBlankId("pay:ZF001"); // false
 * isBlankId("   ");       // true
 * ```
 */
export function isBlankId(id: string): boolean {
  if (id.length === 0) return true;
  const first = id.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return id.trim().length === 0;
}
