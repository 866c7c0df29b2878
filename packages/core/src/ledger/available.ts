/** What is still available on a limited account. */
import type { Balance } from "./account";

/**
 * The amount still available on a `debitsMustNotExceedCredits` account (a quota):
 * `creditsPosted - debitsPosted - debitsPending`, in fen. Pending reservations count as used.
 *
 * @example
 * ```ts
 * available({ creditsPosted: 100_000n, debitsPosted: 30_000n, debitsPending: 20_000n, creditsPending: 0n }); // 50000n
 * ```
 */
export function available(balance: Balance): bigint {
  return balance.creditsPosted - balance.debitsPosted - balance.debitsPending;
}
