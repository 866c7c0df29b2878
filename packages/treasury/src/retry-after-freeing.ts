/**
 * Rows that a chunk's own refunds or rejections would have let through. An import checks and
 * writes a chunk's payments together (applyPayments), its rejections (退回) and refunds (退票)
 * after them (advancePayments, refundPayments), so a payment that only fits because an earlier
 * row of the same chunk gave its amount back was refused: whether it was depended on where the
 * 1,000-row chunks happened to break. After the chunk,
 * each such row is tried again, in file order, against the store as it now is, less what rows
 * after it gave back (they came later, so in strict row order it could not have had that).
 * Rows after it that fitted first keep their amounts: it may still lose to them, as a row held
 * back behind a replay may (see applyPayments).
 */
import type { StoreTx } from "@jincai/core";
import { applyPayments } from "./apply-payments";
import { TreasuryErrorCode } from "./error-codes";
import type { FreshPayments } from "./fresh-payments";
import type { PaymentContext } from "./payment-context";
import { planPayment } from "./plan-payment";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";

const OVERSPENT = new Set<string>([TreasuryErrorCode.EXCEEDS_QUOTA, TreasuryErrorCode.EXCEEDS_CONTROL]);

/**
 * Applies rows again, holding back `unavailable` fen per account.
 *
 * @example
 * ```ts
 * const apply: RetryApply = (tx, rows, context, fresh, unavailable) => applyPayments(tx, rows, context, fresh, { unavailable });
 * await retryAfterFreeing(tx, retryRows, context, fresh, apply);
 * ```
 */
export type RetryApply = (
  tx: StoreTx,
  rows: readonly PaymentImportRow[],
  context: PaymentContext,
  fresh: FreshPayments,
  unavailable: ReadonlyMap<string, bigint>,
) => Promise<PaymentItemResult[]>;

/**
 * What an overspent row lacked, and where.
 *
 * @example
 * ```ts
 * const shortfall: Shortfall | undefined = shortfallOf(result);
 * // { level: "quota Q-2026-001", amount: 300000n }: 3,000.00 short on the line
 * ```
 */
export interface Shortfall {
  /** The level that refused it: `quota Q1` or `control C302` (a reservation check's kind and id). */
  readonly level: string;
  /** The fen it lacked there (requested − available). */
  readonly amount: bigint;
}

/**
 * A chunk's row as {@link retryAfterFreeing} sees it.
 *
 * @example
 * ```ts
 * const row: RetryRow = {
 *   input: paymentRow, freed: false, overspent: true,
 *   shortfall: { level: "quota Q-2026-001", amount: 300_000n },
 * };
 * await retryAfterFreeing(tx, [refundRow, row], context, fresh);
 * ```
 */
export interface RetryRow {
  /** The treasury input of the row. */
  readonly input: PaymentImportRow;
  /** The row gave availability back in this chunk (a refund or a rejection that was applied). */
  readonly freed: boolean;
  /**
   * The row was refused for want of availability and may be tried again. A row whose status
   * has a step after the reservation or payment (approved, rejected, refunded) is tried as that
   * reservation or payment; the caller takes the step when it goes through.
   */
  readonly overspent: boolean;
  /** For an overspent row: the level that refused it (`quota Q1`, `control C302`) and the fen it lacked there. */
  readonly shortfall?: Shortfall;
}

/**
 * Tries again the overspent rows that follow a freeing row; returns their new results by
 * position in `rows` (only those tried again: now applied, or refused with new figures).
 *
 * @param apply - How a row is applied again (`applyPayments` holding back `unavailable`; tests
 *   pass their own to see what is asked).
 * @example
 * ```ts
 * for (const [k, result] of await retryAfterFreeing(tx, rows, context, fresh)) results[k] = result;
 * ```
 */
export async function retryAfterFreeing(
  tx: StoreTx,
  rows: readonly RetryRow[],
  context: PaymentContext,
  fresh: FreshPayments,
  apply: RetryApply = (t, r, c, f, unavailable) => applyPayments(t, r, c, f, { unavailable }),
): Promise<Map<number, PaymentItemResult>> {
  const out = new Map<number, PaymentItemResult>();
  const first = rows.findIndex((r) => r.freed);
  if (first < 0 || !rows.some((r, k) => k > first && r.overspent)) return out;
  // What each freeing row gave back, per account (its line and controls) and per level.
  const given: { readonly k: number; readonly accounts: readonly string[]; readonly levels: readonly string[]; readonly amount: bigint }[] = [];
  for (let k = first; k < rows.length; k++) {
    if (!rows[k]!.freed) continue;
    const input = rows[k]!.input;
    try {
      const checks = planPayment(input, context, "submitted").plan.checks;
      given.push({ k, accounts: checks.map((c) => c.accountId), levels: checks.map((c) => `${c.kind} ${c.id}`), amount: input.amount });
    } catch {
      // Not plannable on its own any more (its date, say): what it gave back cannot be placed, so
      // no row is tried again rather than one let through on a later row's amount.
      return out;
    }
  }
  // A payment the chunk mentions again later (paid the next day, say) was taken up by that row.
  const lastRow = new Map<string, number>();
  rows.forEach((r, k) => lastRow.set(r.input.paymentNumber, k));
  // What the rows so far gave back per level, less what retried rows took of it: a row is tried
  // again only when that covers what it lacked, so a file of plain overspends costs nothing more.
  const pool = new Map<string, bigint>();
  let next = 0;
  for (let k = first + 1; k < rows.length; k++) {
    for (; next < given.length && given[next]!.k < k; next++) {
      for (const level of given[next]!.levels) pool.set(level, (pool.get(level) ?? 0n) + given[next]!.amount);
    }
    const row = rows[k]!;
    if (!row.overspent || lastRow.get(row.input.paymentNumber) !== k) continue;
    const lacking = row.shortfall;
    if (lacking === undefined || (pool.get(lacking.level) ?? 0n) < lacking.amount) continue;
    const unavailable = new Map<string, bigint>();
    for (const g of given) {
      if (g.k < k) continue;
      for (const a of g.accounts) unavailable.set(a, (unavailable.get(a) ?? 0n) + g.amount);
    }
    const [result] = await apply(tx, [row.input], context, fresh, unavailable);
    out.set(k, { ...result!, index: k });
    // Taken; or, refused again (rows after it took the room), none of it is counted on until
    // another row gives more back: at most one vain retry per level and freeing row.
    pool.set(lacking.level, result!.status === "ok" ? pool.get(lacking.level)! - row.input.amount : 0n);
  }
  return out;
}

/**
 * The level that refused an overspent row (`quota Q1`, `control C302`: the kinds and ids of
 * the reservation checks) and the fen it lacked there, from its result's details
 * (`quotaId` or `controlId`, `available`, `requested`).
 *
 * @example
 * ```ts
 * shortfallOf({ index: 0, paymentNumber: "C4", status: "TREASURY_EXCEEDS_CONTROL", details: { controlId: "C302", available: "5000", requested: "10000" } });
 * // { level: "control C302", amount: 5000n }
 * ```
 */
export function shortfallOf(result: PaymentItemResult): Shortfall | undefined {
  const d = result.details ?? {};
  const id = d["controlId"] ?? d["quotaId"];
  const kind = d["controlId"] !== undefined ? "control" : "quota";
  const fen = (v: unknown): bigint | undefined => (typeof v === "string" || typeof v === "bigint" ? BigInt(v) : undefined);
  const available = fen(d["available"]);
  const requested = fen(d["requested"]);
  if (typeof id !== "string" || available === undefined || requested === undefined) return undefined;
  return { level: `${kind} ${id}`, amount: requested - available };
}

/**
 * Whether a result is a refusal for want of availability (at the quota line or a control).
 *
 * @example
 * ```ts
 * isOverspent({ index: 0, paymentNumber: "ZF001", status: "TREASURY_EXCEEDS_CONTROL" }); // true
 * ```
 */
export function isOverspent(result: PaymentItemResult): boolean {
  return OVERSPENT.has(result.status);
}
