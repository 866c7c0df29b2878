import { releaseReservation } from "@jincai/budget";
import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import { applyLedger } from "./apply-ledger";
import { assertStatus, getPaymentState, reservationOf, savePayment } from "./payment-state";
import { assertStepDate } from "./step-date";

/**
 * Rejects a submitted or approved payment (退回): voids its reservation on the quota and its
 * controls, so the amount is available again. Rejecting a rejected payment changes nothing.
 *
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND; TREASURY_INVALID_TRANSITION once paid;
 *   TREASURY_INVALID_PAYMENT for a date before the payment's latest status change
 * @example
 * ```ts
 * (await rejectPayment(tx, "ZF001", { date: "2026-03-04" })).status; // "rejected"
 * ```
 */
export async function rejectPayment(tx: StoreTx, paymentNumber: string, step: { readonly date: string }): Promise<Payment> {
  const state = await getPaymentState(tx, paymentNumber);
  assertStatus(state, ["submitted", "approved", "rejected"], "reject");
  if (state.payment.status === "rejected") return state.payment;
  assertStepDate(state, step.date, "reject");
  await applyLedger(tx, releaseReservation(reservationOf(state), { date: step.date, references: { voucher: paymentNumber } }), paymentNumber);
  return savePayment(tx, state, {
    ...state.doc,
    status: "rejected",
    events: [...state.doc.events, { status: "rejected", date: step.date }],
  });
}
