/**
 * Reading and saving the state of one payment for the lifecycle steps: the document when there is
 * one, else the historic posted transfer. Internal to the package.
 */
import { controlTransferId, loadQuotaControls } from "@jincai/budget";
import type { Reservation } from "@jincai/budget";
import { JincaiError } from "@jincai/core";
import type { StoredRecord, StoreTx, Transfer } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import { freshState } from "./fresh-payments";
import type { FreshPayments } from "./fresh-payments";
import type { Payment, PaymentStatus } from "./payment";
import { PAYMENT_COLLECTION, paymentDocument, paymentFromRecord, paymentRecord } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { paymentFromTransfer, paymentTransferId } from "./payment-transfer";

/** A payment with what is needed to change it. */
export interface PaymentState {
  /** The payment. */
  readonly payment: Payment;
  /** Its document: fields kept as stored, plus the record version (0 when none exists yet). */
  readonly doc: PaymentDocument;
  /** The record version, 0 when the payment has no document yet (a historic import). */
  readonly version: number;
}

/** The payment's state, or undefined when neither a document nor a payment transfer exists. */
export async function findPaymentState(tx: StoreTx, paymentNumber: string): Promise<PaymentState | undefined> {
  const record: StoredRecord<PaymentDocument> | undefined = await tx.getRecord<PaymentDocument>(PAYMENT_COLLECTION, paymentNumber);
  if (record !== undefined) return (await withOpenedControls(tx, [stateOfRecord(record)]))[0];
  return stateOfTransfer(await tx.getTransfer(paymentTransferId(paymentNumber)));
}

/**
 * The states of many payments in at most two store calls (their documents, then the payment
 * transfers of those without one); one entry per number, in order, as {@link findPaymentState}.
 * A payment without a document that this chunk has just written (`fresh`) is not read back:
 * its state is the plan's (see fresh-payments).
 */
export async function findPaymentStates(
  tx: StoreTx,
  paymentNumbers: readonly string[],
  fresh?: FreshPayments,
): Promise<(PaymentState | undefined)[]> {
  const records = await tx.getRecords<PaymentDocument>(PAYMENT_COLLECTION, paymentNumbers);
  const states = new Array<PaymentState | undefined>(paymentNumbers.length);
  const unread: number[] = [];
  for (let i = 0; i < paymentNumbers.length; i++) {
    const record = records[i];
    const planned = record === undefined ? fresh?.get(paymentNumbers[i]!) : undefined;
    if (record !== undefined) states[i] = stateOfRecord(record);
    else if (planned !== undefined) states[i] = freshState(planned);
    else unread.push(i);
  }
  if (unread.length > 0) {
    const transfers = await tx.getTransfers(unread.map((i) => paymentTransferId(paymentNumbers[i]!)));
    unread.forEach((i, k) => (states[i] = stateOfTransfer(transfers[k])));
  }
  return withOpenedControls(tx, states);
}

function stateOfRecord(record: StoredRecord<PaymentDocument>): PaymentState {
  return { payment: paymentFromRecord(record), doc: record.data, version: record.version };
}

/** A historic paid payment (no document): its posted payment transfer, if any. */
function stateOfTransfer(transfer: Transfer | undefined): PaymentState | undefined {
  if (transfer === undefined || transfer.phase !== "posted") return undefined;
  const payment = paymentFromTransfer(transfer);
  return { payment, doc: paymentDocument(payment, "posted", [], [{ status: "paid", date: payment.date }]), version: 0 };
}

/** Like {@link findPaymentState}, throwing TREASURY_PAYMENT_NOT_FOUND. */
export async function getPaymentState(tx: StoreTx, paymentNumber: string): Promise<PaymentState> {
  return existingState(await findPaymentState(tx, paymentNumber), paymentNumber);
}

/** The state read for a payment, or TREASURY_PAYMENT_NOT_FOUND when there was none. */
export function existingState(state: PaymentState | undefined, paymentNumber: string): PaymentState {
  if (state === undefined) {
    throw new JincaiError(TreasuryErrorCode.PAYMENT_NOT_FOUND, `no payment ${paymentNumber}`, { details: { paymentNumber } });
  }
  return state;
}

/** The reservation of a payment, rebuilt from its document. */
export function reservationOf(state: PaymentState, controlIds: readonly string[] = state.doc.controlIds): Reservation {
  return {
    id: paymentTransferId(state.payment.paymentNumber),
    quotaId: state.payment.quotaId,
    amount: state.payment.amount,
    phase: state.doc.reservationPhase,
    controlIds,
    // Reserved within its quota's fiscal year (the calendar year), so the year of its date.
    fiscalYear: Number(state.payment.date.slice(0, 4)),
  };
}

/** Throws TREASURY_INVALID_TRANSITION unless the payment is in one of `allowed`. */
export function assertStatus(state: PaymentState, allowed: readonly PaymentStatus[], step: string): void {
  if (!allowed.includes(state.payment.status)) {
    throw new JincaiError(TreasuryErrorCode.INVALID_TRANSITION, `cannot ${step} payment ${state.payment.paymentNumber}: it is ${state.payment.status}`, {
      details: { paymentNumber: state.payment.paymentNumber, status: state.payment.status, step },
    });
  }
}

/** Saves a changed document (optimistic on the version read) and returns the payment. */
export async function savePayment(tx: StoreTx, state: PaymentState, doc: PaymentDocument): Promise<Payment> {
  const stored = await tx.putRecord(paymentRecord(doc, state.version));
  return paymentFromRecord(stored);
}

/**
 * Adds to each stored payment's `controlIds` the controls defined after it that took it over
 * (defineQuotaControl gives a control, defined `opened`, legs on the payments its lines held):
 * its document, written before, does not list them, yet its payment, rejection or refund must
 * move them too. One read of the controls, and one of the legs when any control was opened;
 * a document saved afterwards lists them. A historic payment (no document) finds its controls
 * by their legs already.
 */
async function withOpenedControls<S extends PaymentState | undefined>(tx: StoreTx, states: S[]): Promise<S[]> {
  // Only stored documents can lack an opened control (an import's new payments have none: no read).
  if (!states.some((s) => s !== undefined && s.version !== 0)) return states;
  const opened = (await loadQuotaControls(tx)).filter((c) => c.opened === true).map((c) => c.id);
  if (opened.length === 0) return states;
  const asks: { readonly index: number; readonly controlId: string }[] = [];
  states.forEach((s, index) => {
    if (s === undefined || s.version === 0) return;
    for (const controlId of opened) if (!s.doc.controlIds.includes(controlId)) asks.push({ index, controlId });
  });
  if (asks.length === 0) return states;
  const legs = await tx.getTransfers(asks.map((a) => controlTransferId(paymentTransferId(states[a.index]!.payment.paymentNumber), a.controlId)));
  const out = [...states];
  asks.forEach((a, k) => {
    if (legs[k] === undefined) return;
    const s = out[a.index]!;
    const controlIds = [...s.doc.controlIds, a.controlId];
    out[a.index] = { ...s, doc: { ...s.doc, controlIds }, payment: { ...s.payment, controlIds } } as S;
  });
  return out;
}
