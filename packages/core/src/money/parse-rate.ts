import type Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { D, Dec, isPlainDecimal } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";

const SCALE_OF_SUFFIX: Readonly<Record<string, number>> = { "%": 100, "％": 100, "‰": 1000 };

/**
 * Reads a rate as a Decimal: a plain decimal (`"0.03"`), a percentage (`"3%"`, `"3％"`) or a
 * per-mille (`"0.5‰"`, as in 滞纳金 rates), or an existing Decimal. Surrounding spaces are
 * trimmed. Negative rates are allowed (for reversals).
 *
 * @param rate - e.g. `"3%"`, `"0.03"`, `D("0.0005")`
 * @returns the rate as a fraction, e.g. `0.03` for `"3%"`
 * @throws {JincaiError} MONEY_DECIMAL_INVALID when `rate` is not such a value
 * @example
 * ```ts
 * parseRate("3%").toString(); // "0.03"
 * parseRate("0.5‰").toString(); // "0.0005"
 * ```
 */
export function parseRate(rate: string | Decimal): Decimal {
  if (typeof rate !== "string") return D(rate);
  const text = rate.trim();
  const scale = SCALE_OF_SUFFIX[text.slice(-1)];
  const body = scale === undefined ? text : text.slice(0, -1).trimEnd();
  if (!isPlainDecimal(body)) {
    throw new JincaiError(MoneyErrorCode.DECIMAL_INVALID, `not a rate: "${rate}"`, {
      details: { input: rate },
    });
  }
  // Dividing by 100 or 1000 only moves the exponent, so it is exact.
  return scale === undefined ? D(body) : D(body).div(new Dec(scale));
}
