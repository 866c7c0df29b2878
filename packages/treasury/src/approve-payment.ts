import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import { assertStatus, getPaymentState, savePayment } from "./payment-state";
import { assertStepDate } from "./step-date";

/**
 * Approves a submitted payment (审核). The reservation stays pending; only the status changes.
 * Approving an approved payment again changes nothing.
 *
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND; TREASURY_INVALID_TRANSITION unless submitted or approved;
 *   TREASURY_INVALID_PAYMENT for a date before the payment was submitted
 * @example
 * ```ts
 * (await approvePayment(tx, "ZF001", { date: "2026-03-03" })).status; // "approved"
 * ```
 */
export async function approvePayment(tx: StoreTx, paymentNumber: string, step: { readonly date: string }): Promise<Payment> {
  const state = await getPaymentState(tx, paymentNumber);
  assertStatus(state, ["submitted", "approved"], "approve");
  if (state.payment.status === "approved") return state.payment;
  assertStepDate(state, step.date, "approve");
  return savePayment(tx, state, {
    ...state.doc,
    status: "approved",
    events: [...state.doc.events, { status: "approved", date: step.date }],
  });
}
