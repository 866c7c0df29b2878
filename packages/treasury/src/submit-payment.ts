/**
 * Submitting one payment request: plan it, make it idempotent by payment number, reserve its
 * amount on the quota and the matching controls (pending transfers), and store its document.
 * Call it inside `store.transaction` so the reservation and the document commit together.
 */
import { checkAvailability, reservationFailure } from "@jincai/budget";
import type { ControlWarning } from "@jincai/budget";
import { JincaiError, transferFieldsEqual } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment, PaymentInput } from "./payment";
import type { PaymentContext } from "./payment-context";
import { getPayment } from "./get-payment";
import { paymentDocument, paymentRecord } from "./payment-record";
import { planPayment } from "./plan-payment";
import type { PlannedPayment } from "./plan-payment";
import { asTreasuryError } from "./treasury-error";

/**
 * The outcome of {@link submitPayment}.
 *
 * @example
 * ```ts
 * const result: SubmitPaymentResult = await submitPayment(store, input, context);
 * result.status; // "ok" now, "exists" when submitted before unchanged
 * result.warnings; // [{ code: "BUDGET_THRESHOLD_REACHED", controlId: "101001-302", percent: 90, … }]
 * ```
 */
export interface SubmitPaymentResult {
  /** `ok` (reserved now) or `exists` (the same payment was submitted before: nothing changed). */
  readonly status: "ok" | "exists";
  /** The payment as stored. */
  readonly payment: Payment;
  /** Threshold and advisory warnings of the controls (empty for `exists`). */
  readonly warnings: readonly ControlWarning[];
}

/**
 * Submits a payment request: a pending reservation on its quota and controls.
 *
 * @param tx - A transaction (or a store).
 * @param input - The payment request.
 * @param context - Quotas and controls (see `loadPaymentContext`).
 * @throws {JincaiError} TREASURY_EXCEEDS_QUOTA / TREASURY_EXCEEDS_CONTROL with `available` and
 *   `requested` in details; TREASURY_PAYMENT_CONFLICT when the number exists with other fields;
 *   and every code of `planPayment`
 * @example
 * ```ts
 * await store.transaction((tx) => submitPayment(tx, { paymentNumber: "ZF001", quotaId: "Q-2026-001",
 *   date: "2026-03-02", payeeName: "某某公司", payeeAccount: "4200…", amount: 12_000_00n, purpose: "办公用品" }, context));
 * // { status: "ok", payment: { status: "submitted", … }, warnings: [] }
 * ```
 */
export async function submitPayment(tx: StoreTx, input: PaymentInput, context: PaymentContext): Promise<SubmitPaymentResult> {
  const planned = planPayment(input, context, "submitted");
  const line = planned.plan.transfers[0]!;
  const existing = await tx.getTransfer(line.id);
  if (existing !== undefined) {
    if (!transferFieldsEqual(line, existing)) throw conflict(input.paymentNumber);
    return { status: "exists", payment: await getPayment(tx, input.paymentNumber), warnings: [] };
  }
  const check = await checkAvailability(tx, planned.plan, context.controls);
  const result = await tx.createTransfers(planned.plan.transfers);
  if (!result.applied) {
    throw asTreasuryError(reservationFailure(planned.plan.checks, input.amount, result.results), input.paymentNumber);
  }
  await tx.putRecord(paymentRecord(submittedDocument(planned), 0));
  return { status: "ok", payment: planned.payment, warnings: check.warnings };
}

/** The error of a payment number reused with other fields. Internal. */
export function conflict(paymentNumber: string): JincaiError {
  return new JincaiError(TreasuryErrorCode.PAYMENT_CONFLICT, conflictMessage(paymentNumber), {
    details: { paymentNumber },
  });
}

/**
 * The message of {@link conflict}, for row results. An import may report tens of thousands of
 * conflicts (a day's export moving stored payments on): building an error for each only to read
 * its message captured a stack trace per row. Internal.
 *
 * @example
 * ```ts
 * conflictMessage("ZF001"); // "payment ZF001 exists with other fields"
 * ```
 */
export function conflictMessage(paymentNumber: string): string {
  return `payment ${paymentNumber} exists with other fields`;
}

/** The document of a newly submitted payment. Internal. */
export function submittedDocument(planned: PlannedPayment): ReturnType<typeof paymentDocument> {
  return paymentDocument(planned.payment, "pending", [], [{ status: "submitted", date: planned.payment.date }]);
}
