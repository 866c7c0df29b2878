/**
 * A payment with its history, for lookups (`jincai payment`): the payment as `getPayment` reads
 * it, every status change with its date, and every refund. A historic payment imported as paid
 * has no document; its history is its payment on its date.
 */
import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import type { PaymentEvent, PaymentRefund } from "./payment-record";
import { findPaymentStates } from "./payment-state";

/**
 * A payment and what happened to it.
 *
 * @example
 * ```ts
 * const [history]: (PaymentHistory | undefined)[] = await paymentHistories(store, ["ZF2026-000123"]);
 * history?.payment.status; // "refunded"
 * history?.events.map((e) => e.status); // ["submitted", "approved", "paid", "refunded"]
 * ```
 */
export interface PaymentHistory {
  /** The payment now. */
  readonly payment: Payment;
  /** Status changes, oldest first. */
  readonly events: readonly PaymentEvent[];
  /** Refunds (退票), oldest first; amounts in fen as decimal strings. */
  readonly refunds: readonly PaymentRefund[];
}

/**
 * Reads payments with their histories, in at most two store calls; `undefined` for an unknown number.
 *
 * @example
 * ```ts
 * const [h] = await paymentHistories(store, ["ZF001"]);
 * h?.events.map((e) => e.status); // ["submitted", "approved", "paid"]
 * ```
 */
export async function paymentHistories(tx: StoreTx, paymentNumbers: readonly string[]): Promise<(PaymentHistory | undefined)[]> {
  const states = await findPaymentStates(tx, paymentNumbers);
  return states.map((s) => (s === undefined ? undefined : { payment: s.payment, events: s.doc.events, refunds: s.doc.refunds }));
}
