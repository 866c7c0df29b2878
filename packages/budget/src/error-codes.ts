/**
 * The stable error codes of `@jincai/budget`, documented in the package's `ERRORS.md`.
 * Never rename or reuse one.
 *
 * @example
 * ```ts
 * if (isJincaiError(e, BudgetErrorCode.MISSING_DIMENSION)) console.log(e.details.dimension);
 * ```
 */
export const BudgetErrorCode = {
  /** The line's agency (预算单位) is not a known agency. */
  UNKNOWN_AGENCY: "BUDGET_UNKNOWN_AGENCY",
  /** The line's fund type (资金性质) is not a known fund type. */
  UNKNOWN_FUND_TYPE: "BUDGET_UNKNOWN_FUND_TYPE",
  /** A classification code is unknown for the fiscal year, or malformed, or of the wrong kind. */
  UNKNOWN_CODE: "BUDGET_UNKNOWN_CODE",
  /** A classification code has children; quotas post to leaf codes (or a dept-economic 类). */
  NOT_LEAF: "BUDGET_NOT_LEAF",
  /** The source (指标来源) code is not one of {@link QUOTA_SOURCES}. */
  UNKNOWN_SOURCE: "BUDGET_UNKNOWN_SOURCE",
  /** The payment type (支付方式) code is not one of {@link PAYMENT_TYPES}. */
  UNKNOWN_PAYMENT_TYPE: "BUDGET_UNKNOWN_PAYMENT_TYPE",
  /** A required field or dimension is empty: the check fails closed instead of matching anything. */
  MISSING_DIMENSION: "BUDGET_MISSING_DIMENSION",
  /** An amount is not a positive bigint of fen (or a post exceeds what was reserved). */
  INVALID_AMOUNT: "BUDGET_INVALID_AMOUNT",
  /** `loadQuota` was given a line with validation issues; they are in `details.issues`. */
  INVALID_QUOTA: "BUDGET_INVALID_QUOTA",
  /** The same quota id was loaded before with other fields. */
  QUOTA_CONFLICT: "BUDGET_QUOTA_CONFLICT",
  /** No quota with that id. */
  QUOTA_NOT_FOUND: "BUDGET_QUOTA_NOT_FOUND",
  /** The quota's executable flag (指标可执行标志) is off: it cannot be reserved. */
  NOT_EXECUTABLE: "BUDGET_NOT_EXECUTABLE",
  /** A refined economic code does not refine the quota's code (it must extend the quota's 类). */
  INVALID_REFINEMENT: "BUDGET_INVALID_REFINEMENT",
  /** A control definition is malformed (no matcher, bad limit, policy or threshold). */
  INVALID_CONTROL: "BUDGET_INVALID_CONTROL",
  /** The same control id was defined before with other fields. */
  CONTROL_CONFLICT: "BUDGET_CONTROL_CONFLICT",
  /** No control with that id (`retireQuotaControl`). */
  CONTROL_NOT_FOUND: "BUDGET_CONTROL_NOT_FOUND",
  /** A reservation would take the quota line below zero available. */
  EXCEEDS_QUOTA: "BUDGET_EXCEEDS_QUOTA",
  /** A reservation would pass the limit of an `absolute` control. */
  EXCEEDS_CONTROL: "BUDGET_EXCEEDS_CONTROL",
  /** The ledger refused a budget batch for another reason; `details.status` has its status. */
  LEDGER_REJECTED: "BUDGET_LEDGER_REJECTED",
  /** A transfer of the batch is dated in a closed period (`lockPeriod`, `jincai close`). */
  PERIOD_CLOSED: "BUDGET_PERIOD_CLOSED",
  /** A reservation or its consumption is dated outside the quota line's fiscal year (《预算法》§18). */
  OUTSIDE_FISCAL_YEAR: "BUDGET_OUTSIDE_FISCAL_YEAR",
  /** A reservation is dated before its quota line was issued (下达日期): no quota, no payment. */
  NOT_YET_ISSUED: "BUDGET_NOT_YET_ISSUED",
} as const;

/**
 * Any error code of `@jincai/budget`.
 *
 * @example
 * ```ts
 * try {
 *   await loadQuota(store, line, context);
 * } catch (e) {
 *   if (isJincaiError<BudgetErrorCode>(e) && e.code === "BUDGET_QUOTA_CONFLICT") {
 *     console.log("Q-2026-001 was loaded before with other fields");
 *   }
 * }
 * ```
 */
export type BudgetErrorCode = (typeof BudgetErrorCode)[keyof typeof BudgetErrorCode];
