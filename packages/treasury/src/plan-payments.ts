/**
 * Planning a chunk of payment rows (an import): one outcome per row, never a throw per row. A
 * payment number repeated within the chunk is a no-op when identical, else a conflict.
 */
import type { BudgetErrorCode, ControlWarning } from "@jincai/budget";
import { isJincaiError } from "@jincai/core";
import type { TreasuryErrorCode } from "./error-codes";
import { TreasuryErrorCode as Codes } from "./error-codes";
import { sameTerms } from "./payment";
import type { Payment, PaymentInput } from "./payment";
import type { PaymentContext } from "./payment-context";
import { planOnQuota, planPayment } from "./plan-payment";
import { referencesWithMemo } from "./payment-transfer";
import { paymentConflict } from "./payment-conflict";
import type { PaymentPlanHints } from "./payment-plan-hints";
import type { PlannedPayment } from "./plan-payment";
import { statedTerms } from "./stated-terms";

/**
 * One row of a payment import.
 *
 * @example
 * ```ts
 * const row: PaymentImportRow = {
 *   paymentNumber: "ZF2026-000123", date: "2026-03-05", payeeName: "武汉某某公司", payeeAccount: "4200 1234 5678",
 *   amount: 1_500_000n, purpose: "办公用品", quotaId: "Q-2026-001", status: "paid",
 * };
 * await applyPayments(tx, [row], context);
 * ```
 */
export interface PaymentImportRow extends PaymentInput {
  /** `paid` (default): historic, reserved and posted at once; `submitted`: reserved, to be approved and paid. */
  readonly status?: "paid" | "submitted";
  /**
   * `false` when the row's file has no 用途 (purpose) column, or the cell is empty: `purpose`
   * ("") is then not stated, and does not contradict the purpose of a payment recorded under the
   * same number (see stated-terms). Default `true`.
   */
  readonly purposeStated?: boolean;
}

/**
 * The outcome of one row.
 *
 * @example
 * ```ts
 * const result: PaymentItemResult = {
 *   index: 3, paymentNumber: "ZF2026-000123", status: "TREASURY_EXCEEDS_QUOTA", quotaId: "Q-2026-001",
 *   details: { quotaId: "Q-2026-001", available: "1200000", requested: "1500000" },
 *   message: "quota Q-2026-001: requested 15,000.00 exceeds the 12,000.00 available",
 * };
 * ```
 */
export interface PaymentItemResult {
  /** The row's index in the chunk. */
  readonly index: number;
  /** The row's payment number. */
  readonly paymentNumber: string;
  /** `ok`, `exists` (already there, nothing changed), or the rejection code. */
  readonly status: "ok" | "exists" | TreasuryErrorCode | BudgetErrorCode;
  /** The quota the payment was matched to, when known. */
  readonly quotaId?: string;
  /** Context of a rejection, e.g. `{ available, requested }` (fen as strings) for an overspend. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Why a rejected row was rejected, in words (e.g. `payment ZF1: functionCode 2050101 contradicts quota Q1, which has 2010301`). */
  readonly message?: string;
  /** Control thresholds this row crossed and advisory controls it took over their limits. */
  readonly warnings?: readonly ControlWarning[];
}

/**
 * The plan of one row: a planned payment, or its rejection.
 *
 * @example
 * ```ts
 * for (const p of planPayments(rows, context) satisfies PaymentRowPlan[]) {
 *   if (p.ok) console.log(p.index, p.planned.payment.quotaId); // 0 "Q-2026-001"
 *   else console.log(p.index, p.result.status); // 1 "TREASURY_QUOTA_NOT_FOUND"
 * }
 * ```
 */
export type PaymentRowPlan =
  | {
      /** The row's index. */
      readonly index: number;
      /** The row was planned. */
      readonly ok: true;
      /** The planned payment. */
      readonly planned: PlannedPayment;
    }
  | {
      /** The row's index. */
      readonly index: number;
      /** The row was rejected (or is a repeat within the chunk). */
      readonly ok: false;
      /** Its result. */
      readonly result: PaymentItemResult;
    };

/**
 * Plans every row of a chunk without touching the store (a dry run shows every rejection that
 * does not depend on balances).
 *
 * @param hints - What planning the same rows with the same context found elsewhere (the import's
 *   reading thread): a hinted row is not validated, matched or checked again (see
 *   {@link PaymentPlanHints}).
 * @example
 * ```ts
 * const plans = planPayments(rows, context);
 * plans.filter((p) => !p.ok).map((p) => p.result.status); // ["TREASURY_QUOTA_NOT_FOUND", …]
 * ```
 */
export function planPayments(rows: readonly PaymentImportRow[], context: PaymentContext, hints?: PaymentPlanHints): PaymentRowPlan[] {
  // A rejected row is an outcome, not a failure: its JincaiError is caught below, so the stack
  // trace V8 would capture for it (about 7 µs, most of what a bad row costs) is not taken. The
  // loop is synchronous, so nothing else runs while the limit is down.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return planRows(rows, context, stackTraceLimit, hints);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function planRows(rows: readonly PaymentImportRow[], context: PaymentContext, stackTraceLimit: number, hints: PaymentPlanHints | undefined): PaymentRowPlan[] {
  const out: PaymentRowPlan[] = new Array<PaymentRowPlan>(rows.length);
  const seen = new Map<string, Payment>();
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    try {
      const quota = hints?.quotas[index];
      const planned = quota === undefined
        ? planPayment(row, context, row.status ?? "paid")
        : planOnQuota(row, context, row.status ?? "paid", quota, hints!.economicCodes[index] ?? quota.economicCode, referencesWithMemo(row.paymentNumber, hints!.memos[index]!));
      const first = seen.get(row.paymentNumber);
      if (first === undefined) {
        seen.set(row.paymentNumber, planned.payment);
        out[index] = { index, ok: true, planned };
      } else {
        // A repeat that leaves out the 用途 or 经济科目 the first row gave does not contradict it.
        const given = statedTerms(first, planned.payment, row);
        const result: PaymentItemResult = samePayment(first, given)
          ? { index, paymentNumber: row.paymentNumber, status: "exists", quotaId: first.quotaId }
          : conflictResult(index, first, given);
        out[index] = { index, ok: false, result };
      }
    } catch (e) {
      if (!isJincaiError(e)) throw withStack(e, () => planPayment(row, context, row.status ?? "paid"), stackTraceLimit);
      const result = { index, paymentNumber: String(row.paymentNumber), status: e.code as PaymentItemResult["status"], details: e.details, message: e.message };
      out[index] = { index, ok: false, result };
    }
  }
  return out;
}

/**
 * An unexpected error (a bug, not a rejected row) thrown while stack traces were off: planning the
 * row again with them on gives the same error with its stack (planning is pure).
 */
function withStack(error: unknown, again: () => unknown, stackTraceLimit: number): unknown {
  Error.stackTraceLimit = stackTraceLimit;
  try {
    again();
  } catch (traced) {
    return traced;
  }
  return error;
}

/** A row repeating an earlier row's payment number with other fields, naming the first that differs. */
function conflictResult(index: number, first: Payment, given: Payment): PaymentItemResult {
  const { message, details } = paymentConflict(first, given);
  return { index, paymentNumber: given.paymentNumber, status: Codes.PAYMENT_CONFLICT, quotaId: first.quotaId, message, ...(details ? { details } : {}) };
}

function samePayment(a: Payment, b: Payment): boolean {
  return sameTerms(a, b) && a.date === b.date && a.status === b.status;
}
