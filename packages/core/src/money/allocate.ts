/**
 * Splits a total in fen across weights with the largest-remainder method (Hamilton), so the
 * parts always add up to the total exactly. The arithmetic is exact `bigint` arithmetic on
 * weights scaled to integers; no intermediate rounding happens at all. Each part first gets
 * the floor of its exact share; the fen left over go one each to the largest remainders, ties
 * to the earlier weight. Negative totals are split as their absolute value and negated, so
 * `allocate(-t, w)` is `allocate(t, w)` negated.
 */
import Decimal from "decimal.js";
import { JincaiError } from "../errors/jincai-error";
import { assertFen } from "./assert-fen";
import { isPlainDecimal } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";

/**
 * An allocation weight: a non-negative `bigint`, plain decimal string or Decimal.
 *
 * @example
 * ```ts
 * const weights: AllocationWeight[] = [1n, "0.5", D("0.5")];
 * allocate(10000n, weights); // [5000n, 2500n, 2500n]
 * ```
 */
export type AllocationWeight = bigint | string | Decimal;

/**
 * Allocates `total` fen across `weights` so that the parts sum to `total`.
 *
 * @param total - the amount to split, in fen (may be negative)
 * @param weights - one non-negative weight per part, e.g. `[1n, 1n, 1n]` or `["0.3", "0.7"]`
 * @returns one part per weight; a zero weight always gets `0n`
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `total` is not a `bigint`
 * @throws {JincaiError} MONEY_ALLOCATE_WEIGHTS when `weights` is empty, has a negative or
 *   non-decimal weight (a JS number included), or all weights are zero
 * @example
 * ```ts
 * allocate(10000n, [1n, 1n, 1n]); // [3334n, 3333n, 3333n]
 * allocate(-100n, ["0.5", "0.25", "0.25"]); // [-50n, -25n, -25n]
 * allocate(5n, [0n, 2n, 3n]); // [0n, 2n, 3n]
 * ```
 */
export function allocate(total: bigint, weights: readonly AllocationWeight[]): bigint[] {
  assertFen(total);
  const scaled = scaleWeights(weights);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw weightsError("all weights are zero", { count: weights.length });
  const amount = total < 0n ? -total : total;
  const parts = scaled.map((w) => (amount * w) / sum);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const remainders = scaled.map((w) => (amount * w) % sum);
  const order = remainders.map((_, i) => i);
  order.sort((i, j) => {
    const ri = remainders[i] ?? 0n;
    const rj = remainders[j] ?? 0n;
    return ri === rj ? i - j : ri > rj ? -1 : 1;
  });
  // Fewer fen are left over than there are non-zero remainders, so zero weights get none.
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return total < 0n ? parts.map((p) => -p) : parts;
}

/** Turns the weights into integers on one common decimal scale. */
function scaleWeights(weights: readonly AllocationWeight[]): bigint[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw weightsError("no weights to allocate across", { count: 0 });
  }
  const plain = weights.map((w, index) => plainWeight(w, index));
  let places = 0;
  for (const p of plain) places = Math.max(places, fractionLength(p));
  return plain.map((p) => {
    const [int = "0", frac = ""] = p.split(".");
    return BigInt(int + frac.padEnd(places, "0"));
  });
}

function plainWeight(weight: unknown, index: number): string {
  let text: string | undefined;
  if (typeof weight === "bigint") text = weight.toString();
  else if (typeof weight === "string") text = weight;
  else if (Decimal.isDecimal(weight) && weight.isFinite()) text = weight.toFixed();
  if (text === undefined || !isPlainDecimal(text) || text.startsWith("-") || text.startsWith("+")) {
    // "-0" is refused with the negatives: a weight's sign is never meaningful.
    throw weightsError(`weight ${index} is not a non-negative decimal`, {
      index,
      weight: String(weight),
    });
  }
  return text;
}

function fractionLength(plain: string): number {
  const dot = plain.indexOf(".");
  return dot < 0 ? 0 : plain.length - dot - 1;
}

function weightsError(message: string, details: Record<string, unknown>): JincaiError {
  return new JincaiError(MoneyErrorCode.ALLOCATE_WEIGHTS, message, { details });
}
