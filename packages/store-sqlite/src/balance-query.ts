/**
 * Balances in SQLite. Current balances come straight from the `accounts` row (kept up to date
 * by every batch). A balance as of a date adds the account's whole months before that date's
 * month from `account_months` (kept by every batch) and, unless the date ends its month (then
 * that month is whole too), folds the transfers of the month up to the date, found through the
 * date index, with the effects of core's `foldBalances` (a `post` releases its pending
 * transfer's whole amount, a `void` its own amount, which is the pending amount). Inside an
 * explicit transaction, current balances asked for by account id come from the in-memory
 * balances (tx-balances); any other query first writes those to the tables.
 */
import { asOfMonths } from "@jincai/core";
import type { AccountBalance, BalanceQuery } from "@jincai/core";
import { accountStateColumns } from "./account-cache";
import type { AccountStateRow } from "./account-cache";
import type { SqliteContext } from "./account-ops";
import { accountCondition } from "./account-filter";

const STATE = accountStateColumns("a");
const RELEASED = "CASE t.phase WHEN 'pending' THEN t.amount WHEN 'void' THEN -t.amount WHEN 'post' THEN -coalesce(p.amount, 0) ELSE 0 END";
const POSTED = "CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END";
const PARTIAL_FROM = "FROM transfers t LEFT JOIN transfers p ON t.phase = 'post' AND p.id = t.pending_id WHERE t.date >= @monthStart AND t.date <= @asOf";
/** Per account: whole months (`month < @upTo`), then the transfers of the partial month. */
const AS_OF = `SELECT acct, SUM(dp) AS dp, SUM(cp) AS cp, SUM(dpe) AS dpe, SUM(cpe) AS cpe FROM (
  SELECT account AS acct, debits_posted AS dp, credits_posted AS cp, debits_pending AS dpe, credits_pending AS cpe
    FROM account_months WHERE month < @upTo
  UNION ALL SELECT t.debit, ${POSTED}, 0, ${RELEASED}, 0 ${PARTIAL_FROM} AND @partial
  UNION ALL SELECT t.credit, 0, ${POSTED}, 0, ${RELEASED} ${PARTIAL_FROM} AND @partial
) GROUP BY acct`;

/**
 * The balances of the matching accounts, sorted by account id.
 *
 * @example
 * ```ts
 * accountBalancesSync(ctx, { book: "quota", asOf: "2026-03-31" })[0]?.balance.debitsPosted; // 50000n
 * ```
 */
export function accountBalancesSync(ctx: SqliteContext, query: BalanceQuery = {}): AccountBalance[] {
  // Inside an explicit transaction balances may be pending in memory (tx-balances): accounts
  // asked for by id come from there; any other query first writes them to the tables.
  if (ctx.balances.active) {
    if (query.accountIds !== undefined && query.asOf === undefined && !hasFilterBeyondIds(query)) return cachedBalances(ctx, query.accountIds);
    ctx.balances.flush();
  }
  const cond = accountCondition(query);
  if (query.asOf === undefined) {
    const sql = `SELECT ${STATE} FROM accounts a WHERE ${cond.sql} ORDER BY a.id`;
    const rows = ctx.conn.stmt(sql).all(...cond.params) as AccountStateRow[];
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
  const sql = `SELECT ${STATE}, coalesce(s.dp, 0) AS as_dp, coalesce(s.cp, 0) AS as_cp, coalesce(s.dpe, 0) AS as_dpe, coalesce(s.cpe, 0) AS as_cpe
  FROM accounts a LEFT JOIN (${AS_OF}) s ON s.acct = a.num WHERE ${cond.sql} ORDER BY a.id`;
  const params = cond.params.length === 0 ? [monthParams(query.asOf)] : [monthParams(query.asOf), ...cond.params];
  const rows = ctx.conn.stmt(sql).all(...params) as (AccountStateRow & { as_dp: bigint; as_cp: bigint; as_dpe: bigint; as_cpe: bigint })[];
  return rows.map((row) => ({
    account: ctx.accounts.fromRow(row),
    balance: { debitsPosted: row.as_dp, creditsPosted: row.as_cp, debitsPending: row.as_dpe, creditsPending: row.as_cpe },
  }));
}

/**
 * The parameters of the `asOf` query from core's `asOfMonths`: months before `upTo` are whole;
 * when `partial`, the transfers from `monthStart` to `asOf` are folded. Anything not a real date
 * folds every transfer up to it, exactly as text compares.
 */
function monthParams(asOf: string): { asOf: string; monthStart: string; upTo: string; partial: number } {
  const bounds = asOfMonths(asOf);
  if (bounds === undefined) return { asOf, monthStart: "", upTo: "", partial: 1 };
  if (bounds.monthStart === undefined) return { asOf, monthStart: "", upTo: bounds.upTo, partial: 0 };
  return { asOf, monthStart: bounds.monthStart, upTo: bounds.upTo, partial: 1 };
}

function hasFilterBeyondIds(query: BalanceQuery): boolean {
  return query.book !== undefined || Object.keys(query.where ?? {}).length > 0;
}

/** Current balances of accounts by id, from the in-memory balances (reading what is not there yet). */
function cachedBalances(ctx: SqliteContext, ids: readonly string[]): AccountBalance[] {
  const out: AccountBalance[] = [];
  for (const id of new Set(ids)) {
    const state = ctx.balances.stateOf(id);
    if (state === undefined) continue;
    out.push({
      account: ctx.accounts.fromRow(state),
      balance: {
        debitsPosted: state.debits_posted,
        creditsPosted: state.credits_posted,
        debitsPending: state.debits_pending,
        creditsPending: state.credits_pending,
      },
    });
  }
  // The same order as the memory store's (JavaScript string order; SQL's for ASCII ids).
  return out.sort((a, b) => (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0));
}
