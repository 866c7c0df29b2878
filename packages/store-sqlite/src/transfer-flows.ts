/**
 * `transferFlows` in SQLite: one full scan of `transfers` (forced with `NOT INDEXED`: walking the
 * rows account by account looks each row up in the table again, which was about five times
 * slower on a million transfers), summed per (debit, credit, phase). A query with dates walks
 * the `date` index over their range instead: the days outside a fiscal year (`payment.in-year`)
 * take no time on a million transfers, where a scan took 0.1 s for each bound.
 *
 * The sums are made by a small aggregate function registered on the connection, which keeps the
 * groups in a hash map: SQLite's own `GROUP BY` sorts every row first, which more than doubles
 * the cost of the scan. The function receives amounts as JavaScript numbers and sums them exactly
 * (see `Acc`), handing back `bigint` totals; if an amount is beyond 2^53 and so might not have
 * arrived exact, the function gives up and the same query runs with `GROUP BY`, summing in SQL.
 * The book filter applies to the groups, not the rows.
 */
import type Database from "better-sqlite3";
import type { TransferFlow, TransferFlowQuery, TransferPhase } from "@jincai/core";
import { compareTransferFlows } from "@jincai/core";
import type { SqliteContext } from "./account-ops";

const AGGREGATE = "jincai_transfer_flows";
const PHASES: readonly TransferPhase[] = ["posted", "pending", "post", "void"];

/** The sums of one (debit, credit, phase), by account keys. */
interface FlowSum {
  readonly debit: number;
  readonly credit: number;
  readonly phase: TransferPhase;
  readonly count: number;
  readonly amount: bigint;
}

/**
 * Running sums of one group. `fen` adds the amounts as long as the sum stays a safe integer (so
 * exactly, and without a `bigint` allocated per row); `carried` takes it over before it would not.
 */
interface Acc {
  count: number;
  fen: number;
  carried: bigint;
}

interface FlowState {
  /** debit → (credit × 4 + index of the phase in PHASES) → sums. */
  readonly groups: Map<number, Map<number, Acc>>;
  /** Set when an amount was not a safe integer: the sums are abandoned. */
  inexact: boolean;
}

/**
 * The matching transfers summed per (debit, credit, phase), sorted by `compareTransferFlows`.
 *
 * @example
 * ```ts
 * transferFlowsSync(ctx, { book: "quota", idPrefix: "pay:" });
 * // [{ debitAccountId: "quota:Q1", creditAccountId: "quota-spent:Q1", phase: "posted", count: 3704, amount: 91234500n }, …]
 * ```
 */
export function transferFlowsSync(ctx: SqliteContext, query: TransferFlowQuery = {}): TransferFlow[] {
  const { source, params } = flowSource(query);
  let sums = hashedSums(ctx, source, params);
  if (sums === undefined) sums = groupedSums(ctx, source, params);
  if (query.book !== undefined) {
    const nums = ctx.conn.stmt("SELECT a.num FROM accounts AS a WHERE a.book = ?").pluck().all(query.book) as bigint[];
    const inBook = new Set(nums.map(Number));
    sums = sums.filter((s) => inBook.has(s.debit) || inBook.has(s.credit));
  }
  const flows: TransferFlow[] = sums.map((s) => ({
    debitAccountId: ctx.accounts.idOf(s.debit),
    creditAccountId: ctx.accounts.idOf(s.credit),
    phase: s.phase,
    count: s.count,
    amount: s.amount,
  }));
  return flows.sort(compareTransferFlows);
}

/** The rows a query sums: `transfers AS t` with its row filters (scanned whole unless dated). */
function flowSource(query: TransferFlowQuery): { source: string; params: unknown[] } {
  const dated = query.from !== undefined || query.to !== undefined;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.idPrefix !== undefined && query.idPrefix !== "") {
    // substr counts code points; unlike LIKE it has no wildcards and is case-sensitive.
    parts.push("substr(t.id, 1, ?) = ?");
    params.push([...query.idPrefix].length, query.idPrefix);
  }
  if (query.from !== undefined) {
    parts.push("t.date >= ?");
    params.push(query.from);
  }
  if (query.to !== undefined) {
    parts.push("t.date <= ?");
    params.push(query.to);
  }
  if (query.phases !== undefined) {
    parts.push("t.phase IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(query.phases));
  }
  const table = dated ? "transfers AS t" : "transfers AS t NOT INDEXED";
  return { source: `${table}${parts.length === 0 ? "" : ` WHERE ${parts.join(" AND ")}`}`, params };
}

/** The sums through the hashing aggregate; undefined when an amount was not a safe integer. */
function hashedSums(ctx: SqliteContext, source: string, params: unknown[]): FlowSum[] | undefined {
  registerAggregate(ctx.conn.db);
  // The phase travels as its index in PHASES, folded into the credit key: no string per row.
  const phaseIndex = `CASE t.phase ${PHASES.map((p, i) => `WHEN '${p}' THEN ${i}`).join(" ")} END`;
  const sql = `SELECT ${AGGREGATE}(t.debit, t.credit * 4 + ${phaseIndex}, t.amount) FROM ${source}`;
  const text = ctx.conn.stmt(sql).pluck().get(...params) as string | null;
  if (text === null) return undefined;
  const rows = JSON.parse(text) as [number, number, number, number, string][];
  return rows.map(([debit, credit, phase, count, amount]) => ({ debit, credit, phase: PHASES[phase]!, count, amount: BigInt(amount) }));
}

/** The sums by SQLite's `GROUP BY`, exact for any amount. */
function groupedSums(ctx: SqliteContext, source: string, params: unknown[]): FlowSum[] {
  const sql = `SELECT t.debit, t.credit, t.phase, count(*) AS n, sum(t.amount) AS total FROM ${source} GROUP BY t.debit, t.credit, t.phase`;
  const rows = ctx.conn.stmt(sql).all(...params) as { debit: bigint; credit: bigint; phase: TransferPhase; n: bigint; total: bigint }[];
  return rows.map((r) => ({ debit: Number(r.debit), credit: Number(r.credit), phase: r.phase, count: Number(r.n), amount: r.total }));
}

const registered = new WeakSet<Database.Database>();

/** Registers the hashing aggregate on a connection, once. */
function registerAggregate(db: Database.Database): void {
  if (registered.has(db)) return;
  db.aggregate<FlowState>(AGGREGATE, {
    safeIntegers: false,
    deterministic: true,
    start: () => ({ groups: new Map(), inexact: false }),
    // The typings allow one argument after the state; SQLite passes the call's three.
    step: addRow as unknown as (state: FlowState) => void,
    result: flowsJson,
  });
  registered.add(db);
}

/** The aggregate's step: adds one transfer to its group. */
function addRow(state: FlowState, debit: number, key: number, amount: number): void {
  if (state.inexact) return;
  if (!Number.isSafeInteger(amount)) {
    state.inexact = true;
    return;
  }
  let byCredit = state.groups.get(debit);
  if (byCredit === undefined) state.groups.set(debit, (byCredit = new Map()));
  const acc = byCredit.get(key);
  if (acc === undefined) {
    byCredit.set(key, { count: 1, fen: amount, carried: 0n });
    return;
  }
  acc.count++;
  // Both terms are safe integers: the sum is exact unless it passes 2^53, when it is not safe.
  const sum = acc.fen + amount;
  if (Number.isSafeInteger(sum)) acc.fen = sum;
  else {
    acc.carried += BigInt(acc.fen);
    acc.fen = amount;
  }
}

/** The aggregate's result: `[debit, credit, phase index, count, "amount"]` rows as JSON, or null when inexact. */
function flowsJson(state: FlowState): string | null {
  if (state.inexact) return null;
  const rows: [number, number, number, number, string][] = [];
  for (const [debit, byCredit] of state.groups) {
    for (const [key, acc] of byCredit) rows.push([debit, Math.floor(key / 4), key % 4, acc.count, (acc.carried + BigInt(acc.fen)).toString()]);
  }
  return JSON.stringify(rows);
}
