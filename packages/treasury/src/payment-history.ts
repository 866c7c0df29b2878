/**
 * A payment with its history, for lookups (`jincai payment`): the payment as `getPayment` reads
 * it, every status change with its date, and every refund. A historic payment imported as paid
 * has no document; its history is its payment on its date.
 */
import { controlTransferId, loadQuotaControls } from "@jincai/budget";
import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import type { PaymentEvent, PaymentRefund } from "./payment-record";
import { findPaymentStates } from "./payment-state";
import type { PaymentState } from "./payment-state";
import { paymentTransferId } from "./payment-transfer";

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
 * Reads payments with their histories; `undefined` for an unknown number. A historic payment's
 * controls are found by their legs (`pay:<number>~<control>`), as `getPayment` finds them: one
 * more read of the controls and one of the legs when any payment is historic.
 *
 * @example
 * ```ts
 * const [h] = await paymentHistories(store, ["ZF001"]);
 * h?.events.map((e) => e.status); // ["submitted", "approved", "paid"]
 * ```
 */
export async function paymentHistories(tx: StoreTx, paymentNumbers: readonly string[]): Promise<(PaymentHistory | undefined)[]> {
  const states = await findPaymentStates(tx, paymentNumbers);
  const controls = await historicControls(tx, states);
  return states.map((s, i) =>
    s === undefined ? undefined : { payment: controls[i] === undefined ? s.payment : { ...s.payment, controlIds: controls[i] }, events: s.doc.events, refunds: s.doc.refunds },
  );
}

/** The controls of each historic payment (no document lists them), by their legs; `undefined` for the others. */
async function historicControls(tx: StoreTx, states: readonly (PaymentState | undefined)[]): Promise<(string[] | undefined)[]> {
  const out: (string[] | undefined)[] = states.map(() => undefined);
  const historic = states.flatMap((s, i) => (s !== undefined && s.version === 0 ? [i] : []));
  if (historic.length === 0) return out;
  const ids = (await loadQuotaControls(tx)).map((c) => c.id);
  if (ids.length === 0) return out;
  const asks = historic.flatMap((i) => ids.map((controlId) => ({ i, controlId })));
  const legs = await tx.getTransfers(asks.map((a) => controlTransferId(paymentTransferId(states[a.i]!.payment.paymentNumber), a.controlId)));
  for (const i of historic) out[i] = [];
  asks.forEach((a, k) => {
    if (legs[k] !== undefined) out[a.i]!.push(a.controlId);
  });
  return out;
}
