import type Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { D } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";
import { roundToFen, type RoundingMode } from "./rounding-mode";

/**
 * Options for {@link yuanToFen}.
 *
 * @example
 * ```ts
 * const options: YuanToFenOptions = { rounding: "ROUND_HALF_UP" };
 * yuanToFen("0.125", options); // 13n
 * yuanToFen("0.125"); // throws: finer than one fen and no rounding given
 * ```
 */
export interface YuanToFenOptions {
  /** How to round values finer than one fen; when absent they are refused. */
  rounding?: RoundingMode;
}

/**
 * Converts a yuan amount given as a plain decimal string or Decimal (machine data: database
 * NUMERIC columns, JSON, results of `Dec` arithmetic) into integer fen. For human text with
 * `¥`, grouping or full-width digits use {@link parseFen}.
 *
 * @param yuan - e.g. `"1234.56"`, `D("0.125")`
 * @param options - `rounding` for values with more than two significant decimals
 * @throws {JincaiError} MONEY_DECIMAL_INVALID when `yuan` is not a plain decimal
 * @throws {JincaiError} MONEY_TOO_MANY_DECIMALS when finer than a fen and no rounding is named
 * @example
 * ```ts
 * yuanToFen("1234.56"); // 123456n
 * yuanToFen("0.125", { rounding: "ROUND_HALF_UP" }); // 13n
 * ```
 */
export function yuanToFen(yuan: string | Decimal, options?: YuanToFenOptions): bigint {
  const fen = D(yuan).times(100);
  if (options?.rounding !== undefined) return roundToFen(fen, options.rounding);
  if (!fen.isInteger()) {
    const input = yuan.toString();
    throw new JincaiError(MoneyErrorCode.TOO_MANY_DECIMALS, `finer than one fen: ${input}`, {
      details: { input },
    });
  }
  return BigInt(fen.toFixed(0));
}
