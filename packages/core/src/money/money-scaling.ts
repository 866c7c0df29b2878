import type Decimal from "decimal.js";
import { allocate, type AllocationWeight } from "./allocate";
import { applyRate } from "./apply-rate";
import { divideFen } from "./divide-fen";
import { money, type Money } from "./money";
import type { RoundingOptions } from "./rounding-mode";

/**
 * Multiplies an amount by a rate with explicit rounding; see {@link applyRate}.
 *
 * @example
 * ```ts
 * multiplyMoney(money(123450n), "3%"); // { fen: 3704n, currency: "CNY" }
 * ```
 */
export function multiplyMoney(a: Money, rate: string | Decimal, options?: RoundingOptions): Money {
  return money(applyRate(a.fen, rate, options), a.currency);
}

/**
 * Divides an amount with explicit rounding; see {@link divideFen}.
 *
 * @example
 * ```ts
 * divideMoney(money(100n), 3n); // { fen: 33n, currency: "CNY" }
 * ```
 */
export function divideMoney(
  a: Money,
  divisor: string | bigint | Decimal,
  options?: RoundingOptions,
): Money {
  return money(divideFen(a.fen, divisor, options), a.currency);
}

/**
 * Splits an amount across weights so the parts sum to it; see {@link allocate}.
 *
 * @example
 * ```ts
 * allocateMoney(money(100n), [1n, 2n]).map((m) => m.fen); // [33n, 67n]
 * ```
 */
export function allocateMoney(a: Money, weights: readonly AllocationWeight[]): Money[] {
  return allocate(a.fen, weights).map((fen) => money(fen, a.currency));
}
