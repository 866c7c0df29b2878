/**
 * Internal to the ledger seals: how a seal marks one account or document (a short hash of its
 * canonical line, enough to name the item that changed) and how findings name items.
 */
import type { AuditHasher } from "./audit-hasher";

/** Hex digits of an item's line hash a seal keeps (64 bits, 16 bytes per item). */
export const SEAL_MARK_DIGITS = 16;

/**
 * The mark of an item's sealed line: the first {@link SEAL_MARK_DIGITS} hex digits of its hash.
 *
 * @example
 * ```ts
 * await sealMark('["quota:ZB1","quota","ZB1",null,"credit",{},{}]\n', sha256Hasher); // "3f9a…" (16 digits)
 * ```
 */
export async function sealMark(line: string, hasher: AuditHasher): Promise<string> {
  return (await hasher.hash(new TextEncoder().encode(line))).slice(0, SEAL_MARK_DIGITS);
}

/**
 * Ids in JavaScript string order, the order seals record and digest them in.
 *
 * @example
 * ```ts
 * ["b", "a"].sort(compareIds); // ["a", "b"]
 * ```
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Up to ten ids, then how many more, then what happened to them: `ZF1, ZF2 changed`; empty for none.
 *
 * @example
 * ```ts
 * namedIds(["ZF1", "ZF2"], "changed"); // "ZF1, ZF2 changed"
 * namedIds([], "missing"); // ""
 * ```
 */
export function namedIds(ids: readonly string[], what: string): string {
  if (ids.length === 0) return "";
  return `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ` and ${ids.length - 10} more` : ""}${what === "" ? "" : ` ${what}`}`;
}
