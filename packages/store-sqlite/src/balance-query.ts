/**
 * Balances in SQLite. Current balances come straight from the `accounts` row (kept up to date
 * by every batch); balances as of a date are one aggregate over `transfers` (SUM … GROUP BY
 * account, with the same effects as core's `foldBalances`: a `post` releases its pending
 * transfer's whole amount, a `void` releases its own amount, which is the pending amount).
 */
import type { AccountBalance, BalanceQuery } from "@jincai/core";
import type { AccountRow } from "./account-cache";
import type { SqliteContext } from "./account-ops";
import { accountCondition, hasAccountFilter } from "./account-filter";

/** Per-transfer effects on its debit side (`t`, with its pending transfer `p` for a `post`). */
const DEBIT_SIDE = `SELECT t.debit AS acct,
  CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END AS dp, 0 AS cp,
  CASE t.phase WHEN 'pending' THEN t.amount WHEN 'void' THEN -t.amount WHEN 'post' THEN -p.amount ELSE 0 END AS dpe, 0 AS cpe`;
const CREDIT_SIDE = `SELECT t.credit AS acct, 0 AS dp,
  CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END AS cp, 0 AS dpe,
  CASE t.phase WHEN 'pending' THEN t.amount WHEN 'void' THEN -t.amount WHEN 'post' THEN -p.amount ELSE 0 END AS cpe`;
const FROM = "FROM transfers t LEFT JOIN transfers p ON t.phase = 'post' AND p.id = t.pending_id WHERE +t.date <= ?";

/**
 * The balances of the matching accounts, sorted by account id.
 *
 * @example
 * ```ts
 * accountBalancesSync(ctx, { book: "quota", asOf: "2026-03-31" })[0]?.balance.debitsPosted; // 50000n
 * ```
 */
export function accountBalancesSync(ctx: SqliteContext, query: BalanceQuery = {}): AccountBalance[] {
  const cond = accountCondition(query);
  if (query.asOf === undefined) {
    const rows = ctx.conn.stmt(`SELECT * FROM accounts a WHERE ${cond.sql} ORDER BY a.id`).all(...cond.params) as AccountRow[];
    return rows.map((row) => ({
      account: ctx.accounts.fromRow(row),
      balance: {
        debitsPosted: row.debits_posted,
        creditsPosted: row.credits_posted,
        debitsPending: row.debits_pending,
        creditsPending: row.credits_pending,
      },
    }));
  }
  // When accounts are filtered, each side only scans the transfers of the matching accounts.
  const filtered = hasAccountFilter(query);
  const only = (column: string) => (filtered ? ` AND t.${column} IN (SELECT a.num FROM accounts a WHERE ${cond.sql})` : "");
  const sql = `WITH effects AS (
    ${DEBIT_SIDE} ${FROM}${only("debit")}
    UNION ALL
    ${CREDIT_SIDE} ${FROM}${only("credit")}
  ), sums AS (
    SELECT acct, SUM(dp) AS dp, SUM(cp) AS cp, SUM(dpe) AS dpe, SUM(cpe) AS cpe FROM effects GROUP BY acct
  )
  SELECT a.*, coalesce(s.dp, 0) AS as_dp, coalesce(s.cp, 0) AS as_cp, coalesce(s.dpe, 0) AS as_dpe, coalesce(s.cpe, 0) AS as_cpe
  FROM accounts a LEFT JOIN sums s ON s.acct = a.num WHERE ${cond.sql} ORDER BY a.id`;
  const params = filtered
    ? [query.asOf, ...cond.params, query.asOf, ...cond.params, ...cond.params]
    : [query.asOf, query.asOf, ...cond.params];
  const rows = ctx.conn.stmt(sql).all(...params) as (AccountRow & { as_dp: bigint; as_cp: bigint; as_dpe: bigint; as_cpe: bigint })[];
  return rows.map((row) => ({
    account: ctx.accounts.fromRow(row),
    balance: { debitsPosted: row.as_dp, creditsPosted: row.as_cp, debitsPending: row.as_dpe, creditsPending: row.as_cpe },
  }));
}
