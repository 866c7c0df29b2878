/**
 * A payment system's daily export repeats a payment as its status moves on: submitted today,
 * paid tomorrow. Importing the later row must move the stored payment on, not report a conflict.
 * `advancePayment` does that for one import row whose payment number is already stored: a
 * submitted payment the row says is approved is approved; a submitted or approved one the row says
 * is paid is approved and paid (posted) on the row's date, or voided when the row says it was
 * rejected (退回), each with one ledger batch and one document write; a row whose status the
 * payment has already reached or passed (yesterday's file imported again after today's) changes
 * nothing. A row saying a stored payment is submitted is such a row: it changes nothing when it
 * carries the date the payment was submitted on, or, for a payment imported as already paid (whose
 * submission was never stored), a date on or before it was paid.
 *
 * A row without a quota id is of the stored payment's quota (its dimensions may match several
 * lines; those it gives must be that quota's, else it is another payment under the number).
 * The row must otherwise describe the same payment: quota, amount, payee, account, purpose and
 * effective economic code as stored (a purpose or economic code the row's file does not have is
 * taken as stored, see stated-terms). Its date may be later than the stored one (the pay date of
 * a payment submitted earlier), never earlier; a row the payment has already reached must carry
 * the payment's date or the date it reached that status.
 */
import { consumeReservation, releaseReservation } from "@jincai/budget";
import { isJincaiError } from "@jincai/core";
import type { StoreTx, TransferInput } from "@jincai/core";
import { applyLedger } from "./apply-ledger";
import { TreasuryErrorCode } from "./error-codes";
import { paymentConflict } from "./payment-conflict";
import { sameTerms } from "./payment";
import type { Payment, PaymentStatus } from "./payment";
import type { PaymentContext } from "./payment-context";
import { findPaymentState, reservationOf, savePayment } from "./payment-state";
import type { PaymentState } from "./payment-state";
import type { PaymentDocument, PaymentEvent } from "./payment-record";
import { paymentTransferId } from "./payment-transfer";
import { planPayment } from "./plan-payment";
import { statedTerms } from "./stated-terms";
import { assertStepDate } from "./step-date";
import type { DatedStep } from "./step-date";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";

/**
 * The statuses an import row can give a stored payment (`submitted` only repeats one it passed).
 *
 * @example
 * ```ts
 * const to: AdvanceTarget = "paid"; // from 已提交 on: approved and paid on the row's date
 * await advancePayment(tx, { ...row, date: "2026-03-05" }, to, context);
 * ```
 */
export type AdvanceTarget = "submitted" | "approved" | "paid" | "rejected";

/** How far along the lifecycle each status is; a rejection ends it after submission or approval. */
const STAGE: Readonly<Record<PaymentStatus, number>> = { submitted: 0, approved: 1, paid: 2, refunded: 3, rejected: 2 };

/** What moving a payment on takes: its ledger batch and its new document. Internal. */
export interface PreparedAdvance {
  readonly state: PaymentState;
  readonly batch: readonly TransferInput[];
  readonly doc: PaymentDocument;
}

/**
 * Moves a stored payment on to the status of an import row describing it; see the module comment.
 *
 * @param row - The row, as given to `applyPayments`.
 * @param to - The status the row gives the payment: `approved` (已审核), `paid` (已支付, also for a
 *   refunded row, whose refund follows) or `rejected` (已退回).
 * @param index - The row's index in its chunk, copied to the result.
 * @returns `ok` when the payment moved on, `exists` when it was already there or further,
 *   otherwise a rejection: TREASURY_PAYMENT_CONFLICT (another payment under that number),
 *   TREASURY_INVALID_TRANSITION (paying a rejected payment, rejecting a paid one), or what the
 *   ledger refused (TREASURY_PERIOD_CLOSED …); nothing is written for a rejection.
 * @example
 * ```ts
 * // ZF001 was imported yesterday as 已提交 (submitted); today's export says 已支付.
 * const r = await advancePayment(tx, { ...row, date: "2026-03-05" }, "paid", context);
 * r.status; // "ok": approved and paid on 2026-03-05
 * ```
 */
export async function advancePayment(
  tx: StoreTx,
  row: PaymentImportRow,
  to: AdvanceTarget,
  context: PaymentContext,
  index = 0,
): Promise<PaymentItemResult> {
  const prepared = prepareAdvance(await findPaymentState(tx, row.paymentNumber), row, to, context, index);
  if ("result" in prepared) return prepared.result;
  try {
    await applyLedger(tx, prepared.batch, row.paymentNumber);
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { ...rowResult(row, index, error.code as PaymentItemResult["status"], prepared.state.payment.quotaId, error.message), details: error.details };
  }
  await savePayment(tx, prepared.state, prepared.doc);
  return rowResult(row, index, "ok", prepared.state.payment.quotaId);
}

/**
 * Decides, without writing, what moving a payment on to the row's status takes: the row's
 * result when nothing is to be written (`exists` or a rejection), else the ledger batch and the
 * new document. Internal.
 *
 * @example
 * ```ts
 * const prepared = prepareAdvance(await findPaymentState(tx, "ZF001"), row, "paid", context, 0);
 * if (!("result" in prepared)) await applyLedger(tx, prepared.batch, "ZF001");
 * ```
 */
export function prepareAdvance(
  state: PaymentState | undefined,
  row: PaymentImportRow,
  to: AdvanceTarget,
  context: PaymentContext,
  index: number,
): PreparedAdvance | { readonly result: PaymentItemResult } {
  const number = row.paymentNumber;
  const done = (status: PaymentItemResult["status"], message?: string, details?: Readonly<Record<string, unknown>>) => {
    const result = rowResult(row, index, status, state?.payment.quotaId, message);
    return { result: details === undefined ? result : { ...result, details } };
  };
  // JavaScript callers are not held to AdvanceTarget: "refunded" would mark the document refunded
  // with nothing given back (a refund is refundPayment's, with its number and amount).
  if (to !== "submitted" && !Object.hasOwn(STEP, to)) {
    return done(TreasuryErrorCode.INVALID_TRANSITION, `payment ${number}: a row moves a payment on to approved, paid or rejected, not "${String(to)}" (a refund is refundPayment's)`, { field: "status", given: String(to) });
  }
  if (state === undefined) return done(TreasuryErrorCode.PAYMENT_NOT_FOUND, `no payment ${number}`);
  const stored = state.payment;
  // A row without 指标编号 is of the stored payment's quota: its number names the payment, and so
  // the quota (its dimensions may match several lines); the dimensions it gives must be that quota's.
  const unnamed = row.quotaId === undefined || row.quotaId === "";
  let described: Payment;
  try {
    // Described as of its stored date: the row's is the date of the status it reports, which
    // may fall after the year ends for a rejection (checked below for a payment).
    const input = unnamed ? { ...row, date: stored.date, quotaId: stored.quotaId } : row.date === stored.date ? row : { ...row, date: stored.date };
    described = planPayment(input, context, "submitted").payment;
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    if (unnamed && error.code === TreasuryErrorCode.CODE_MISMATCH) return dimensionConflict(stored, error.details, done);
    return { result: { ...done(error.code as PaymentItemResult["status"], error.message).result, details: error.details } };
  }
  // A 用途 or 经济科目 the row's file does not have is not a contradiction (see stated-terms).
  described = statedTerms(stored, described, row);
  if (!sameTerms(stored, described)) {
    // Named by the first field that differs (amount, payee …), at its column.
    const c = paymentConflict(stored, described);
    return done(TreasuryErrorCode.PAYMENT_CONFLICT, c.message, c.details);
  }
  // An older file's row (imported after a newer one): the payment has moved past its status.
  const older = olderRow(state, to, row.date);
  if (older !== undefined) return older === "same" ? done("exists") : done("exists", older, { olderRow: true, field: "date", given: row.date });
  if (to === "submitted") return submittedAgain(state, row.date, done);
  if (row.date < stored.date) {
    return done(TreasuryErrorCode.PAYMENT_CONFLICT, `payment ${number} was recorded with date ${stored.date}; this row says ${row.date}`, { field: "date", recorded: stored.date, given: row.date });
  }
  // A rejected payment is never paid, a paid one never rejected, and one rejected unapproved was never approved.
  const rejected = stored.status === "rejected";
  const invalid =
    (to === "paid" && rejected) ||
    (to === "rejected" && (stored.status === "paid" || stored.status === "refunded")) ||
    (to === "approved" && rejected && !state.doc.events.some((e) => e.status === "approved"));
  if (invalid) return done(TreasuryErrorCode.INVALID_TRANSITION, `payment ${number} is ${stored.status}; it cannot become ${to}`);
  if (STAGE[stored.status] >= STAGE[to]) {
    // Already there: the row repeats the payment's date, or the date it reached the row's status.
    const reached = state.doc.events.filter((e) => e.status === to).map((e) => e.date);
    if (row.date === stored.date || reached.includes(row.date) || (to === "approved" && stored.status !== "approved")) return done("exists");
    const on = reached.length > 0 ? reached.join(", ") : stored.date;
    return done(TreasuryErrorCode.PAYMENT_CONFLICT, `payment ${number} exists with other fields: it was ${to} on ${on}, this row says ${row.date}`, { field: "date" });
  }
  let batch: TransferInput[];
  try {
    // Not before the payment's latest status change; paid within its quota's fiscal year.
    assertStepDate(state, row.date, STEP[to]);
    batch = ledgerStep(state, to, row.date);
  } catch (error) {
    if (!isJincaiError(error)) throw error;
    return { result: { ...done(error.code as PaymentItemResult["status"], error.message).result, details: error.details } };
  }
  const events: PaymentEvent[] = [...state.doc.events];
  if (stored.status === "submitted" && to === "paid") events.push({ status: "approved", date: row.date });
  events.push({ status: to, date: row.date });
  const doc: PaymentDocument = { ...state.doc, status: to, ...(to === "paid" ? { paidAmount: stored.amount.toString() } : {}), events };
  return { state, batch, doc };
}

/**
 * A row without 指标编号 whose dimension contradicts the stored payment's quota: another payment
 * under the number, named by that dimension (at its column).
 */
function dimensionConflict(
  stored: Payment,
  details: Readonly<Record<string, unknown>> | undefined,
  done: (status: PaymentItemResult["status"], message?: string, details?: Readonly<Record<string, unknown>>) => { readonly result: PaymentItemResult },
): { readonly result: PaymentItemResult } {
  const field = String(details?.["field"]);
  const recorded = String(details?.["quota"]);
  const given = String(details?.["given"]);
  return done(
    TreasuryErrorCode.PAYMENT_CONFLICT,
    `payment ${stored.paymentNumber} was recorded on quota ${stored.quotaId}, which has ${field} ${recorded}; this row says ${given}`,
    { field, recorded, given, quotaId: stored.quotaId },
  );
}

const STEP: Readonly<Record<Exclude<AdvanceTarget, "submitted">, DatedStep>> = { approved: "approve", paid: "pay", rejected: "reject" };

/**
 * A row of a status the payment has moved past, dated no later than its last step: an older
 * export imported after a newer one (day 2's file, then day 1's). It changes nothing: `"same"`
 * when it agrees with what was recorded, else what it says that the books do not (the stored
 * steps stay: a transfer already written is not moved to an earlier date). Undefined for a row
 * that is not such a row, or that gives a recorded step a later day than recorded (the usual
 * checks then apply).
 */
function olderRow(state: PaymentState, to: AdvanceTarget, date: string): "same" | string | undefined {
  const stored = state.payment.status;
  // On the way to the stored status: a rejected payment was never paid, a paid one never rejected.
  const onPath = STAGE[to] < STAGE[stored] && to !== "rejected" && !(to === "paid" && stored === "rejected");
  const events = state.doc.events.length > 0 ? state.doc.events : [{ status: stored, date: state.payment.date }];
  const last = events.at(-1)!.date;
  if (!onPath || date > last) return undefined;
  const recorded = events.filter((e) => e.status === to).map((e) => e.date);
  if (recorded.includes(date)) return "same";
  // Imported as already paid: its submission was never stored, any day up to the payment is it.
  if (to === "submitted" && recorded.length === 0 && date <= events[0]!.date) return "same";
  // An older file gives a step an earlier day than a newer one did (the day it was first seen),
  // never a later one: that is another payment under the number (a conflict).
  if (recorded.length > 0 && date > recorded[0]!) return undefined;
  const number = state.payment.paymentNumber;
  return recorded.length > 0
    ? `payment ${number}: this row says ${to} on ${date}, an older file's; it was recorded ${to} on ${recorded.join(", ")} from a later file, and that stays`
    : `payment ${number}: this row says ${to} on ${date}, an older file's; the payment was recorded ${stored} on ${last} from a later file, without that step, and that stays`;
}

/**
 * A row saying a stored payment is submitted: nothing to do when its date is the date the payment
 * was submitted on, or (a payment imported as paid, never stored as submitted) not after it was paid.
 */
function submittedAgain(
  state: PaymentState,
  date: string,
  done: (status: PaymentItemResult["status"], message?: string, details?: Readonly<Record<string, unknown>>) => { readonly result: PaymentItemResult },
): { readonly result: PaymentItemResult } {
  const submitted = state.doc.events.find((e) => e.status === "submitted")?.date;
  const first = state.doc.events[0] ?? { status: state.payment.status, date: state.payment.date };
  if (submitted === undefined ? date <= first.date : date === submitted) return done("exists");
  const rejected = state.doc.status === "rejected" ? state.doc.events.find((e) => e.status === "rejected")?.date : undefined;
  if (rejected !== undefined && date > rejected) {
    // Sent again after 已退回: the payment system gives a corrected payment a number of its own.
    return done(
      TreasuryErrorCode.PAYMENT_CONFLICT,
      `payment ${state.payment.paymentNumber} was rejected (已退回) on ${rejected}; a payment sent again after its rejection needs a new number (this row says submitted on ${date})`,
      { field: "date" },
    );
  }
  const was = submitted === undefined ? `${first.status} on ${first.date}` : `submitted on ${submitted}`;
  return done(TreasuryErrorCode.PAYMENT_CONFLICT, `payment ${state.payment.paymentNumber} exists with other fields: it was ${was}, this row says submitted on ${date}`, { field: "date" });
}

/** The result of a row. */
function rowResult(row: PaymentImportRow, index: number, status: PaymentItemResult["status"], quotaId?: string, message?: string): PaymentItemResult {
  return {
    index,
    paymentNumber: row.paymentNumber,
    status,
    ...(quotaId !== undefined ? { quotaId } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

/** The ledger side of the step: post the reservation, void it, or nothing (an approval). */
function ledgerStep(state: PaymentState, to: AdvanceTarget, date: string): TransferInput[] {
  const number = state.payment.paymentNumber;
  if (to === "paid") {
    return consumeReservation(reservationOf(state), { date, amount: state.payment.amount, references: { voucher: number, documentId: paymentTransferId(number) }, label: `payment ${number}` });
  }
  if (to === "rejected") return releaseReservation(reservationOf(state), { date, references: { voucher: number } });
  return [];
}
