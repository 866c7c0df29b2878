/**
 * A payment system's daily export repeats a payment as its status moves on: submitted today,
 * paid tomorrow. Importing the later row must move the stored payment on, not report a conflict.
 * `advancePayment` does that for one import row whose payment number is already stored: a
 * submitted or approved payment the row says is paid is approved and paid (posted) on the row's
 * date, with one ledger batch and one document write; a row whose status the payment has already
 * reached or passed (yesterday's file imported again after today's) changes nothing.
 *
 * The row must otherwise describe the same payment: quota, amount, payee, account, purpose and
 * effective economic code as stored. Its date may be later than the stored one (the pay date of
 * a payment submitted earlier), never earlier; a row the payment has already reached must carry
 * the payment's date or the date it reached that status.
 */
import { consumeReservation } from "@jincai/budget";
import { isJincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { applyLedger } from "./apply-ledger";
import { TreasuryErrorCode } from "./error-codes";
import { sameTerms } from "./payment";
import type { Payment, PaymentStatus } from "./payment";
import type { PaymentContext } from "./payment-context";
import { findPaymentState, reservationOf, savePayment } from "./payment-state";
import { paymentTransferId } from "./payment-transfer";
import { planPayment } from "./plan-payment";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";

/** How far along the lifecycle each status is (a rejected payment goes nowhere). */
const STAGE: Readonly<Record<PaymentStatus, number>> = { submitted: 0, approved: 1, paid: 2, refunded: 3, rejected: -1 };

/**
 * Moves a stored payment on to the status of an import row describing it; see the module comment.
 *
 * @param row - The row, as given to `applyPayments` (`status` `paid` or `submitted`).
 * @param index - The row's index in its chunk, copied to the result.
 * @returns `ok` when the payment moved on, `exists` when it was already there or further,
 *   otherwise a rejection: TREASURY_PAYMENT_CONFLICT (another payment under that number),
 *   TREASURY_INVALID_TRANSITION (a rejected payment), or what the ledger refused
 *   (TREASURY_PERIOD_CLOSED …); nothing is written for a rejection.
 * @example
 * ```ts
 * // ZF001 was imported yesterday as 已提交 (submitted); today's export says 已支付.
 * const r = await advancePayment(tx, { ...row, status: "paid", date: "2026-03-05" }, context);
 * r.status; // "ok": approved and paid on 2026-03-05
 * ```
 */
export async function advancePayment(tx: StoreTx, row: PaymentImportRow, context: PaymentContext, index = 0): Promise<PaymentItemResult> {
  const number = row.paymentNumber;
  const result = (status: PaymentItemResult["status"], quotaId?: string, message?: string): PaymentItemResult => ({
    index,
    paymentNumber: number,
    status,
    ...(quotaId !== undefined ? { quotaId } : {}),
    ...(message !== undefined ? { message } : {}),
  });
  const state = await findPaymentState(tx, number);
  if (state === undefined) return result(TreasuryErrorCode.PAYMENT_NOT_FOUND, undefined, `no payment ${number}`);
  const stored = state.payment;
  let described: Payment;
  try {
    described = planPayment(row, context, "submitted").payment;
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { ...result(error.code as PaymentItemResult["status"], stored.quotaId, error.message), details: error.details };
  }
  if (!sameTerms(stored, described) || row.date < stored.date) {
    return result(TreasuryErrorCode.PAYMENT_CONFLICT, stored.quotaId, `payment ${number} exists with other fields`);
  }
  const wanted = STAGE[row.status ?? "paid"];
  if (STAGE[stored.status] < 0) {
    return result(TreasuryErrorCode.INVALID_TRANSITION, stored.quotaId, `payment ${number} was rejected; it cannot become ${row.status ?? "paid"}`);
  }
  if (STAGE[stored.status] >= wanted) {
    // Already there: the row repeats the payment's date, or the date it reached the row's status.
    const dates = [stored.date, ...state.doc.events.filter((e) => e.status === (row.status ?? "paid")).map((e) => e.date)];
    if (dates.includes(row.date)) return result("exists", stored.quotaId);
    return result(TreasuryErrorCode.PAYMENT_CONFLICT, stored.quotaId, `payment ${number} exists with other fields (date ${row.date})`);
  }
  try {
    const batch = consumeReservation(reservationOf(state), {
      date: row.date,
      amount: stored.amount,
      references: { voucher: number, documentId: paymentTransferId(number) },
    });
    await applyLedger(tx, batch, number);
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { ...result(error.code as PaymentItemResult["status"], stored.quotaId, error.message), details: error.details };
  }
  await savePayment(tx, state, {
    ...state.doc,
    status: "paid",
    paidAmount: stored.amount.toString(),
    events: [
      ...state.doc.events,
      ...(stored.status === "submitted" ? [{ status: "approved" as const, date: row.date }] : []),
      { status: "paid", date: row.date },
    ],
  });
  return result("ok", stored.quotaId);
}
