import { assertFen } from "./assert-fen";

/**
 * Adds many fen amounts exactly. `bigint` has no upper bound, so national totals and sums over
 * millions of rows never overflow or lose a fen.
 *
 * @param amounts - any iterable of fen (an array, a generator over import rows)
 * @returns the total in fen (`0n` when empty)
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when an item is not a `bigint`
 * @example
 * ```ts
 * sumFen([123456n, -56n, 100n]); // 123500n
 * sumFen([]); // 0n
 * ```
 */
export function sumFen(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
  }
  return total;
}

/**
 * The absolute value of an amount in fen.
 *
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @example
 * ```ts
 * absFen(-123456n); // 123456n
 * ```
 */
export function absFen(fen: bigint): bigint {
  assertFen(fen);
  return fen < 0n ? -fen : fen;
}

/**
 * Compares two amounts in fen, for `Array.prototype.sort`.
 *
 * @returns `-1` when `a < b`, `0` when equal, `1` when `a > b`
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when an argument is not a `bigint`
 * @example
 * ```ts
 * [300n, -5n, 20n].sort(compareFen); // [-5n, 20n, 300n]
 * ```
 */
export function compareFen(a: bigint, b: bigint): -1 | 0 | 1 {
  assertFen(a);
  assertFen(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
