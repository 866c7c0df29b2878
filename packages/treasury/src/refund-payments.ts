/**
 * Refunds (退票) of many paid payments at once, for imports: each refund is read and checked as
 * {@link refundPayment} does, the reversing transfers of all of them go to the ledger in one
 * checked batch, then their documents in one store call. When that batch is refused, or a payment
 * appears twice, the refunds concerned are applied one by one, so every item gets the outcome it
 * would get alone, in item order.
 */
import { isJincaiError } from "@jincai/core";
import type { JincaiError, StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import type { PaymentContext } from "./payment-context";
import { paymentFromDocument, paymentRecord } from "./payment-record";
import { findPaymentStates } from "./payment-state";
import { prepareRefundOf, refundPayment, refundedDocument } from "./refund-payment";
import type { PreparedRefund, RefundStep } from "./refund-payment";

/** One refund of a batch. */
export interface RefundItem {
  /** The payment refunded. */
  readonly paymentNumber: string;
  /** The refund. */
  readonly step: RefundStep;
}

/** The outcome of one refund: the payment after it, or the error {@link refundPayment} would throw. */
export type RefundItemResult =
  | {
      /** The payment after the refund. */
      readonly payment: Payment;
    }
  | {
      /** Why the refund was refused (nothing of it was written). */
      readonly error: JincaiError;
    };

/**
 * Applies many refunds in one ledger batch; one result per item, in item order.
 *
 * @param context - As for {@link refundPayment}.
 * @example
 * ```ts
 * const results = await refundPayments(tx, [{ paymentNumber: "ZF001", step: { refundNumber: "ZF001-R", date: "2026-03-20" } }], context);
 * // [{ payment: { paymentNumber: "ZF001", status: "refunded", ... } }]
 * ```
 */
export async function refundPayments(tx: StoreTx, items: readonly RefundItem[], context: PaymentContext): Promise<RefundItemResult[]> {
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
  const states = await findPaymentStates(tx, first.map((i) => items[i]!.paymentNumber));
  for (let k = 0; k < first.length; k++) {
    const i = first[k]!;
    const item = items[i]!;
    const r = await attempt(() => prepareRefundOf(tx, states[k], item.paymentNumber, item.step, context));
    if ("error" in r) results[i] = r;
    else if ("done" in r.payment) results[i] = { payment: r.payment.done };
    else prepared.push({ index: i, refund: r.payment });
  }
  const batch = prepared.flatMap((p) => p.refund.batch);
  const applied = batch.length === 0 || (await tx.createTransfers(batch)).applied;
  if (applied) {
    // The refunded documents go to the store in one call.
    const documents = prepared.map((p) => paymentRecord(refundedDocument(p.refund), p.refund.state.version));
    if (documents.length > 0) await tx.putRecords(documents);
    documents.forEach((d, k) => (results[prepared[k]!.index] = { payment: paymentFromDocument(d.data) }));
  } else {
    for (const p of prepared) {
      results[p.index] = await attempt(() => refundPayment(tx, items[p.index]!.paymentNumber, items[p.index]!.step, context));
    }
  }
  for (const i of later) results[i] = await attempt(() => refundPayment(tx, items[i]!.paymentNumber, items[i]!.step, context));
  return results as RefundItemResult[];
}

async function attempt<T>(fn: () => Promise<T>): Promise<{ readonly payment: T } | { readonly error: JincaiError }> {
  try {
    return { payment: await fn() };
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { error };
  }
}
