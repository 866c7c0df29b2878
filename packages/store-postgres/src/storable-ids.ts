/**
 * Ids as PostgreSQL can be asked about them. Its text type cannot hold U+0000, so no stored row
 * has such an id, and sending one in a query fails the whole statement ("invalid byte sequence").
 * Core refuses such ids per item (`id_has_spaces_or_controls`); lookups leave them out, so they
 * are simply not found.
 */

/**
 * The ids that can name a stored row, without duplicates, in input order.
 *
 * @example
 * ```ts
 * storableIds(["q1", "q\u00001", "q1"]); // ["q1"]
 * ```
 */
export function storableIds(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) if (!id.includes("\u0000")) out.add(id);
  return [...out];
}
