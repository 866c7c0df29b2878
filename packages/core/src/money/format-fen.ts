import { assertFen } from "./assert-fen";

/**
 * Options for {@link formatFen}.
 *
 * @example
 * ```ts
 * const options: FormatFenOptions = { grouping: false };
 * formatFen(-123456n, options); // "-1234.56"
 * ```
 */
export interface FormatFenOptions {
  /** Insert `,` between groups of three integer digits (default `true`). */
  grouping?: boolean;
}

/**
 * Formats fen as yuan with exactly two decimals: `1,234.56`, `-1,234.56`, `0.05`.
 * The output parses back to the same fen with {@link parseFen}.
 *
 * @param fen - the amount in fen
 * @param options - `grouping: false` gives `1234.56`
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @example
 * ```ts
 * formatFen(123456n); // "1,234.56"
 * formatFen(-123456n, { grouping: false }); // "-1234.56"
 * formatFen(5n); // "0.05"
 * ```
 */
export function formatFen(fen: bigint, options?: FormatFenOptions): string {
  assertFen(fen);
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, "0");
  const yuan = digits.slice(0, -2);
  const jiaoFen = digits.slice(-2);
  const integer = options?.grouping === false ? yuan : _groupThousands(yuan);
  return `${negative ? "-" : ""}${integer}.${jiaoFen}`;
}

/** Internal: `,` between groups of three digits of a run of digits (`1234567` → `1,234,567`). */
export function _groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
