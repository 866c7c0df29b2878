/**
 * What planning a chunk of payments found, worked out elsewhere from the same rows and the same
 * context: the import's reading thread plans each row while the main thread applies the chunk
 * before it. A row's validation, quota matching, code checks and references depend only on the
 * row and the context, so `planPayments` takes them from the hint and plans only the
 * reservation itself (the transfers the main thread writes); a row without a hint is planned in
 * full, as is every row when there are no hints.
 */
import type { QuotaLine } from "@jincai/budget";
import type { PaymentContext } from "./payment-context";
import type { PaymentInput } from "./payment";
import { resolvePayment } from "./plan-payment";
import type { PlannedPayment } from "./plan-payment";

/**
 * Per row of a chunk (by index), what planning it found; see the module comment.
 *
 * @example
 * ```ts
 * const hints: PaymentPlanHints = {
 *   quotas: [context.quotas.get("Q-2026-001"), undefined], // row 1 is planned in full
 *   economicCodes: ["30201", undefined],
 *   memos: ['["武汉某某公司","4200 1234 5678","办公用品","30201"]', undefined],
 * };
 * await applyPayments(tx, rows, context, undefined, { hints });
 * ```
 */
export interface PaymentPlanHints {
  /** The quota line each row was matched to; `undefined` plans the row in full. */
  readonly quotas: readonly (QuotaLine | undefined)[];
  /** Each row's effective economic code when it refines its quota's (a 款 under the quota's 类). */
  readonly economicCodes: readonly (string | undefined)[];
  /** Each row's references memo (payee, account, purpose and economic code). */
  readonly memos: readonly (string | undefined)[];
}

/**
 * One row's hint, as {@link paymentPlanHint} reads it off a planned payment.
 *
 * @example
 * ```ts
 * const hint: PaymentPlanHint = paymentPlanHint(planPayment(row, context, "paid"));
 * // { quotaId: "Q-2026-001", economicCode: "30201",
 * //   memo: '["武汉某某公司","4200 1234 5678","办公用品","30201"]' }
 * ```
 */
export interface PaymentPlanHint {
  /** The quota line's id. */
  readonly quotaId: string;
  /** The effective economic code (the quota's, or the 款 refining it). */
  readonly economicCode: string;
  /** The references memo. */
  readonly memo: string;
}

/**
 * What another thread needs to hand on of a payment it planned (see {@link PaymentPlanHints}).
 *
 * @example
 * ```ts
 * const hint = paymentPlanHint(planPayment(row, context, "paid"));
 * hint.quotaId; // "Q-2026-001"
 * ```
 */
export function paymentPlanHint(planned: PlannedPayment): PaymentPlanHint {
  return { quotaId: planned.payment.quotaId, economicCode: planned.payment.economicCode, memo: planned.plan.transfers[0]!.references!.memo! };
}

/**
 * A payment's hint worked out without planning its reservation: what another thread sends so
 * that `planPayments` plans only the reservation. It throws what `planPayment` throws for the
 * row's fields, quota and codes (the row then goes without a hint and is planned in full where
 * its rejection is reported); a row the reservation would refuse (a date outside the year, a
 * line not executable, a control missing a dimension) gets its hint, and the reservation planned
 * with it refuses it the same way.
 *
 * @example
 * ```ts
 * const hint = hintPayment({ paymentNumber: "ZF001", quotaId: "Q-2026-001", amount: 100_000n, … }, context);
 * // { quotaId: "Q-2026-001", economicCode: "30201", memo: '["武汉某某办公用品公司","420101000000001","办公用品","30201"]' }
 * ```
 */
export function hintPayment(input: PaymentInput, context: PaymentContext): PaymentPlanHint {
  const { quota, economicCode, references } = resolvePayment(input, context);
  return { quotaId: quota.id, economicCode, memo: references.memo! };
}
