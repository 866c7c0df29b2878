/**
 * Refunds (退票) of paid payments: a NEW reversing posted transfer per level, referencing the
 * consumption it corrects, restores the quota's (and the controls') availability. Nothing is
 * updated in place. Partial refunds add up; a fully refunded payment becomes `refunded`.
 */
import { controlTransferId, restoreConsumption } from "@jincai/budget";
import { JincaiError, fenProblem, formatFen } from "@jincai/core";
import type { StoreTx, TransferInput } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment } from "./payment";
import type { PaymentContext } from "./payment-context";
import { applyLedger } from "./apply-ledger";
import { assertStatus, existingState, findPaymentState, reservationOf, savePayment } from "./payment-state";
import type { PaymentState } from "./payment-state";
import type { PaymentDocument } from "./payment-record";
import { paymentTransferId, refundTransferId } from "./payment-transfer";
import { assertStepDate } from "./step-date";

/**
 * A refund of a paid payment.
 *
 * @example
 * ```ts
 * const step: RefundStep = { refundNumber: "TP-01", date: "2026-03-20", amount: 500_000n };
 * (await refundPayment(store, "ZF2026-000123", step, context)).refundedAmount; // 500000n
 * ```
 */
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
 *   TREASURY_INVALID_REFUND when the amount exceeds what is left, the refund number was used
 *   with another amount, or the date is before the payment was paid; TREASURY_PAYMENT_CONFLICT
 *   when the refund number was used on another date
 * @example
 * ```ts
 * (await refundPayment(tx, "ZF001", { refundNumber: "TP-01", date: "2026-03-20" }, context)).status; // "refunded"
 * ```
 */
export async function refundPayment(tx: StoreTx, paymentNumber: string, step: RefundStep, context: PaymentContext): Promise<Payment> {
  return (await applyRefund(tx, paymentNumber, step, context)).payment;
}

/**
 * {@link refundPayment}, telling whether the refund was applied now (`false`: that refund number
 * was applied before). Internal.
 *
 * @example
 * ```ts
 * (await applyRefund(tx, "ZF001", { refundNumber: "TP-01", date: "2026-03-20" }, context)).applied; // true
 * ```
 */
export async function applyRefund(
  tx: StoreTx,
  paymentNumber: string,
  step: RefundStep,
  context: PaymentContext,
): Promise<{ readonly payment: Payment; readonly applied: boolean }> {
  const prepared = await prepareRefund(tx, paymentNumber, step, context);
  if ("done" in prepared) return { payment: prepared.done, applied: false };
  await applyLedger(tx, prepared.batch, paymentNumber);
  return { payment: await finishRefund(tx, prepared), applied: true };
}

/** A checked refund: its ledger batch, and what to save once the batch is applied. Internal. */
export interface PreparedRefund {
  /** The payment as read. */
  readonly state: PaymentState;
  /** The step asked for. */
  readonly step: RefundStep;
  /** The controls the payment debited. */
  readonly controlIds: readonly string[];
  /** Fen refunded. */
  readonly amount: bigint;
  /** Fen left to refund before this one. */
  readonly left: bigint;
  /** The reversing transfers. */
  readonly batch: TransferInput[];
}

/**
 * Reads and checks a refund and builds its reversing transfers; `done` when the refund number was
 * already applied (a replay). Writes nothing. Internal.
 *
 * @throws {JincaiError} as {@link refundPayment}
 * @example
 * ```ts
 * const prepared = await prepareRefund(tx, "ZF001", { refundNumber: "TP-01", date: "2026-03-20" }, context);
 * if (!("done" in prepared)) prepared.batch.map((t) => t.id); // ["pay:ZF001.refund:TP-01", …]
 * ```
 */
export async function prepareRefund(
  tx: StoreTx,
  paymentNumber: string,
  step: RefundStep,
  context: PaymentContext,
): Promise<PreparedRefund | { readonly done: Payment }> {
  return prepareRefundOf(tx, await findPaymentState(tx, paymentNumber), paymentNumber, step, context);
}

/**
 * {@link prepareRefund} of a payment whose state was already read (`undefined`: there is no such
 * payment, TREASURY_PAYMENT_NOT_FOUND). `knownControlIds` are the controls a payment without a
 * document debited when the caller knows them (one it has just written), else they are probed.
 * Internal.
 *
 * @example
 * ```ts
 * const [state] = await findPaymentStates(tx, ["ZF001"]);
 * await prepareRefundOf(tx, state, "ZF001", { refundNumber: "TP-01", date: "2026-03-20" }, context);
 * ```
 */
export async function prepareRefundOf(
  tx: StoreTx,
  read: PaymentState | undefined,
  paymentNumber: string,
  step: RefundStep,
  context: PaymentContext,
  knownControlIds?: readonly string[],
): Promise<PreparedRefund | { readonly done: Payment }> {
  const state = existingState(read, paymentNumber);
  // The refund number keys the refund (a repeat is recognised by it): without one, a second
  // refund would pass as a repeat of the first.
  if (typeof step.refundNumber !== "string" || step.refundNumber.trim() === "") {
    throw invalidRefund(paymentNumber, step, "a refund needs its refund number (退票编号)", "refundNumber");
  }
  // " TP-01 " would be a refund of its own beside "TP-01": the same refund twice.
  if (step.refundNumber.trim() !== step.refundNumber) {
    throw invalidRefund(paymentNumber, step, `refund number ${JSON.stringify(step.refundNumber)} has spaces around it (it would be stored apart from ${JSON.stringify(step.refundNumber.trim())})`, "refundNumber");
  }
  const previous = state.doc.refunds.find((r) => r.refundNumber === step.refundNumber);
  if (previous !== undefined) {
    if (step.amount !== undefined && BigInt(previous.amount) !== step.amount) {
      const given = typeof step.amount === "bigint" ? formatFen(step.amount) : String(step.amount);
      throw invalidRefund(paymentNumber, step,
        `refund ${step.refundNumber} was recorded as ${formatFen(BigInt(previous.amount))} on ${previous.date}; this row says ${given} (another refund of the payment needs a refund number of its own, 退票编号)`, "amount");
    }
    if (previous.date !== step.date) {
      // A later export that moves the 退票日期 would otherwise pass as a repeat, the books keeping the old month.
      throw new JincaiError(TreasuryErrorCode.PAYMENT_CONFLICT, `payment ${paymentNumber} was refunded on ${previous.date}, this row says ${step.date}`, {
        details: { paymentNumber, refundNumber: step.refundNumber, field: "refundDate", stored: previous.date, given: step.date },
      });
    }
    return { done: state.payment };
  }
  assertStatus(state, ["paid"], "refund");
  assertStepDate(state, step.date, "refund");
  const left = state.payment.paidAmount - state.payment.refundedAmount;
  const amount = step.amount ?? left;
  if (typeof amount !== "bigint") throw invalidRefund(paymentNumber, step, fenProblem(amount), "amount");
  if (amount <= 0n || amount > left) {
    throw invalidRefund(paymentNumber, step, `a refund of ${formatFen(amount)} is not within 0.01..${formatFen(left)}, what is left of the payment`, "amount");
  }
  const controlIds = state.version !== 0 ? state.doc.controlIds : (knownControlIds ?? (await historicControls(tx, state, context)));
  const batch = restoreConsumption(reservationOf(state, controlIds), {
    id: refundTransferId(paymentNumber, step.refundNumber),
    amount,
    date: step.date,
    references: { voucher: paymentNumber },
  });
  return { state, step, controlIds, amount, left, batch };
}

/**
 * Saves the document of a refund whose batch was applied. Internal.
 *
 * @example
 * ```ts
 * await applyLedger(tx, prepared.batch, "ZF001");
 * (await finishRefund(tx, prepared)).status; // "refunded"
 * ```
 */
export async function finishRefund(tx: StoreTx, prepared: PreparedRefund): Promise<Payment> {
  return savePayment(tx, prepared.state, refundedDocument(prepared));
}

/**
 * The payment document after a prepared refund (a full refund makes it `refunded`). Internal.
 *
 * @example
 * ```ts
 * refundedDocument(prepared).refunds.at(-1)?.refundNumber; // "ZF001-R"
 * ```
 */
export function refundedDocument(prepared: PreparedRefund): PaymentDocument {
  const { state, step, amount, left, controlIds } = prepared;
  const full = amount === left;
  return {
    ...state.doc,
    controlIds,
    status: full ? "refunded" : "paid",
    refunds: [...state.doc.refunds, { refundNumber: step.refundNumber, amount: amount.toString(), date: step.date }],
    events: full ? [...state.doc.events, { status: "refunded", date: step.date }] : state.doc.events,
  };
}

/** The controls a historic payment debited: those whose transfer `pay:<n>~<control>` exists. */
async function historicControls(tx: StoreTx, state: PaymentState, context: PaymentContext): Promise<string[]> {
  if (context.controls.length === 0) return [];
  const id = paymentTransferId(state.payment.paymentNumber);
  const found = await tx.getTransfers(context.controls.map((c) => controlTransferId(id, c.id)));
  return context.controls.filter((_, i) => found[i] !== undefined).map((c) => c.id);
}

function invalidRefund(paymentNumber: string, step: RefundStep, message: string, field?: string): JincaiError {
  return new JincaiError(TreasuryErrorCode.INVALID_REFUND, `payment ${paymentNumber}: ${message}`, {
    details: { paymentNumber, refundNumber: step.refundNumber, amount: String(step.amount), ...(field === undefined ? {} : { field }) },
  });
}
