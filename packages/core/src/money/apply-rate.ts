import type Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { assertFen } from "./assert-fen";
import { D, DEC_PRECISION } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";
import { parseRate } from "./parse-rate";
import { roundToFen, type RoundingOptions } from "./rounding-mode";

/**
 * Multiplies fen by a rate (tax, fee, percentage of a quota) and rounds to whole fen with an
 * explicit mode, through decimal.js. The product is computed exactly: when the amount's digits
 * plus the rate's significant digits exceed 40 it refuses rather than round twice.
 *
 * @param fen - the amount in fen
 * @param rate - `"0.03"`, `"3%"`, `"0.5‰"` or a Decimal (see {@link parseRate})
 * @param options - `rounding`, default `ROUND_HALF_UP` (四舍五入)
 * @returns the rounded product in fen
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @throws {JincaiError} MONEY_DECIMAL_INVALID when `rate` is not a rate
 * @throws {JincaiError} MONEY_PRECISION when the exact product needs more than 40 digits
 * @example
 * ```ts
 * applyRate(123450n, "3%"); // 3704n (1234.50 × 3% = 37.035 → 37.04)
 * applyRate(123450n, "0.03", { rounding: "ROUND_HALF_EVEN" }); // 3704n
 * applyRate(50n, "0.5", { rounding: "ROUND_DOWN" }); // 25n
 * ```
 */
export function applyRate(fen: bigint, rate: string | Decimal, options?: RoundingOptions): bigint {
  assertFen(fen);
  const factor = parseRate(rate);
  const amountDigits = (fen < 0n ? -fen : fen).toString().length;
  if (amountDigits + factor.sd() > DEC_PRECISION) {
    throw new JincaiError(MoneyErrorCode.PRECISION, "amount × rate needs more than 40 digits", {
      details: { fen: fen.toString(), rate: factor.toString(), precision: DEC_PRECISION },
    });
  }
  return roundToFen(D(fen).times(factor), options?.rounding ?? "ROUND_HALF_UP");
}
