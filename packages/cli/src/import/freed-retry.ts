/**
 * Rows that a chunk's own refunds or rejections would have let through. A chunk's payments are
 * checked and written together, its rejections (退回) and refunds (退票) after them, so a payment
 * that only fits because an earlier row of the same chunk gave its amount back was refused:
 * whether it was depended on where the 1,000-row chunks happened to break. After the chunk,
 * each such row is tried again, in file order, against the store as it now is, less what rows
 * after it gave back (they came later, so in strict row order it could not have had that).
 * Rows after it that fitted first keep their amounts: it may still lose to them, as a row held
 * back behind a replay may (see treasury's applyPayments).
 */
import { planPayment } from "@jincai/treasury";
import type { FreshPayments, PaymentContext, PaymentImportRow, PaymentItemResult } from "@jincai/treasury";
import type { StoreTx } from "@jincai/core";

const OVERSPENT = new Set(["TREASURY_EXCEEDS_QUOTA", "TREASURY_EXCEEDS_CONTROL"]);

/** A chunk's row as the retry sees it. */
export interface ChunkRow {
  /** The treasury input of the row. */
  readonly input: PaymentImportRow;
  /** The row gave availability back in this chunk (a refund or a rejection that was applied). */
  readonly freed: boolean;
  /** The row was refused for want of availability and may be tried again (a payment alone, no refund or step to follow). */
  readonly overspent: boolean;
}

/**
 * Tries again the overspent rows that follow a freeing row; returns their new results by
 * position in `rows` (only those that changed: now applied, or refused with new figures).
 *
 * @example
 * ```ts
 * for (const [k, result] of await retryAfterFreeing(tx, rows, context, fresh, apply)) results[k] = result;
 * ```
 */
export async function retryAfterFreeing(
  tx: StoreTx,
  rows: readonly ChunkRow[],
  context: PaymentContext,
  fresh: FreshPayments,
  apply: (tx: StoreTx, rows: readonly PaymentImportRow[], context: PaymentContext, fresh: FreshPayments, unavailable: ReadonlyMap<string, bigint>) => Promise<PaymentItemResult[]>,
): Promise<Map<number, PaymentItemResult>> {
  const out = new Map<number, PaymentItemResult>();
  const first = rows.findIndex((r) => r.freed);
  if (first < 0 || !rows.some((r, k) => k > first && r.overspent)) return out;
  // What each freeing row gave back, per account (its line and controls).
  const given: { readonly k: number; readonly accounts: readonly string[]; readonly amount: bigint }[] = [];
  for (let k = first; k < rows.length; k++) {
    if (!rows[k]!.freed) continue;
    const input = rows[k]!.input;
    try {
      given.push({ k, accounts: planPayment(input, context, "submitted").plan.checks.map((c) => c.accountId), amount: input.amount });
    } catch {
      // Not plannable on its own any more (its date, say): what it gave back cannot be placed, so
      // no row is tried again rather than one let through on a later row's amount.
      return out;
    }
  }
  // A payment the chunk mentions again later (paid the next day, say) was taken up by that row.
  const lastRow = new Map<string, number>();
  rows.forEach((r, k) => lastRow.set(r.input.paymentNumber, k));
  for (let k = first + 1; k < rows.length; k++) {
    if (!rows[k]!.overspent || lastRow.get(rows[k]!.input.paymentNumber) !== k) continue;
    const unavailable = new Map<string, bigint>();
    for (const g of given) {
      if (g.k < k) continue;
      for (const a of g.accounts) unavailable.set(a, (unavailable.get(a) ?? 0n) + g.amount);
    }
    const [result] = await apply(tx, [rows[k]!.input], context, fresh, unavailable);
    out.set(k, { ...result!, index: k });
  }
  return out;
}

/** Whether a result is a refusal for want of availability. */
export function isOverspent(result: PaymentItemResult): boolean {
  return OVERSPENT.has(result.status);
}
