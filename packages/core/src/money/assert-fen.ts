import { JincaiError } from "../errors/jincai-error";
import { MoneyErrorCode } from "./money-error-code";

/**
 * Checks at runtime that an amount is a `bigint` of fen, for callers from plain JavaScript or
 * untyped data. A JS `number` is refused even when it is a whole number, so no amount ever
 * passes through floating point.
 *
 * @param value - the amount to check
 * @param name - what the amount is, for the error details (default `"amount"`)
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `value` is not a `bigint`
 * @example
 * ```ts
 * assertFen(123456n); // ok
 * assertFen(1234.56); // throws MONEY_AMOUNT_NOT_BIGINT
 * ```
 */
export function assertFen(value: unknown, name = "amount"): asserts value is bigint {
  if (typeof value !== "bigint") {
    throw new JincaiError(
      MoneyErrorCode.AMOUNT_NOT_BIGINT,
      `${name} must be a bigint of fen, got ${typeof value}`,
      { details: { name, type: typeof value, value: String(value) } },
    );
  }
}
