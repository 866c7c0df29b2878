/**
 * The SDK's single Decimal constructor. Every package that needs decimal arithmetic (rates,
 * percentages, allocation by decimal weights) imports `Dec`/`D` from `@jincai/core` rather
 * than decimal.js directly, so precision and rounding are the same everywhere. The global
 * decimal.js settings are never touched (`Decimal.set` is not called anywhere).
 */
import Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { MoneyErrorCode } from "./money-error-code";

/**
 * Significant digits kept by {@link Dec}.
 *
 * @example
 * ```ts
 * new Dec("1").dividedBy(3).toString().length; // DEC_PRECISION + 2 ("0." and 40 digits)
 * ```
 */
export const DEC_PRECISION = 40;

/**
 * The SDK's Decimal constructor: 40 significant digits, ROUND_HALF_UP (四舍五入) by default.
 * Prefer {@link D}, which validates its input; use `Dec` for `instanceof` checks and statics.
 *
 * @example
 * ```ts
 * new Dec("0.1").plus("0.2").toString(); // "0.3"
 * ```
 */
export const Dec = Decimal.clone({ precision: DEC_PRECISION, rounding: Decimal.ROUND_HALF_UP });

/**
 * A decimal value made by {@link Dec} (a decimal.js `Decimal`).
 *
 * @example
 * ```ts
 * const rate: Dec = D("0.03");
 * rate.times(D(1_500_000n)).toFixed(0); // "45000" (fen)
 * ```
 */
export type Dec = Decimal;

const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Builds a Decimal from a plain decimal string, a `bigint` or another Decimal. JS numbers are
 * rejected because `0.1` is already inexact; so are exponents, `NaN`, `Infinity` and hex.
 *
 * @param value - e.g. `"1234.56"`, `"-0.03"`, `123n`
 * @returns the value as a {@link Dec}
 * @throws {JincaiError} MONEY_DECIMAL_INVALID when `value` is not a plain decimal
 * @throws {JincaiError} MONEY_PRECISION when `value` has more than 40 significant digits
 * @example
 * ```ts
 * D("0.03").times(D(1000n)).toFixed(2); // "30.00"
 * D(0.1 as never); // throws MONEY_DECIMAL_INVALID
 * ```
 */
export function D(value: string | bigint | Decimal): Decimal {
  if (typeof value === "bigint") return new Dec(checked(value.toString()));
  if (typeof value === "string") {
    if (!PLAIN_DECIMAL.test(value)) throw invalid(value);
    return new Dec(checked(value));
  }
  if (Decimal.isDecimal(value) && value.isFinite()) {
    if (value.sd() > DEC_PRECISION) throw tooPrecise(value.toString());
    return value instanceof Dec ? value : new Dec(value);
  }
  throw invalid(value);
}

/**
 * Whether text is a plain decimal (`-12.50`), the only string form {@link D} accepts. Internal.
 *
 * @example
 * ```ts
 * isPlainDecimal("-12.50"); // true
 * isPlainDecimal("1e3"); // false
 * ```
 */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

function checked(plain: string): string {
  // The constructor rounds inputs longer than the precision; refuse rather than lose digits.
  if (significantDigits(plain) > DEC_PRECISION) throw tooPrecise(plain);
  return plain;
}

function significantDigits(plain: string): number {
  const digits = plain.replace(/^[+-]/, "").replace(".", "").replace(/^0+/, "");
  return digits.replace(/0+$/, "").length;
}

function invalid(value: unknown): JincaiError {
  const shown = typeof value === "bigint" ? value.toString() : value;
  return new JincaiError(MoneyErrorCode.DECIMAL_INVALID, `not a plain decimal: ${String(shown)}`, {
    details: { input: typeof shown === "string" ? shown : String(shown) },
  });
}

function tooPrecise(input: string): JincaiError {
  return new JincaiError(
    MoneyErrorCode.PRECISION,
    `more than ${DEC_PRECISION} significant digits: ${input}`,
    { details: { input, precision: DEC_PRECISION } },
  );
}
