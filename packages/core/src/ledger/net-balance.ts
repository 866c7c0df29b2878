/** The posted balance of an account on its normal side. */
import type { Balance, Side } from "./account";

/**
 * The posted balance on the account's normal side, in fen: `debitsPosted - creditsPosted` for a
 * debit-normal account, the reverse for a credit-normal one. Pending amounts are not included.
 *
 * @example
 * ```ts
 * const b = { debitsPosted: 300n, creditsPosted: 1000n, debitsPending: 50n, creditsPending: 0n };
 * netBalance(b, "credit"); // 700n
 * netBalance(b, "debit"); // -700n
 * ```
 */
export function netBalance(balance: Balance, normalSide: Side): bigint {
  return normalSide === "debit"
    ? balance.debitsPosted - balance.creditsPosted
    : balance.creditsPosted - balance.debitsPosted;
}
