import { formatFen } from "@jincai/core";

/**
 * Why an amount is not a positive `bigint` of fen, naming what was given (a JS number from plain
 * JavaScript, a string from untyped data, a zero or negative amount in yuan). Call it only when
 * refusing, so the success path builds no string. Internal.
 *
 * @example
 * ```ts
 * amountProblem(100); // "amount must be a bigint of fen, not number 100"
 * amountProblem(-500n); // "amount must be greater than zero, not -5.00"
 * amountProblem("5", "limit"); // 'limit must be a bigint of fen, not string "5"'
 * ```
 */
export function amountProblem(value: unknown, name = "amount"): string {
  if (typeof value === "bigint") return `${name} must be greater than zero, not ${formatFen(value)}`;
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${name} must be a bigint of fen, not ${value === null ? "null" : typeof value}${value === undefined || value === null ? "" : ` ${shown}`}`;
}
