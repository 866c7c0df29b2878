/**
 * The date of a step in a payment's life (approve, pay, reject, refund): a real date, and not
 * before the payment reached the status it is in. Paying on 3 March a payment submitted on
 * 5 March, or refunding on 1 March what was paid on 5 March, would date money back before it
 * moved, and balances as of those days would show the refund without its payment.
 */
import { JincaiError, isIsoDate } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { PaymentState } from "./payment-state";

/**
 * The steps that carry a date.
 *
 * @example
 * ```ts
 * const step: DatedStep = "refund";
 * stepDateProblem("ZF2026-000123", step, "2026-03-01", { status: "paid", date: "2026-03-05" })?.code;
 * // "TREASURY_INVALID_REFUND": a refund before the payment was paid
 * ```
 */
export type DatedStep = "approve" | "pay" | "reject" | "refund";

/**
 * Throws unless `date` is a date on or after the payment's latest status change.
 *
 * @throws {JincaiError} TREASURY_INVALID_REFUND for a refund, TREASURY_INVALID_PAYMENT for the
 *   other steps; `details.field` = `"date"`, `details.since` = the date it is compared with
 * @example
 * ```ts
 * assertStepDate(state, "2026-03-01", "refund");
 * // throws TREASURY_INVALID_REFUND: payment ZF001 cannot be refunded on 2026-03-01, before it was paid on 2026-03-05
 * ```
 */
export function assertStepDate(state: PaymentState, date: string, step: DatedStep): void {
  const last = state.doc.events.at(-1) ?? { status: state.payment.status, date: state.payment.date };
  const problem = stepDateProblem(state.payment.paymentNumber, step, date, last);
  if (problem !== undefined) throw problem;
}

/**
 * The error of a step dated `date` when the payment reached `last.status` on `last.date`, or
 * undefined when the date is fine: for a caller that knows the dates without a stored payment
 * (an import row saying a payment was paid and then refunded).
 *
 * @example
 * ```ts
 * stepDateProblem("ZF001", "refund", "2026-03-01", { status: "paid", date: "2026-03-05" })?.code; // "TREASURY_INVALID_REFUND"
 * ```
 */
export function stepDateProblem(
  paymentNumber: string,
  step: DatedStep,
  date: string,
  last: { readonly status: string; readonly date: string },
): JincaiError | undefined {
  const code = step === "refund" ? TreasuryErrorCode.INVALID_REFUND : TreasuryErrorCode.INVALID_PAYMENT;
  if (!isIsoDate(date)) {
    return new JincaiError(code, `payment ${paymentNumber}: ${step} date is not a date: ${String(date)}`, { details: { paymentNumber, field: "date", date } });
  }
  if (date >= last.date) return undefined;
  return new JincaiError(code, `payment ${paymentNumber} cannot be ${PAST[step]} on ${date}, before it was ${last.status} on ${last.date}`, {
    details: { paymentNumber, field: "date", date, since: last.date, status: last.status },
  });
}

const PAST: Readonly<Record<DatedStep, string>> = { approve: "approved", pay: "paid", reject: "rejected", refund: "refunded" };
