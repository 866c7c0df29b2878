/**
 * Stable error codes of the money module. Never rename or reuse one; mark it `@deprecated`
 * instead. Each code is documented in `packages/core/ERRORS.md` under "Money".
 *
 * @example
 * ```ts
 * if (isJincaiError(e, MoneyErrorCode.PARSE)) console.log(e.details.input);
 * ```
 */
export const MoneyErrorCode = {
  /** Text is not an amount (empty, garbage, misplaced separators, several signs, exponents). */
  PARSE: "MONEY_PARSE",
  /** An amount has more than two significant decimals and no rounding mode was named. */
  TOO_MANY_DECIMALS: "MONEY_TOO_MANY_DECIMALS",
  /** Two amounts of different currencies were combined. */
  CURRENCY_MISMATCH: "MONEY_CURRENCY_MISMATCH",
  /** A currency code is not three upper-case letters (ISO 4217 form, e.g. `CNY`). */
  CURRENCY_INVALID: "MONEY_CURRENCY_INVALID",
  /** An amount was not a `bigint` of fen (for example a JS `number`). */
  AMOUNT_NOT_BIGINT: "MONEY_AMOUNT_NOT_BIGINT",
  /** A decimal or rate value is not a plain decimal string, `bigint` or Decimal. */
  DECIMAL_INVALID: "MONEY_DECIMAL_INVALID",
  /** A computation would need more than the 40 significant digits the SDK's Decimal keeps. */
  PRECISION: "MONEY_PRECISION",
  /** A rounding mode name is not one of {@link RoundingMode}. */
  ROUNDING_INVALID: "MONEY_ROUNDING_INVALID",
  /** Division by zero. */
  DIVISION_BY_ZERO: "MONEY_DIVISION_BY_ZERO",
  /** Allocation weights are empty, negative, not decimals, or all zero. */
  ALLOCATE_WEIGHTS: "MONEY_ALLOCATE_WEIGHTS",
} as const;

/**
 * One of the money module's error codes.
 *
 * @example
 * ```ts
 * try {
 *   parseFen("12.345");
 * } catch (e) {
 *   if (isJincaiError<MoneyErrorCode>(e) && e.code === "MONEY_TOO_MANY_DECIMALS") console.log(e.details);
 * }
 * ```
 */
export type MoneyErrorCode = (typeof MoneyErrorCode)[keyof typeof MoneyErrorCode];
