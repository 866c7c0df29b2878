import Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { MoneyErrorCode } from "./money-error-code";

/**
 * A rounding mode, named as in decimal.js. `ROUND_HALF_UP` is 四舍五入 (half away from zero),
 * the SDK default; `ROUND_HALF_EVEN` is banker's rounding; `ROUND_DOWN` truncates toward zero;
 * `ROUND_UP` rounds away from zero; `CEIL`/`FLOOR` round toward +∞/−∞.
 *
 * @example
 * ```ts
 * const rounding: RoundingMode = "ROUND_HALF_EVEN"; // banker's rounding
 * parseFen("0.125", { rounding }); // 12n
 * ```
 */
export type RoundingMode =
  | "ROUND_UP"
  | "ROUND_DOWN"
  | "ROUND_CEIL"
  | "ROUND_FLOOR"
  | "ROUND_HALF_UP"
  | "ROUND_HALF_DOWN"
  | "ROUND_HALF_EVEN"
  | "ROUND_HALF_CEIL"
  | "ROUND_HALF_FLOOR";

/**
 * Options of the operations that must round to whole fen.
 *
 * @example
 * ```ts
 * const options: RoundingOptions = { rounding: "ROUND_DOWN" };
 * formatInUnit(12_845_678n, "万元", options); // "12.84"
 * ```
 */
export interface RoundingOptions {
  /** The rounding mode (default `ROUND_HALF_UP`, 四舍五入). */
  rounding?: RoundingMode;
}

const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  ROUND_UP: Decimal.ROUND_UP,
  ROUND_DOWN: Decimal.ROUND_DOWN,
  ROUND_CEIL: Decimal.ROUND_CEIL,
  ROUND_FLOOR: Decimal.ROUND_FLOOR,
  ROUND_HALF_UP: Decimal.ROUND_HALF_UP,
  ROUND_HALF_DOWN: Decimal.ROUND_HALF_DOWN,
  ROUND_HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  ROUND_HALF_CEIL: Decimal.ROUND_HALF_CEIL,
  ROUND_HALF_FLOOR: Decimal.ROUND_HALF_FLOOR,
};

/**
 * Every {@link RoundingMode}, for option validation and pickers.
 *
 * @example
 * ```ts
 * ROUNDING_MODES.includes("ROUND_HALF_EVEN"); // true
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(
  Object.keys(DECIMAL_ROUNDING) as RoundingMode[],
);

/**
 * The decimal.js constant for a mode name, checked at runtime for JS callers. Internal.
 *
 * @example
 * ```ts
 * decimalRounding("ROUND_HALF_UP") === Decimal.ROUND_HALF_UP; // true
 * ```
 *
 * @throws {JincaiError} MONEY_ROUNDING_INVALID for an unknown name
 */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  const found = Object.hasOwn(DECIMAL_ROUNDING, mode) ? DECIMAL_ROUNDING[mode] : undefined;
  if (found === undefined) {
    const shown = String(mode);
    throw new JincaiError(MoneyErrorCode.ROUNDING_INVALID, `unknown rounding mode: ${shown}`, {
      details: { rounding: shown, allowed: ROUNDING_MODES },
    });
  }
  return found;
}

/**
 * Rounds a Decimal to a whole number of fen with the named mode. Internal.
 *
 * @example
 * ```ts
 * roundToFen(D("2.5"), "ROUND_HALF_EVEN"); // 2n
 * ```
 */
export function roundToFen(value: Decimal, mode: RoundingMode): bigint {
  return BigInt(value.toDecimalPlaces(0, decimalRounding(mode)).toFixed(0));
}
