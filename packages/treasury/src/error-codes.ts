/**
 * The stable error codes of `@jincai/treasury`, documented in the package's `ERRORS.md`.
 * Never rename or reuse one. Payment operations may also report the budget codes
 * `BUDGET_MISSING_DIMENSION`, `BUDGET_NOT_EXECUTABLE` and `BUDGET_INVALID_REFINEMENT`.
 *
 * @example
 * ```ts
 * if (result.status === TreasuryErrorCode.EXCEEDS_QUOTA) console.log(result.details?.available);
 * ```
 */
export const TreasuryErrorCode = {
  /** A field of the payment is missing or malformed (number, date, payee, amount). */
  INVALID_PAYMENT: "TREASURY_INVALID_PAYMENT",
  /** No executable quota has the payment's id or its agency, fund, function, economic code and project. */
  QUOTA_NOT_FOUND: "TREASURY_QUOTA_NOT_FOUND",
  /** Several executable quotas match the payment's dimensions: give the quota id. */
  QUOTA_AMBIGUOUS: "TREASURY_QUOTA_AMBIGUOUS",
  /** A code given on the payment contradicts its quota (element inheritance, rule 2). */
  CODE_MISMATCH: "TREASURY_CODE_MISMATCH",
  /** The payment number exists with other fields. */
  PAYMENT_CONFLICT: "TREASURY_PAYMENT_CONFLICT",
  /** The payment would take its quota below zero available. */
  EXCEEDS_QUOTA: "TREASURY_EXCEEDS_QUOTA",
  /** The payment would pass the limit of an absolute control. */
  EXCEEDS_CONTROL: "TREASURY_EXCEEDS_CONTROL",
  /** No payment with that number. */
  PAYMENT_NOT_FOUND: "TREASURY_PAYMENT_NOT_FOUND",
  /** The payment's status does not allow the step (e.g. paying a rejected payment). */
  INVALID_TRANSITION: "TREASURY_INVALID_TRANSITION",
  /** A refund larger than what was paid and not yet refunded, or a refund number reused with another amount. */
  INVALID_REFUND: "TREASURY_INVALID_REFUND",
  /** The ledger refused the payment for another reason; `details.status` has the ledger status. */
  LEDGER_REJECTED: "TREASURY_LEDGER_REJECTED",
  /** The payment's date, or its refund's, is in a closed period (`lockPeriod`, `jincai close`). */
  PERIOD_CLOSED: "TREASURY_PERIOD_CLOSED",
} as const;

/**
 * Any error code of `@jincai/treasury`.
 *
 * @example
 * ```ts
 * try {
 *   await payPayment(store, "ZF2026-000123", { date: "2026-03-05" });
 * } catch (e) {
 *   if (isJincaiError<TreasuryErrorCode>(e) && e.code === "TREASURY_INVALID_TRANSITION") {
 *     console.log("ZF2026-000123 was rejected: it cannot be paid");
 *   }
 * }
 * ```
 */
export type TreasuryErrorCode = (typeof TreasuryErrorCode)[keyof typeof TreasuryErrorCode];

/**
 * Warning codes of `@jincai/treasury`: a row that went in, or changed nothing, with something to say.
 *
 * @example
 * ```ts
 * result.details?.["olderRow"] === true; // warned as TreasuryWarningCode.OLDER_ROW
 * ```
 */
export const TreasuryWarningCode = {
  /**
   * A row of a status the payment has already moved past (an older file imported after a newer
   * one) says a date the books do not have for that step; it changes nothing.
   */
  OLDER_ROW: "TREASURY_OLDER_ROW",
} as const;

/**
 * Any warning code of `@jincai/treasury`.
 *
 * @example
 * ```ts
 * const r = await advancePayment(tx, rowOfAnOlderFile, "paid", context); // { status: "exists", … }
 * const code: TreasuryWarningCode | undefined = r.details?.["olderRow"] === true ? "TREASURY_OLDER_ROW" : undefined;
 * ```
 */
export type TreasuryWarningCode = (typeof TreasuryWarningCode)[keyof typeof TreasuryWarningCode];
