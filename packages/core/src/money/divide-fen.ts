import type Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { assertFen } from "./assert-fen";
import { D, DEC_PRECISION } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";
import { roundToFen, type RoundingOptions } from "./rounding-mode";

/**
 * Divides fen by a number (months, persons, a decimal factor) and rounds to whole fen with an
 * explicit mode, through decimal.js. To split a total so the parts add up, use
 * {@link allocate} instead.
 *
 * The quotient is rounded first to 40 significant digits and then to fen; the function refuses
 * (MONEY_PRECISION) any division where that first step could change the final fen.
 *
 * @param fen - the amount in fen
 * @param divisor - a plain decimal string, `bigint` or Decimal; never a JS number
 * @param options - `rounding`, default `ROUND_HALF_UP` (四舍五入)
 * @returns the rounded quotient in fen
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @throws {JincaiError} MONEY_DECIMAL_INVALID when `divisor` is not a plain decimal
 * @throws {JincaiError} MONEY_DIVISION_BY_ZERO when `divisor` is zero
 * @throws {JincaiError} MONEY_PRECISION when exact rounding cannot be guaranteed
 * @example
 * ```ts
 * divideFen(100n, 3n); // 33n
 * divideFen(5n, 2n); // 3n (2.5 → 3, 四舍五入)
 * divideFen(5n, "2", { rounding: "ROUND_HALF_EVEN" }); // 2n
 * ```
 */
export function divideFen(
  fen: bigint,
  divisor: string | bigint | Decimal,
  options?: RoundingOptions,
): bigint {
  assertFen(fen);
  const d = D(divisor);
  if (d.isZero()) {
    throw new JincaiError(MoneyErrorCode.DIVISION_BY_ZERO, "division of an amount by zero", {
      details: { fen: fen.toString(), divisor: d.toString() },
    });
  }
  const quotient = D(fen).div(d);
  // A quotient a/d lies at least 1/(2·B) away from any half-fen it is not equal to, where B is
  // d's digits read as an integer; the 40-digit rounding error must stay below that distance.
  if (!quotient.isZero() && quotient.e + Math.max(d.e + 1, d.sd()) >= DEC_PRECISION) {
    throw new JincaiError(MoneyErrorCode.PRECISION, "amount ÷ divisor needs more than 40 digits", {
      details: { fen: fen.toString(), divisor: d.toString(), precision: DEC_PRECISION },
    });
  }
  return roundToFen(quotient, options?.rounding ?? "ROUND_HALF_UP");
}
