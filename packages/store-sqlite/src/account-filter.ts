/**
 * The SQL condition selecting accounts by book, dimensions and ids, shared by balance and
 * transfer queries. Each dimension of `where` is one lookup in `account_dimensions`, whose
 * primary key (key, value, account) makes it an index seek.
 */
import type { Book, Dimensions } from "@jincai/core";

/** The account filters of a query. */
export interface AccountFilter {
  readonly book?: Book;
  readonly where?: Dimensions;
  readonly accountIds?: readonly string[];
}

/** A condition on the alias `a` of `accounts`, with its parameters. */
export interface SqlCondition {
  /** `TRUE` when nothing filters. */
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Builds the condition on `accounts a` for a filter.
 *
 * @example
 * ```ts
 * accountCondition({ book: "quota", where: { agency: "101001" } });
 * // { sql: "a.book = ? AND a.num IN (SELECT account FROM account_dimensions WHERE key = ? AND value = ?)", params: ["quota", "agency", "101001"] }
 * ```
 */
export function accountCondition(filter: AccountFilter): SqlCondition {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.book !== undefined) {
    parts.push("a.book = ?");
    params.push(filter.book);
  }
  if (filter.accountIds !== undefined) {
    parts.push("a.id IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(filter.accountIds));
  }
  for (const key of Object.keys(filter.where ?? {}).sort()) {
    parts.push("a.num IN (SELECT account FROM account_dimensions WHERE key = ? AND value = ?)");
    params.push(key, filter.where![key]);
  }
  return { sql: parts.length === 0 ? "TRUE" : parts.join(" AND "), params };
}

/**
 * Whether a filter restricts the accounts at all.
 *
 * @example
 * ```ts
 * hasAccountFilter({}); // false
 * hasAccountFilter({ book: "quota" }); // true
 * ```
 */
export function hasAccountFilter(filter: AccountFilter): boolean {
  return filter.book !== undefined || filter.accountIds !== undefined || Object.keys(filter.where ?? {}).length > 0;
}
