/**
 * Internal to the ledger seals: how a seal marks one account or document (a short hash of its
 * canonical line, enough to name the item that changed) and how findings name items.
 */
import type { AuditHasher } from "./audit-hasher";

/**
 * Hex digits of an item's line hash a seal keeps: 128 bits since session 17 (64 before). For a
 * document the mark is the only check of its line (accounts also have the last seal's full
 * digest), so it must resist a second preimage: an edit made to hash to the same 64 bits takes
 * about 2^64 SHA-256 evaluations, within reach of a large GPU farm in weeks, while 2^128 is not.
 * Costs 16 more bytes per item in the kept record (about 1.1 MB for 70,000 documents).
 */
export const SEAL_MARK_DIGITS = 32;

/** The shortest mark a seal ever kept (64 bits, before session 17): shorter ones are not believed. */
const OLDEST_MARK_DIGITS = 16;

/**
 * The mark of an item's sealed line: the first {@link SEAL_MARK_DIGITS} hex digits of its hash.
 *
 * @example
 * ```ts
 * await sealMark('["quota:ZB1","quota","ZB1",null,"credit",{},{}]\n', sha256Hasher); // "3f9a…" (32 digits)
 * ```
 */
export async function sealMark(line: string, hasher: AuditHasher): Promise<string> {
  return (await hasher.hash(new TextEncoder().encode(line))).slice(0, SEAL_MARK_DIGITS);
}

/**
 * Whether an item's line now still gives the mark a seal kept: the kept mark's length decides how
 * many digits are compared, so the 16-digit marks of seals made before session 17 verify as they
 * were made, and new ones by 32 digits. A mark shorter than 16 digits never agrees.
 *
 * @example
 * ```ts
 * await markAgrees(line, "3f9a0c…", sha256Hasher); // true while the line is as sealed
 * ```
 */
export async function markAgrees(line: string, mark: string, hasher: AuditHasher): Promise<boolean> {
  if (mark.length < OLDEST_MARK_DIGITS) return false;
  const now = await hasher.hash(new TextEncoder().encode(line));
  return mark.length <= now.length && now.startsWith(mark);
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
