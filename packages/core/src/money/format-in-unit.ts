import { amountUnitDecimals, type AmountUnit } from "./amount-unit";
import { assertFen } from "./assert-fen";
import { divideFen } from "./divide-fen";
import { _groupThousands } from "./format-fen";
import type { RoundingOptions } from "./rounding-mode";

/**
 * Options for {@link formatInUnit}.
 *
 * @example
 * ```ts
 * const options: FormatInUnitOptions = { decimals: 4, grouping: false };
 * formatInUnit(123_456_789_00n, "万元", options); // "12345.6789"
 * ```
 */
export interface FormatInUnitOptions extends RoundingOptions {
  /** Decimals shown (default 2); rounded with `rounding` (default `ROUND_HALF_UP`, 四舍五入) when the unit has more. */
  decimals?: number;
  /** Insert `,` between groups of three integer digits (default `true`). */
  grouping?: boolean;
}

/**
 * Formats fen in a larger unit for a report, rounded to a few decimals: a leadership report's
 * `单位：万元` table. Each figure is rounded from its exact fen, so a column of rounded figures
 * may miss its rounded total by a few hundredths, as in any published table.
 *
 * @param fen - the amount in fen
 * @param unit - the unit to show it in
 * @param options - `decimals` (default 2), `rounding` (default `ROUND_HALF_UP`), `grouping` (default true)
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @example
 * ```ts
 * formatInUnit(12_845_678n, "万元"); // "12.85"
 * formatInUnit(123_456_789_00n, "万元", { decimals: 4 }); // "12,345.6789"
 * formatInUnit(123456n, "元"); // "1,234.56"
 * ```
 */
export function formatInUnit(fen: bigint, unit: AmountUnit, options: FormatInUnitOptions = {}): string {
  assertFen(fen);
  const decimals = options.decimals ?? 2;
  const places = amountUnitDecimals(unit);
  const scaled =
    places > decimals
      ? divideFen(fen, 10n ** BigInt(places - decimals), options.rounding === undefined ? undefined : { rounding: options.rounding })
      : fen * 10n ** BigInt(decimals - places);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const integer = options.grouping === false ? whole : _groupThousands(whole);
  return `${negative ? "-" : ""}${integer}${decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : ""}`;
}
