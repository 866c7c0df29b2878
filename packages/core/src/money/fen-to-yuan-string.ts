import { formatFen } from "./format-fen";

/**
 * Writes fen as a plain yuan decimal string with two decimals and no grouping, the form
 * exchanged with databases, JSON and decimal.js (`Dec`).
 *
 * @param fen - the amount in fen
 * @returns e.g. `"1234.56"`, `"-0.50"`
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @example
 * ```ts
 * fenToYuanString(123456n); // "1234.56"
 * fenToYuanString(-50n); // "-0.50"
 * ```
 */
export function fenToYuanString(fen: bigint): string {
  return formatFen(fen, { grouping: false });
}
