import { JincaiError, fenProblem, formatFen } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";

/**
 * The execution rate `consumed / amount` as a decimal string with `decimals` places, rounded
 * half up (四舍五入) in exact integer arithmetic. An amount of zero gives a rate of zero.
 *
 * @param consumed - Fen consumed.
 * @param amount - Fen approved.
 * @param decimals - Places after the point, 0–12 (default 4: `"0.7500"` is 75 %).
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT when consumed or amount is not a bigint (a JS number
 *   such as `2`), amount is negative, or decimals is not an integer 0–12; the message names which
 * @example
 * ```ts
 * executionRate(2n, 3n); // "0.6667"
 * executionRate(75_000n, 100_000n, 2); // "0.75"
 * executionRate(0n, 0n); // "0.0000"
 * ```
 */
export function executionRate(consumed: bigint, amount: bigint, decimals = 4): string {
  if (typeof consumed !== "bigint" || typeof amount !== "bigint" || amount < 0n || !Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw badRateArguments(consumed, amount, decimals);
  }
  const scale = 10n ** BigInt(decimals);
  let scaled = 0n;
  if (amount > 0n) {
    const negative = consumed < 0n;
    const abs = negative ? -consumed : consumed;
    const q = (abs * scale) / amount;
    const r = (abs * scale) % amount;
    // Half up, away from zero (ROUND_HALF_UP): a remainder of at least half the divisor rounds up.
    scaled = r * 2n >= amount ? q + 1n : q;
    if (negative) scaled = -scaled;
  }
  const sign = scaled < 0n ? "-" : "";
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function badRateArguments(consumed: unknown, amount: unknown, decimals: unknown): JincaiError {
  const [field, message] = typeof consumed !== "bigint"
    ? ["consumed", fenProblem(consumed, "consumed")]
    : typeof amount !== "bigint"
      ? ["amount", fenProblem(amount)]
      : amount < 0n
        ? ["amount", `amount must not be negative, not ${formatFen(amount)}`]
        : ["decimals", `decimals must be an integer from 0 to 12, not ${typeof decimals} ${String(decimals)}`];
  return new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `executionRate: ${message}`, {
    details: { field, consumed: String(consumed), amount: String(amount), decimals: String(decimals) },
  });
}
