import { formatFen } from "./format-fen";

/**
 * Why a value is not a positive `bigint` of fen, naming what was given: a JS number from plain
 * JavaScript, a string from untyped data, or a zero or negative amount shown in yuan. For the
 * message of a refusal; call it only when refusing (a check such as `typeof v !== "bigint" ||
 * v <= 0n` first), so a hot path builds no string.
 *
 * @param value - the amount that was refused
 * @param name - what the amount is called in the message (default `"amount"`)
 * @example
 * ```ts
 * fenProblem(100); // "amount must be a bigint of fen, not number 100"
 * fenProblem(-500n); // "amount must be greater than zero, not -5.00"
 * fenProblem("5", "limit"); // 'limit must be a bigint of fen, not string "5"'
 * ```
 */
export function fenProblem(value: unknown, name = "amount"): string {
  if (typeof value === "bigint") return `${name} must be greater than zero, not ${formatFen(value)}`;
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${name} must be a bigint of fen, not ${value === null ? "null" : typeof value}${value === undefined || value === null ? "" : ` ${shown}`}`;
}
