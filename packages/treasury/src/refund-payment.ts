/**
 * Refunds (退票) of paid payments: a NEW reversing posted transfer per level, referencing the
 * consumption it corrects, restores the quota's (and the controls') availability. Nothing is
 * updated in place. Partial refunds add up; a fully refunded payment becomes `refunded`.
 */
import { controlTransferId, restoreConsumption } from "@jincai/budget";
import { JincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment } from "./payment";
import type { PaymentContext } from "./payment-context";
import { applyLedger } from "./apply-ledger";
import { assertStatus, getPaymentState, reservationOf, savePayment } from "./payment-state";
import type { PaymentState } from "./payment-state";
import { paymentTransferId } from "./payment-transfer";

/** A refund of a paid payment. */
export interface RefundStep {
  /** The refund number (the bank's 退票 reference): refunding the same number twice is a no-op. */
  readonly refundNumber: string;
  /** The refund date `YYYY-MM-DD`. */
  readonly date: string;
  /** Fen refunded; omitted refunds what is left. */
  readonly amount?: bigint;
}

/**
 * Refunds a paid payment, fully or partly.
 *
 * @param context - Used for a historic payment (no document): the controls it debited are found
 *   by probing each control's transfer.
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND; TREASURY_INVALID_TRANSITION unless paid;
 *   TREASURY_INVALID_REFUND when the amount exceeds what is left or the refund number was used
 *   with another amount
 * @example
 * ```ts
 * (await refundPayment(tx, "ZF001", { refundNumber: "TP-01", date: "2026-03-20" }, context)).status; // "refunded"
 * ```
 */
export async function refundPayment(tx: StoreTx, paymentNumber: string, step: RefundStep, context: PaymentContext): Promise<Payment> {
  const state = await getPaymentState(tx, paymentNumber);
  const previous = state.doc.refunds.find((r) => r.refundNumber === step.refundNumber);
  if (previous !== undefined) {
    if (step.amount !== undefined && BigInt(previous.amount) !== step.amount) throw invalidRefund(paymentNumber, step, "refund number reused with another amount");
    return state.payment;
  }
  assertStatus(state, ["paid"], "refund");
  const left = state.payment.paidAmount - state.payment.refundedAmount;
  const amount = step.amount ?? left;
  if (typeof amount !== "bigint" || amount <= 0n || amount > left || step.refundNumber === "") {
    throw invalidRefund(paymentNumber, step, `refund of ${String(amount)} fen, ${left} fen left`);
  }
  const controlIds = state.version === 0 ? await historicControls(tx, state, context) : state.doc.controlIds;
  const batch = restoreConsumption(reservationOf(state, controlIds), {
    id: `${paymentTransferId(paymentNumber)}.refund:${step.refundNumber}`,
    amount,
    date: step.date,
    references: { voucher: paymentNumber },
  });
  await applyLedger(tx, batch, paymentNumber);
  const full = amount === left;
  return savePayment(tx, state, {
    ...state.doc,
    controlIds,
    status: full ? "refunded" : "paid",
    refunds: [...state.doc.refunds, { refundNumber: step.refundNumber, amount: amount.toString(), date: step.date }],
    events: full ? [...state.doc.events, { status: "refunded", date: step.date }] : state.doc.events,
  });
}

/** The controls a historic payment debited: those whose transfer `pay:<n>~<control>` exists. */
async function historicControls(tx: StoreTx, state: PaymentState, context: PaymentContext): Promise<string[]> {
  const id = paymentTransferId(state.payment.paymentNumber);
  const out: string[] = [];
  for (const c of context.controls) {
    if ((await tx.getTransfer(controlTransferId(id, c.id))) !== undefined) out.push(c.id);
  }
  return out;
}

function invalidRefund(paymentNumber: string, step: RefundStep, message: string): JincaiError {
  return new JincaiError(TreasuryErrorCode.INVALID_REFUND, `payment ${paymentNumber}: ${message}`, {
    details: { paymentNumber, refundNumber: step.refundNumber, amount: String(step.amount) },
  });
}
