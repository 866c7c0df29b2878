/**
 * Checks `transfer_accounts` against `transfers` in tests: every transfer has its debit's row, and
 * its credit's row unless the credit account is numbered right after the debit (see
 * transfer-accounts), and the table holds nothing else.
 */
import type Database from "better-sqlite3";
import { expect } from "vitest";

/**
 * How many `transfer_accounts` rows the transfers call for, and how many of those are missing.
 *
 * @example
 * ```ts
 * pairRows(db); // { rows: 3, expected: 3, missing: 0 }
 * ```
 */
export function pairRows(db: Database.Database): { rows: number; expected: number; missing: number } {
  const count = (sql: string): number => Number(db.prepare(sql).pluck().get() ?? 0);
  const has = (side: string): string => `EXISTS (SELECT 1 FROM transfer_accounts a WHERE a.account = t.${side} AND a.sequence = t.sequence)`;
  return {
    rows: count("SELECT count(*) FROM transfer_accounts"),
    expected: count("SELECT count(*) + total(credit <> debit + 1) FROM transfers"),
    missing: count(`SELECT count(*) FROM transfers t WHERE NOT ${has("debit")} OR (t.credit <> t.debit + 1 AND NOT ${has("credit")})`),
  };
}

/**
 * Expects `transfer_accounts` to hold exactly the rows the transfers call for.
 *
 * @example
 * ```ts
 * expectPairRowsComplete(db);
 * ```
 */
export function expectPairRowsComplete(db: Database.Database): void {
  const { rows, expected, missing } = pairRows(db);
  expect(missing).toBe(0);
  expect(rows).toBe(expected);
}
