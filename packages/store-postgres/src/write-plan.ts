/**
 * Writes an applied transfer plan. Outside a transaction, in one statement: bump the gapless
 * sequence on `ledger_head` (its row lock, held to commit, makes transfers visible in sequence
 * order), insert the drafts with consecutive sequence numbers in plan order, add the balance
 * deltas to the locked account rows, and add the drafts' monthly changes to `account_months`
 * (rows upserted in (account, month) order, so competing writers lock them in one order). One
 * statement means all or nothing, even when a unique constraint fires.
 *
 * Inside `store.transaction(fn)` only the drafts are inserted here ({@link insertDrafts}); the
 * balances, months and head wait in memory (`tx-balances.ts`) and go out once, through the same
 * balance statement ({@link balanceUpdateSql}).
 */
import type { Balance, BalanceDelta, TransferDraft } from "@jincai/core";
import { tagValue } from "./tagged-json";
import { exec, type Queryable } from "./sql-client";

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Inserts the drafts, applies the deltas and adds `months` (account id → `YYYY-MM` → change,
 * as core's `foldBalancesByPeriod` gives) to `account_months`, in one statement.
 *
 * @example
 * ```ts
 * await writePlan(client, '"jincai"', plan.transfers, plan.balanceDeltas, months);
 * ```
 */
export async function writePlan(
  db: Queryable,
  s: string,
  drafts: readonly TransferDraft[],
  deltas: ReadonlyMap<string, BalanceDelta>,
  months: ReadonlyMap<string, ReadonlyMap<string, Balance>>,
): Promise<void> {
  await exec(
    db,
    `WITH head AS (
       UPDATE ${s}.ledger_head SET last_sequence = last_sequence + $1::bigint RETURNING last_sequence - $1::bigint AS base
     ), inserted AS (
       ${insertSql(s, "head.base", "head, ")}
     ), ${balanceUpdateSql(s, 3)}
     SELECT base FROM head`,
    [drafts.length, draftsJson(drafts), ...balanceUpdateValues(deltas, months)],
  );
}

/**
 * Inserts the drafts with sequences `base + 1`, `base + 2`, … in plan order (inside a
 * transaction that holds the ledger head).
 *
 * @example
 * ```ts
 * await insertDrafts(client, '"jincai"', 41n, plan.transfers); // sequences 42, 43, …
 * ```
 */
export async function insertDrafts(db: Queryable, s: string, base: bigint, drafts: readonly TransferDraft[]): Promise<void> {
  await exec(db, `WITH base AS (SELECT $1::bigint AS base) ${insertSql(s, "base.base", "base, ")}`, [base, draftsJson(drafts)]);
}

/**
 * The INSERT of the drafts given as one JSON array `$2` (see {@link draftsJson}), numbered from
 * `base` (SQL) + 1. One JSON document parses much faster than ten array literals (in particular
 * the references, which as `jsonb[]` were parsed twice), and is built by one `JSON.stringify`.
 */
function insertSql(s: string, base: string, from: string): string {
  return `INSERT INTO ${s}.transfers
         (sequence, id, phase, debit_account_id, credit_account_id, amount, date, pending_id, expires_on, refs)
       SELECT ${base} + d.ord, d.r->>0, d.r->>1, d.r->>2, d.r->>3, (d.r->>4)::bigint, (d.r->>5)::date, d.r->>6, (d.r->>7)::date, d.r->8
       FROM ${from}jsonb_array_elements($2::jsonb) WITH ORDINALITY AS d(r, ord)`;
}

/** The drafts as one JSON array of rows `[id, phase, debit, credit, amount, date, pendingId, expiresOn, references]`. */
function draftsJson(drafts: readonly TransferDraft[]): string {
  const rows = new Array<unknown[]>(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    rows[i] = [d.id, d.phase, d.debitAccountId, d.creditAccountId, d.amount.toString(), d.date, d.pendingId ?? null, d.expiresOn ?? null, tagValue(d.references ?? {})];
  }
  return JSON.stringify(rows);
}

/**
 * Two CTEs, `balances` and `months`, that add balance changes to `accounts` and month changes to
 * `account_months`, from the 11 array parameters `$from` … `$from+10` that
 * {@link balanceUpdateValues} gives.
 *
 * @example
 * ```ts
 * await exec(client, `WITH ${balanceUpdateSql('"jincai"', 1)} SELECT 1`, balanceUpdateValues(deltas, months));
 * ```
 */
export function balanceUpdateSql(s: string, from: number): string {
  const p = (k: number): string => `$${from + k}`;
  return `balances AS (
       UPDATE ${s}.accounts a SET
         debits_posted = a.debits_posted + x.dp, credits_posted = a.credits_posted + x.cp,
         debits_pending = a.debits_pending + x.dpe, credits_pending = a.credits_pending + x.cpe
       FROM unnest(${p(0)}::text[], ${p(1)}::bigint[], ${p(2)}::bigint[], ${p(3)}::bigint[], ${p(4)}::bigint[]) AS x(id, dp, cp, dpe, cpe)
       WHERE a.id = x.id
     ), months AS (
       INSERT INTO ${s}.account_months AS m
         (account_id, month, debits_posted, credits_posted, debits_pending, credits_pending)
       SELECT x.id, x.month, x.dp, x.cp, x.dpe, x.cpe
       FROM unnest(${p(5)}::text[], ${p(6)}::text[], ${p(7)}::bigint[], ${p(8)}::bigint[], ${p(9)}::bigint[], ${p(10)}::bigint[])
         AS x(id, month, dp, cp, dpe, cpe)
       ON CONFLICT (account_id, month) DO UPDATE SET
         debits_posted = m.debits_posted + excluded.debits_posted, credits_posted = m.credits_posted + excluded.credits_posted,
         debits_pending = m.debits_pending + excluded.debits_pending, credits_pending = m.credits_pending + excluded.credits_pending
     )`;
}

/**
 * The 11 array parameters of {@link balanceUpdateSql}: accounts and (account, month) rows sorted
 * by id, then month.
 *
 * @example
 * ```ts
 * balanceUpdateValues(plan.balanceDeltas, months).length; // 11
 * ```
 */
export function balanceUpdateValues(
  deltas: ReadonlyMap<string, Balance>,
  months: ReadonlyMap<string, ReadonlyMap<string, Balance>>,
): unknown[] {
  const entries = [...deltas.entries()].sort(([a], [b]) => byText(a, b));
  const monthRows = [...months.entries()]
    .sort(([a], [b]) => byText(a, b))
    .flatMap(([id, byMonth]) => [...byMonth.entries()].sort(([a], [b]) => byText(a, b)).map(([month, b]) => ({ id, month, b })));
  return [
    entries.map(([id]) => id),
    entries.map(([, d]) => d.debitsPosted),
    entries.map(([, d]) => d.creditsPosted),
    entries.map(([, d]) => d.debitsPending),
    entries.map(([, d]) => d.creditsPending),
    monthRows.map((r) => r.id),
    monthRows.map((r) => r.month),
    monthRows.map((r) => r.b.debitsPosted),
    monthRows.map((r) => r.b.creditsPosted),
    monthRows.map((r) => r.b.debitsPending),
    monthRows.map((r) => r.b.creditsPending),
  ];
}
