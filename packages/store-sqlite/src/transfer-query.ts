/**
 * Transfer queries in SQLite, one page at a time by `sequence` (a consumer never holds a read
 * cursor open across its awaits). Every page reads in sequence order from where the last one
 * stopped, so a whole stream costs one pass, never a sort per page:
 * - one account: its range of `transfer_accounts` (account, sequence), joined to the rows, merged
 *   with the rows of the account numbered before it that credit it (see transfer-accounts);
 * - a date range: first the range's lowest and highest sequence from the `date` index, then
 *   the rows between them by primary key, filtered on the date;
 * - book, dimensions and phases filter rows as they are read (`+column` keeps SQLite from
 *   switching to an index that would need a sort).
 */
import type { Transfer, TransferQuery } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { accountCondition, hasAccountFilter } from "./account-filter";
import { TRANSFER_COLUMNS, readTransfers } from "./transfer-row";

/** How many transfers one page reads. */
export const TRANSFER_PAGE_SIZE = 5000;

/** The sequence range a stream reads: after `after`, up to `until` (inclusive) when set. */
export interface SequenceRange {
  /** Only transfers with a greater sequence. */
  readonly after: number;
  /** Only transfers with this sequence or lower. */
  readonly until?: number;
}

/**
 * Reads transfers by id in one query; one entry per id, in order (`undefined` when unknown).
 *
 * @example
 * ```ts
 * transfersByIdSync(ctx, ["pay:ZF001", "pay:none"]).map((t) => t?.amount); // [120000n, undefined]
 * ```
 */
export function transfersByIdSync(ctx: SqliteContext, ids: readonly string[]): (Transfer | undefined)[] {
  if (ids.length === 0) return [];
  const sql = `SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.id IN (SELECT value FROM json_each(?))`;
  const found = new Map(readTransfers(ctx.conn.stmt(sql), [JSON.stringify(ids)], ctx.accounts).map((t) => [t.id, t]));
  return ids.map((id) => found.get(id));
}

/**
 * The sequence range a query can match, narrowed by its dates through the `date` index;
 * undefined when no transfer is in the date range.
 *
 * @example
 * ```ts
 * sequenceRangeSync(ctx, { from: "2026-03-01", to: "2026-03-31" }); // { after: 41999, until: 125000 }
 * ```
 */
export function sequenceRangeSync(ctx: SqliteContext, query: TransferQuery): SequenceRange | undefined {
  const after = query.afterSequence ?? 0;
  if (query.from === undefined && query.to === undefined) return { after };
  const parts: string[] = [];
  const params: string[] = [];
  if (query.from !== undefined) {
    parts.push("date >= ?");
    params.push(query.from);
  }
  if (query.to !== undefined) {
    parts.push("date <= ?");
    params.push(query.to);
  }
  const sql = `SELECT min(sequence) AS first, max(sequence) AS last FROM transfers WHERE ${parts.join(" AND ")}`;
  const row = ctx.conn.stmt(sql).get(...params) as { first: bigint | null; last: bigint | null };
  if (row.first === null || row.last === null) return undefined;
  return { after: Math.max(after, Number(row.first) - 1), until: Number(row.last) };
}

/**
 * The next page of matching transfers within `range`, in sequence order.
 *
 * @example
 * ```ts
 * transferPageSync(ctx, { accountId: "q1", from: "2026-03-01" }, { after: 0 }); // up to 5000 transfers
 * ```
 */
export function transferPageSync(ctx: SqliteContext, query: TransferQuery, range: SequenceRange, limit = TRANSFER_PAGE_SIZE): Transfer[] {
  const parts: string[] = ["t.sequence > ?"];
  const params: unknown[] = [range.after];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (range.until !== undefined) add("t.sequence <= ?", range.until);
  if (query.from !== undefined) add("+t.date >= ?", query.from);
  if (query.to !== undefined) add("+t.date <= ?", query.to);
  if (query.phases !== undefined) add("+t.phase IN (SELECT value FROM json_each(?))", JSON.stringify(query.phases));
  if (hasAccountFilter(query)) {
    const cond = accountCondition(query);
    const set = `(SELECT a.num FROM accounts a WHERE ${cond.sql})`;
    add(`(+t.debit IN ${set} OR +t.credit IN ${set})`, ...cond.params, ...cond.params);
  }
  const where = parts.join(" AND ");
  if (query.accountId === undefined) {
    return readTransfers(ctx.conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE ${where} ORDER BY t.sequence LIMIT ?`), [...params, limit], ctx.accounts);
  }
  const num = ctx.accounts.numOf(query.accountId);
  if (num === undefined) return [];
  // A bulk load may hold pairs in memory: write them before reading the table.
  ctx.transferAccounts.flush();
  // The account's own rows, merged in sequence order with those of the account numbered just
  // before it that credit this one (they have no row of their own: transfer-accounts). CROSS
  // JOIN keeps SQLite reading each range first (not `transfers` by sequence); ordering by the
  // pair's own sequence (`k`) lets it merge the two ranges as they come instead of sorting them.
  const arm = `SELECT ${TRANSFER_COLUMNS}, a.sequence AS k FROM transfer_accounts a CROSS JOIN transfers t ON t.sequence = a.sequence WHERE a.account = ? AND a.sequence > ?`;
  const sql = `${arm} AND ${where} UNION ALL ${arm} AND +t.debit = ? AND +t.credit = ? AND ${where} ORDER BY k LIMIT ?`;
  return readTransfers(ctx.conn.stmt(sql), [num, range.after, ...params, num - 1, range.after, num - 1, num, ...params, limit], ctx.accounts);
}
