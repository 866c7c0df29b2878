/**
 * `accountBalances`: current balances straight from the account rows, or balances as of a date
 * with the effects core's `foldBalances` defines (`posted` posts, `pending` reserves, `post`
 * releases the whole pending amount and posts its own, `void` releases its amount). For a real
 * date, the account's whole months before the date's month come from `account_months` and only
 * the transfers of the date's own month up to the date are folded (none when the date ends its
 * month); any other text keeps the plain fold of every transfer up to `$n::date`, so PostgreSQL
 * reads (or rejects) it exactly as before. The conformance suite checks both against
 * `foldBalances` on the same transfers.
 */
import { asOfMonths } from "@jincai/core";
import type { AccountBalance, BalanceQuery } from "@jincai/core";
import { ACCOUNT_COLUMNS, accountOf, balanceOf, type AccountRow } from "./account-rows";
import { sql, type Queryable } from "./sql-client";

/** The account filter of a balance query, as SQL over alias `a` (parameters from `$1`). */
function accountWhere(query: BalanceQuery): { clause: string; values: unknown[] } {
  const parts: string[] = ["true"];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (query.book !== undefined) parts.push(`a.book = ${param(query.book)}`);
  if (query.where !== undefined) parts.push(`a.dimensions @> ${param(JSON.stringify(query.where))}::jsonb`);
  if (query.accountIds !== undefined) parts.push(`a.id = ANY(${param([...query.accountIds])}::text[])`);
  return { clause: parts.join(" AND "), values };
}

/**
 * Per-account balances (current, or as of the end of `query.asOf`), sorted by account id.
 * `current` adjusts the rows of current balances as read (a transaction adds its pending
 * changes there).
 *
 * @example
 * ```ts
 * const [q1] = await accountBalances(client, '"jincai"', { accountIds: ["quota:Q1"], asOf: "2026-06-30" });
 * ```
 */
export async function accountBalances(
  db: Queryable,
  s: string,
  query: BalanceQuery = {},
  current: (rows: AccountRow[]) => AccountRow[] = (rows) => rows,
): Promise<AccountBalance[]> {
  const { clause, values } = accountWhere(query);
  const columns = ACCOUNT_COLUMNS.split(", ").map((c) => `a.${c}`).join(", ");
  if (query.asOf === undefined) {
    const rows = await sql<AccountRow>(db, `SELECT ${columns} FROM ${s}.accounts a WHERE ${clause} ORDER BY a.id`, values);
    return current(rows).map((row) => ({ account: accountOf(row), balance: balanceOf(row) }));
  }
  const bounds = asOfMonths(query.asOf);
  const param = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  const parts: string[] = [];
  let range: string | undefined;
  if (bounds === undefined) {
    range = `t.date <= ${param(query.asOf)}::date`;
  } else {
    parts.push(
      `SELECT m.account_id, m.debits_posted, m.credits_posted, m.debits_pending, m.credits_pending FROM ${s}.account_months m
       WHERE m.month < ${param(bounds.upTo)} AND m.account_id IN (SELECT id FROM acc)`,
    );
    if (bounds.monthStart !== undefined) range = `t.date >= ${param(bounds.monthStart)}::date AND t.date <= ${param(query.asOf)}::date`;
  }
  if (range !== undefined) {
    parts.push("SELECT debit, posted, 0::bigint, pending, 0::bigint FROM effects", "SELECT credit, 0, posted, 0, pending FROM effects");
  }
  const rows = await sql<AccountRow & { dp: bigint; cp: bigint; dpe: bigint; cpe: bigint }>(
    db,
    `WITH acc AS (SELECT ${columns} FROM ${s}.accounts a WHERE ${clause}),
     ${range === undefined ? "" : effectsSql(s, range)}
     sides (id, dp, cp, dpe, cpe) AS (${parts.join(" UNION ALL ")}),
     sums AS (
       SELECT id, sum(dp)::bigint AS dp, sum(cp)::bigint AS cp, sum(dpe)::bigint AS dpe, sum(cpe)::bigint AS cpe
       FROM sides GROUP BY id
     )
     SELECT acc.*, COALESCE(b.dp, 0) AS dp, COALESCE(b.cp, 0) AS cp, COALESCE(b.dpe, 0) AS dpe, COALESCE(b.cpe, 0) AS cpe
     FROM acc LEFT JOIN sums b ON b.id = acc.id ORDER BY acc.id`,
    values,
  );
  return rows.map((row) => ({
    account: accountOf(row),
    balance: { debitsPosted: row.dp, creditsPosted: row.cp, debitsPending: row.dpe, creditsPending: row.cpe },
  }));
}

/** The CTE `effects`: each transfer in `range` (SQL over alias `t`) of the accounts in `acc`, with its posted and pending change. */
function effectsSql(s: string, range: string): string {
  return `effects AS (
       SELECT t.debit_account_id AS debit, t.credit_account_id AS credit,
              CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END AS posted,
              CASE t.phase WHEN 'pending' THEN t.amount
                           WHEN 'void' THEN -t.amount
                           WHEN 'post' THEN -COALESCE(p.amount, 0)
                           ELSE 0 END AS pending
       FROM ${s}.transfers t
       LEFT JOIN ${s}.transfers p ON t.phase = 'post' AND p.id = t.pending_id
       WHERE ${range}
         AND (t.debit_account_id IN (SELECT id FROM acc) OR t.credit_account_id IN (SELECT id FROM acc))
     ),`;
}
