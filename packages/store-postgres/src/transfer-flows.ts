/**
 * `transferFlows` in PostgreSQL: the matching transfers grouped by (debit, credit, phase) in one
 * statement (and per month of the transfer's date with `byMonth`). The book filter applies to the groups, not the rows, so it costs one account lookup
 * per account pair rather than per transfer.
 */
import type { TransferFlow, TransferFlowQuery, TransferPhase } from "@jincai/core";
import { compareTransferFlows } from "@jincai/core";
import { sql, type Queryable } from "./sql-client";

interface FlowRow {
  debit_account_id: string;
  credit_account_id: string;
  phase: TransferPhase;
  month: string | null;
  marked: boolean | null;
  n: bigint;
  total: bigint;
}

/**
 * The matching transfers summed per (debit, credit, phase), sorted by `compareTransferFlows`.
 *
 * @example
 * ```ts
 * await transferFlows(pool, '"jincai"', { book: "quota", idPrefix: "pay:" });
 * // [{ debitAccountId: "quota:Q1", creditAccountId: "quota-spent:Q1", phase: "posted", count: 3704, amount: 91234500n }, …]
 * ```
 */
export async function transferFlows(db: Queryable, s: string, query: TransferFlowQuery = {}): Promise<TransferFlow[]> {
  const parts: string[] = [];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  // starts_with compares the text itself: no LIKE wildcards, case-sensitive.
  if (query.idPrefix !== undefined && query.idPrefix !== "") parts.push(`starts_with(t.id, ${param(query.idPrefix)})`);
  if (query.from !== undefined) parts.push(`t.date >= ${param(query.from)}::date`);
  if (query.to !== undefined) parts.push(`t.date <= ${param(query.to)}::date`);
  if (query.phases !== undefined) parts.push(`t.phase = ANY(${param([...query.phases])}::text[])`);
  const where = parts.length === 0 ? "" : `WHERE ${parts.join(" AND ")}`;
  const month = query.byMonth === true ? "to_char(t.date, 'YYYY-MM')" : "NULL::text";
  const marking = query.markIdPrefix !== undefined;
  const marked = marking ? `starts_with(t.id, ${param(query.markIdPrefix)})` : "NULL::boolean";
  let text = `SELECT t.debit_account_id, t.credit_account_id, t.phase, ${month} AS month, ${marked} AS marked, count(*)::bigint AS n, sum(t.amount)::bigint AS total
    FROM ${s}.transfers t ${where} GROUP BY t.debit_account_id, t.credit_account_id, t.phase${query.byMonth === true ? ", month" : ""}${marking ? ", marked" : ""}`;
  if (query.book !== undefined) {
    const book = param(query.book);
    text = `SELECT f.* FROM (${text}) f WHERE EXISTS (SELECT 1 FROM ${s}.accounts a
      WHERE a.id IN (f.debit_account_id, f.credit_account_id) AND a.book = ${book})`;
  }
  const rows = await sql<FlowRow>(db, text, values);
  const flows: TransferFlow[] = rows.map((r) => ({
    debitAccountId: r.debit_account_id,
    creditAccountId: r.credit_account_id,
    phase: r.phase,
    count: Number(r.n),
    amount: r.total,
    ...(r.month === null ? {} : { month: r.month }),
    ...(r.marked === null ? {} : { marked: r.marked }),
  }));
  return flows.sort(compareTransferFlows);
}
