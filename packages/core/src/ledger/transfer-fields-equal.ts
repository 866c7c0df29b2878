/**
 * Idempotency comparison: whether a transfer input asks for exactly what an existing transfer is.
 */
import type { TransferInput } from "./transfer";
import type { TransferDraft } from "./transfer-plan";

/**
 * Tells whether `input` describes the same transfer as `existing` (same id assumed). Compares the
 * phase (default `posted`), accounts, amount, date, pendingId, expiresOn and references (deeply).
 * For `post`/`void` an omitted account matches the resolved one; for `post` an omitted amount
 * matches (it meant "the full pending amount"); a `void`'s amount is ignored. `null` and
 * `undefined` are treated alike, so rows read back from SQL compare equal.
 *
 * @example
 * ```ts
 * const t = { id: "t1", phase: "posted", debitAccountId: "a", creditAccountId: "b", amount: 100n,
 *   date: "2026-03-01", references: {} } as const;
 * transferFieldsEqual({ id: "t1", debitAccountId: "a", creditAccountId: "b", amount: 100n, date: "2026-03-01" }, t); // true
 * transferFieldsEqual({ id: "t1", debitAccountId: "a", creditAccountId: "b", amount: 99n, date: "2026-03-01" }, t); // false
 * ```
 */
export function transferFieldsEqual(input: TransferInput, existing: TransferDraft): boolean {
  const phase = input.phase ?? "posted";
  if (phase !== existing.phase || input.date !== existing.date) return false;
  if ((input.pendingId ?? undefined) !== (existing.pendingId ?? undefined)) return false;
  if ((input.expiresOn ?? undefined) !== (existing.expiresOn ?? undefined)) return false;
  const resolving = phase === "post" || phase === "void";
  if (!sameOrResolved(input.debitAccountId, existing.debitAccountId, resolving)) return false;
  if (!sameOrResolved(input.creditAccountId, existing.creditAccountId, resolving)) return false;
  if (phase !== "void" && !sameOrResolved(input.amount, existing.amount, phase === "post")) return false;
  return deepEqual(input.references ?? {}, existing.references ?? {});
}

function sameOrResolved<T>(given: T | undefined, stored: T, mayOmit: boolean): boolean {
  return given === stored || (mayOmit && (given === undefined || given === null));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = definedKeys(ra);
  const kb = definedKeys(rb);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!deepEqual(ra[k], rb[k])) return false;
  }
  return true;
}

function definedKeys(o: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k in o) {
    if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined && o[k] !== null) keys.push(k);
  }
  return keys;
}
