import { consumeReservation } from "@jincai/budget";
import { JincaiError, fenProblem, formatFen } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment } from "./payment";
import { applyLedger } from "./apply-ledger";
import { assertStatus, getPaymentState, reservationOf, savePayment } from "./payment-state";
import { paymentTransferId } from "./payment-transfer";
import { assertStepDate } from "./step-date";

/**
 * How a payment was paid.
 *
 * @example
 * ```ts
 * const step: PayStep = { date: "2026-03-05", amount: 1_200_000n }; // 12,000.00 paid, the other 3,000.00 released
 * (await payPayment(store, "ZF2026-000123", step)).paidAmount; // 1200000n
 * ```
 */
export interface PayStep {
  /** The payment (bank) date `YYYY-MM-DD`. */
  readonly date: string;
  /** Fen actually paid (实际支付), at most the amount; omitted pays it all. The rest is released. */
  readonly amount?: bigint;
}

/**
 * Records that an approved payment was paid: posts its reservation on the quota and its controls
 * (fully, or partly releasing the rest). Paying a paid payment again the same way (its amount,
 * its date) changes nothing; another amount or date is a conflict, not a silent success.
 *
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND; TREASURY_INVALID_TRANSITION unless approved
 *   (or already paid); TREASURY_PAYMENT_CONFLICT for a paid payment given another amount or date; TREASURY_INVALID_PAYMENT for an amount outside 1..amount or a date before
 *   the payment was approved; BUDGET_OUTSIDE_FISCAL_YEAR for a date after its quota's fiscal year
 * @example
 * ```ts
 * (await payPayment(tx, "ZF001", { date: "2026-03-05" })).status; // "paid"
 * ```
 */
export async function payPayment(tx: StoreTx, paymentNumber: string, step: PayStep): Promise<Payment> {
  const state = await getPaymentState(tx, paymentNumber);
  assertStatus(state, ["approved", "paid"], "pay");
  if (state.payment.status === "paid") {
    const paidOn = state.doc.events.filter((e) => e.status === "paid").at(-1)?.date ?? state.payment.date;
    const amount = step.amount ?? state.payment.amount;
    const differs = amount !== state.payment.paidAmount ? { field: "amount", recorded: formatFen(state.payment.paidAmount), given: typeof amount === "bigint" ? formatFen(amount) : String(amount) }
      : step.date !== paidOn ? { field: "date", recorded: paidOn, given: step.date } : undefined;
    if (differs === undefined) return state.payment;
    throw new JincaiError(TreasuryErrorCode.PAYMENT_CONFLICT, `payment ${paymentNumber} was paid with ${differs.field} ${differs.recorded}; this call says ${differs.given}`, {
      details: { paymentNumber, ...differs },
    });
  }
  assertStepDate(state, step.date, "pay");
  const amount = step.amount ?? state.payment.amount;
  if (typeof amount !== "bigint" || amount <= 0n || amount > state.payment.amount) {
    const why = typeof amount !== "bigint"
      ? fenProblem(amount)
      : `${formatFen(amount)} is not within 0.01..${formatFen(state.payment.amount)}, the amount requested`;
    throw new JincaiError(TreasuryErrorCode.INVALID_PAYMENT, `cannot pay payment ${paymentNumber}: ${why}`, {
      details: { paymentNumber, field: "amount", amount: String(amount), requested: state.payment.amount.toString() },
    });
  }
  const batch = consumeReservation(reservationOf(state), {
    date: step.date,
    amount,
    references: { voucher: paymentNumber, documentId: paymentTransferId(paymentNumber) },
    label: `payment ${paymentNumber}`,
  });
  await applyLedger(tx, batch, paymentNumber);
  return savePayment(tx, state, {
    ...state.doc,
    status: "paid",
    paidAmount: amount.toString(),
    events: [...state.doc.events, { status: "paid", date: step.date }],
  });
}
