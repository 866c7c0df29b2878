/** A share of a limit as the CLI prints it. */

/**
 * `used` as a share of `limit` in percent to one decimal, truncated, never rounded up to a level
 * not reached (`99.9`, not `100.0`, for 99.99 %).
 *
 * @param used - Fen used (may exceed `limit`).
 * @param limit - Fen, above zero.
 * @example
 * ```ts
 * percentOf(170_000n, 100_000n); // "170.0"
 * percentOf(99_999n, 100_000n); // "99.9"
 * ```
 */
export function percentOf(used: bigint, limit: bigint): string {
  const tenths = (used * 1000n) / limit;
  const sign = tenths < 0n ? "-" : "";
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n}.${abs % 10n}`;
}
