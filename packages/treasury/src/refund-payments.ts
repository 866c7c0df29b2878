/**
 * Refunds (退票) of many paid payments at once, for imports: each refund is read and checked as
 * `refundPayment` does, the reversing transfers of all of them go to the ledger in one
 * checked batch, then their documents in one store call. When that batch is refused, or a payment
 * appears twice, the refunds concerned are applied one by one, so every item gets the outcome it
 * would get alone, in item order. Payments the same chunk has just written as new (`fresh`, an
 * export's 已退票 rows) are not read back (see fresh-payments).
 */
import { isJincaiError } from "@jincai/core";
import type { JincaiError, StoreTx } from "@jincai/core";
import type { FreshPayments } from "./fresh-payments";
import type { Payment } from "./payment";
import type { PaymentContext } from "./payment-context";
import { paymentFromDocument, paymentRecord } from "./payment-record";
import { findPaymentStates } from "./payment-state";
import { applyRefund, prepareRefundOf, refundedDocument } from "./refund-payment";
import type { PreparedRefund, RefundStep } from "./refund-payment";

/**
 * One refund of a batch.
 *
 * @example
 * ```ts
 * const item: RefundItem = { paymentNumber: "ZF2026-000123", step: { refundNumber: "TP-01", date: "2026-03-20" } };
 * const [result] = await refundPayments(tx, [item], context);
 * ```
 */
export interface RefundItem {
  /** The payment refunded. */
  readonly paymentNumber: string;
  /** The refund. */
  readonly step: RefundStep;
}

/**
 * The outcome of one refund: the payment after it, or the error `refundPayment` would throw.
 *
 * @example
 * ```ts
 * const [result]: RefundItemResult[] = await refundPayments(tx, items, context);
 * if ("error" in result!) console.log(result.error.code); // e.g. "TREASURY_INVALID_REFUND"
 * else console.log(result.applied, result.payment.refundedAmount); // true 500000n
 * ```
 */
export type RefundItemResult =
  | {
      /** The payment after the refund. */
      readonly payment: Payment;
      /** Whether this call applied the refund (`false`: that refund number was applied before). */
      readonly applied: boolean;
    }
  | {
      /** Why the refund was refused (nothing of it was written). */
      readonly error: JincaiError;
    };

/**
 * Applies many refunds in one ledger batch; one result per item, in item order.
 *
 * @param context - As for `refundPayment`.
 * @param fresh - The payments `applyPayments` has just written as new and paid in this
 *   transaction (filled by it): their state is not read back.
 * @example
 * ```ts
 * const results = await refundPayments(tx, [{ paymentNumber: "ZF001", step: { refundNumber: "ZF001-R", date: "2026-03-20" } }], context);
 * // [{ payment: { paymentNumber: "ZF001", status: "refunded", ... } }]
 * ```
 */
export async function refundPayments(
  tx: StoreTx,
  items: readonly RefundItem[],
  context: PaymentContext,
  fresh?: FreshPayments,
): Promise<RefundItemResult[]> {
  const results = new Array<RefundItemResult | undefined>(items.length);
  const prepared: { readonly index: number; readonly refund: PreparedRefund }[] = [];
  const seen = new Set<string>();
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < items.length; i++) {
    // A second refund of the same payment must see the first one applied.
    const number = items[i]!.paymentNumber;
    (seen.has(number) ? later : first).push(i);
    seen.add(number);
  }
  // The payments of all first refunds are read in one go (two store calls, not two per refund).
  const states = await findPaymentStates(tx, first.map((i) => items[i]!.paymentNumber), fresh);
  for (let k = 0; k < first.length; k++) {
    const i = first[k]!;
    const item = items[i]!;
    const state = states[k];
    // A fresh payment's controls are its plan's (reading them back would probe each control).
    const controlIds = state?.version === 0 ? fresh?.get(item.paymentNumber)?.plan.reservation.controlIds : undefined;
    try {
      const refund = await prepareRefundOf(tx, state, item.paymentNumber, item.step, context, controlIds);
      if ("done" in refund) results[i] = { payment: refund.done, applied: false };
      else prepared.push({ index: i, refund });
    } catch (error) {
      if (!isJincaiError(error)) throw error;
      results[i] = { error };
    }
  }
  const batch = prepared.flatMap((p) => p.refund.batch);
  const applied = batch.length === 0 || (await tx.createTransfers(batch)).applied;
  if (applied) {
    // The refunded documents go to the store in one call.
    const documents = prepared.map((p) => paymentRecord(refundedDocument(p.refund), p.refund.state.version));
    if (documents.length > 0) await tx.putRecords(documents);
    documents.forEach((d, k) => (results[prepared[k]!.index] = { payment: paymentFromDocument(d.data), applied: true }));
  } else {
    for (const p of prepared) results[p.index] = await refundOne(tx, items[p.index]!, context);
  }
  for (const i of later) results[i] = await refundOne(tx, items[i]!, context);
  return results as RefundItemResult[];
}

/** One refund on its own, as `refundPayment` applies it, telling whether it was new. */
async function refundOne(tx: StoreTx, item: RefundItem, context: PaymentContext): Promise<RefundItemResult> {
  try {
    return await applyRefund(tx, item.paymentNumber, item.step, context);
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { error };
  }
}
