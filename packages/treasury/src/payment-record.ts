/**
 * The record document of a payment whose state must be kept: submitted, approved, rejected, and
 * any payment that has been paid through the lifecycle or refunded. Collection `payment`, id =
 * payment number, JSON-safe (amounts as strings of fen). Historic payments imported as paid
 * have no document until something happens to them (a refund).
 */
import type { RecordWrite, StoredRecord } from "@jincai/core";
import type { Payment, PaymentStatus } from "./payment";

/**
 * The record-store collection of payment documents.
 *
 * @example
 * ```ts
 * await tx.getRecord(PAYMENT_COLLECTION, "ZF2026-000123");
 * ```
 */
export const PAYMENT_COLLECTION = "payment";

/**
 * One refund (退票) of a payment.
 *
 * @example
 * ```ts
 * const refund: PaymentRefund = { refundNumber: "TP-01", amount: "500000", date: "2026-03-20" };
 * const [history] = await paymentHistories(store, ["ZF2026-000123"]);
 * history?.refunds; // [{ refundNumber: "TP-01", amount: "500000", date: "2026-03-20" }]
 * ```
 */
export interface PaymentRefund {
  /** The refund number (the bank's 退票 reference): the idempotency key of the refund. */
  readonly refundNumber: string;
  /** Fen refunded, as a decimal string. */
  readonly amount: string;
  /** Date `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * One status change of a payment.
 *
 * @example
 * ```ts
 * const event: PaymentEvent = { status: "paid", date: "2026-03-05" };
 * const [history] = await paymentHistories(store, ["ZF2026-000123"]);
 * history?.events.at(-1); // { status: "paid", date: "2026-03-05" }
 * ```
 */
export interface PaymentEvent {
  /** The status entered. */
  readonly status: PaymentStatus;
  /** Its date `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * A payment as stored.
 *
 * @example
 * ```ts
 * const record = await store.getRecord<PaymentDocument>(PAYMENT_COLLECTION, "ZF2026-000123");
 * record?.data.amount; // "1500000" (fen, as text)
 * record?.data.events; // [{ status: "submitted", date: "2026-03-02" }, { status: "approved", date: "2026-03-03" }]
 * ```
 */
export interface PaymentDocument {
  /** 支付申请编号. */
  readonly paymentNumber: string;
  /** Date `YYYY-MM-DD`. */
  readonly date: string;
  /** 收款人名称. */
  readonly payeeName: string;
  /** 收款人账号. */
  readonly payeeAccount: string;
  /** Fen, decimal string. */
  readonly amount: string;
  /** 用途. */
  readonly purpose: string;
  /** The quota. */
  readonly quotaId: string;
  /** Effective department economic code. */
  readonly economicCode: string;
  /** Current status. */
  readonly status: PaymentStatus;
  /** Fen paid, decimal string. */
  readonly paidAmount: string;
  /** Controls debited by the reservation. */
  readonly controlIds: readonly string[];
  /** `posted` when the reservation was posted at once (a historic import), else `pending`. */
  readonly reservationPhase: "pending" | "posted";
  /** Refunds so far, oldest first. */
  readonly refunds: readonly PaymentRefund[];
  /** Status changes with their dates, oldest first. */
  readonly events: readonly PaymentEvent[];
}

/** The document of a payment. Internal. */
export function paymentDocument(
  payment: Payment,
  reservationPhase: "pending" | "posted",
  refunds: readonly PaymentRefund[],
  events: PaymentDocument["events"],
): PaymentDocument {
  return {
    paymentNumber: payment.paymentNumber,
    date: payment.date,
    payeeName: payment.payeeName,
    payeeAccount: payment.payeeAccount,
    amount: payment.amount.toString(),
    purpose: payment.purpose,
    quotaId: payment.quotaId,
    economicCode: payment.economicCode,
    status: payment.status,
    paidAmount: payment.paidAmount.toString(),
    controlIds: payment.controlIds,
    reservationPhase,
    refunds,
    events,
  };
}

/** The record write of a payment document. Internal. */
export function paymentRecord(doc: PaymentDocument, expectedVersion: number): RecordWrite<PaymentDocument> {
  return {
    collection: PAYMENT_COLLECTION,
    id: doc.paymentNumber,
    data: doc,
    index: { status: doc.status, quotaId: doc.quotaId },
    expectedVersion,
  };
}

/** The payment of a stored document. Internal. */
export function paymentFromRecord(record: StoredRecord<PaymentDocument>): Payment {
  return paymentFromDocument(record.data);
}

/** The payment a document describes. Internal. */
export function paymentFromDocument(d: PaymentDocument): Payment {
  return {
    paymentNumber: d.paymentNumber,
    date: d.date,
    payeeName: d.payeeName,
    payeeAccount: d.payeeAccount,
    amount: BigInt(d.amount),
    purpose: d.purpose,
    quotaId: d.quotaId,
    economicCode: d.economicCode,
    status: d.status,
    paidAmount: BigInt(d.paidAmount),
    refundedAmount: d.refunds.reduce((sum, r) => sum + BigInt(r.amount), 0n),
    controlIds: d.controlIds,
  };
}
