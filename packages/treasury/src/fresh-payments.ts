/**
 * Historic paid payments that `applyPayments` has just written, kept for the refunds of the same
 * import chunk. An export's 已退票 row is a payment paid and refunded: the chunk writes the payment,
 * then refunds it. Reading the payment back would give exactly what was planned (its posted
 * transfer holds the planned fields; the controls it debited are the planned ones, all written
 * with the line), so the refund takes its state from the plan instead of reading the transfer and
 * probing each control's. Only a payment without a document qualifies: the refund still reads
 * the documents, and any payment not written as new in this chunk is read as before.
 */
import type { PlannedPayment } from "./plan-payment";
import { paymentDocument } from "./payment-record";
import type { PaymentState } from "./payment-state";

/**
 * The payments written as new and paid (posted at once) in this transaction, by payment number.
 * Create one per chunk, pass it to `applyPayments` and then to `refundPayments`.
 *
 * @example
 * ```ts
 * const fresh: FreshPayments = new Map();
 * await applyPayments(tx, rows, context, fresh);
 * await refundPayments(tx, refunds, context, fresh);
 * ```
 */
export type FreshPayments = Map<string, PlannedPayment>;

/**
 * The state of a payment written as new and paid by `applyPayments`, as reading its posted
 * transfer gives it: no document yet (version 0), and no controls listed until the document is
 * written (its refund takes them from `planned.plan.reservation.controlIds`). Internal.
 *
 * @example
 * ```ts
 * freshState(fresh.get("ZF001")!).version; // 0
 * ```
 */
export function freshState(planned: PlannedPayment): PaymentState {
  const payment = { ...planned.payment, controlIds: [] };
  return { payment, doc: paymentDocument(payment, "posted", [], [{ status: "paid", date: payment.date }]), version: 0 };
}
