/**
 * Transfers in SQL: row mapping, reads by id and by resolved pending id, and the paged stream
 * behind `transfers(query)`. Rows are never updated or deleted (the plan's insert is in
 * `write-plan.ts`).
 */
import type { Transfer, TransferQuery } from "@jincai/core";
import { decodeTaggedValue } from "./tagged-json";
import { sql, type Queryable } from "./sql-client";
import { storableIds } from "./storable-ids";

/** A `transfers` row as read. */
interface TransferRow {
  sequence: bigint;
  id: string;
  phase: Transfer["phase"];
  debit_account_id: string;
  credit_account_id: string;
  amount: bigint;
  date: string;
  pending_id: string | null;
  expires_on: string | null;
  refs: unknown;
}

const COLUMNS = "t.sequence, t.id, t.phase, t.debit_account_id, t.credit_account_id, t.amount, t.date, t.pending_id, t.expires_on, t.refs";

/** How many rows one page of `transfers()` reads. */
export const TRANSFER_PAGE_SIZE = 5000;

function transferOf(row: TransferRow): Transfer {
  const t: { -readonly [K in keyof Transfer]?: Transfer[K] } = {
    id: row.id,
    phase: row.phase,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: row.amount,
    date: row.date,
    references: decodeTaggedValue(row.refs) as Transfer["references"],
    sequence: Number(row.sequence),
  };
  if (row.pending_id !== null) t.pendingId = row.pending_id;
  if (row.expires_on !== null) t.expiresOn = row.expires_on;
  return t as Transfer;
}

/**
 * Ids are matched by joining the list (`unnest`) to the table, which PostgreSQL answers with one
 * index probe per id. `t.id = ANY($1)` with a thousand ids made it scan the whole table once the
 * table held tens of thousands of rows (its estimate of a thousand matches), so a batch took time
 * in proportion to everything written before it.
 */
export const byIds = (s: string, column: "id" | "pending_id", param: string, extra = ""): string =>
  `SELECT ${COLUMNS}${extra} FROM unnest(${param}::text[]) AS k(v) JOIN ${s}.transfers t ON t.${column} = k.v`;

/** Reads transfers by id (each found transfer once). */
export async function loadTransfers(db: Queryable, s: string, ids: readonly string[]): Promise<Transfer[]> {
  const storable = storableIds(ids);
  if (storable.length === 0) return [];
  const rows = await sql<TransferRow>(db, byIds(s, "id", "$1"), [storable]);
  return rows.map(transferOf);
}

/**
 * Reads, in one query, the transfers with the given ids and the `post`/`void` transfers that
 * resolved the given pending ids.
 */
export async function loadTransfersAndResolutions(
  db: Queryable,
  s: string,
  ids: readonly string[],
  pendingIds: readonly string[],
): Promise<{ transfers: Transfer[]; resolutions: Transfer[] }> {
  const storable = storableIds(ids);
  const storablePending = storableIds(pendingIds);
  if (storable.length === 0 && storablePending.length === 0) return { transfers: [], resolutions: [] };
  const rows = await sql<TransferRow & { by_id: boolean }>(
    db,
    `${byIds(s, "id", "$1", ", true AS by_id")} UNION ALL ${byIds(s, "pending_id", "$2", ", false AS by_id")}`,
    [storable, storablePending],
  );
  return {
    transfers: rows.filter((r) => r.by_id).map(transferOf),
    resolutions: rows.filter((r) => !r.by_id && r.phase !== "pending").map(transferOf),
  };
}

/** Reads the `post`/`void` transfers that resolved the given pending ids. */
export async function loadResolutions(db: Queryable, s: string, pendingIds: readonly string[]): Promise<Transfer[]> {
  const storable = storableIds(pendingIds);
  if (storable.length === 0) return [];
  const rows = await sql<TransferRow>(db, byIds(s, "pending_id", "$1"), [storable]);
  return rows.map(transferOf);
}

/** Builds the WHERE clause of a transfer query (parameters from `$2`; `$1` is the paging key). */
function transferWhere(s: string, query: TransferQuery): { clause: string; values: unknown[] } {
  const parts = ["t.sequence > $1"];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length + 1}`;
  };
  if (query.accountId !== undefined) {
    const p = param(query.accountId);
    parts.push(`(t.debit_account_id = ${p} OR t.credit_account_id = ${p})`);
  }
  if (query.from !== undefined) parts.push(`t.date >= ${param(query.from)}::date`);
  if (query.to !== undefined) parts.push(`t.date <= ${param(query.to)}::date`);
  if (query.phases !== undefined) parts.push(`t.phase = ANY(${param([...query.phases])}::text[])`);
  if (query.book !== undefined || query.where !== undefined) {
    const conds: string[] = [];
    if (query.book !== undefined) conds.push(`a.book = ${param(query.book)}`);
    if (query.where !== undefined) conds.push(`a.dimensions @> ${param(JSON.stringify(query.where))}::jsonb`);
    parts.push(
      `EXISTS (SELECT 1 FROM ${s}.accounts a WHERE a.id IN (t.debit_account_id, t.credit_account_id) AND ${conds.join(" AND ")})`,
    );
  }
  return { clause: parts.join(" AND "), values };
}

/**
 * Streams the matching transfers in sequence order, one page of {@link TRANSFER_PAGE_SIZE} rows
 * at a time (keyset paging on `sequence`), running each page through `run`.
 */
export async function* streamTransfers(
  run: <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>,
  s: string,
  query: TransferQuery = {},
): AsyncGenerator<Transfer> {
  const { clause, values } = transferWhere(s, query);
  const text = `SELECT ${COLUMNS} FROM ${s}.transfers t WHERE ${clause} ORDER BY t.sequence LIMIT ${TRANSFER_PAGE_SIZE}`;
  let after = BigInt(Math.trunc(query.afterSequence ?? 0));
  for (;;) {
    const rows = await run((db) => sql<TransferRow>(db, text, [after, ...values]));
    for (const row of rows) yield transferOf(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < TRANSFER_PAGE_SIZE) return;
    after = last.sequence;
  }
}
