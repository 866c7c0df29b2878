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

/**
 * Internal: whether a (non-blank) id has whitespace around it (`" quota:1"`, `"pay:ZF1\t"`, a
 * full-width space) or a control character anywhere (U+0000–U+001F, U+007F–U+009F), which the
 * ledger refuses as `id_has_spaces_or_controls`: `" quota:1"` would be an account of its own beside
 * `"quota:1"`, and PostgreSQL text cannot hold U+0000 at all. Allocation-free when the first and
 * last characters are printable ASCII, as ids almost always are. (Half a surrogate pair is
 * {@link hasLoneSurrogate}'s, checked before an id is looked up.)
 *
 * @example
 * ```ts
 * hasSpacesOrControls("pay:ZF001");  // false
 * hasSpacesOrControls("pay:ZF1\t");  // true
 * hasSpacesOrControls("pay:Z\u0000F1"); // true
 * ```
 */
export function hasSpacesOrControls(id: string): boolean {
  const n = id.length;
  if (n === 0) return false;
  const first = id.charCodeAt(0);
  const last = id.charCodeAt(n - 1);
  if (!(first > 32 && first < 127 && last > 32 && last < 127) && id.trim() !== id) return true;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 32 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/**
 * Internal: whether a text holds half of a UTF-16 surrogate pair. No store keeps one as given
 * (SQLite and PostgreSQL store UTF-8, where it becomes U+FFFD), so an id holding one names
 * nothing stored, and looking it up could find the id with U+FFFD in its place: the ledger
 * refuses such an id before it looks it up.
 *
 * @example
 * ```ts
 * hasLoneSurrogate("pay:ZF1\ud800"); // true
 * hasLoneSurrogate("武汉😀");          // false
 * ```
 */
export function hasLoneSurrogate(text: string): boolean {
  // String.prototype.isWellFormed (Node 20): not in TypeScript's ES2022 lib. A JavaScript caller's
  // non-text id is left to the checks that name it.
  return typeof text === "string" && !(text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Internal: whether a text holds something no store keeps as given: U+0000 (PostgreSQL text
 * cannot hold it) or half of a UTF-16 surrogate pair (SQLite stores UTF-8, where it becomes
 * U+FFFD, so what is read back differs from what was written).
 *
 * @example
 * ```ts
 * isUnstorableText("武汉某某公司"); // false
 * isUnstorableText("ZF1\ud800");   // true
 * ```
 */
export function isUnstorableText(text: string): boolean {
  return text.includes("\u0000") || hasLoneSurrogate(text);
}
