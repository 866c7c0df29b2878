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
 * The book filter applies to the groups, not the rows. With `byMonth` a second function also
 * receives each transfer's date, reads its month from the character codes (`2026-03-10` →
 * 202603: no substring, where `substr` and arithmetic in SQL cost about 0.13 s on a million
 * transfers) and keeps one set of groups per month, remembering the last month's (consecutive
 * transfers are mostly of one month). A date not of the form `YYYY-MM…` gives up the same way as
 * an inexact amount. With `markIdPrefix` whether a row's id starts with it (`substr`, in C) is one
 * more bit of the same key.
 */
import type Database from "better-sqlite3";
import type { TransferFlow, TransferFlowQuery, TransferPhase } from "@jincai/core";
import { compareTransferFlows } from "@jincai/core";
import type { SqliteContext } from "./account-ops";

const AGGREGATE = "jincai_transfer_flows";
const AGGREGATE_BY_MONTH = "jincai_transfer_flows_by_month";
const PHASES: readonly TransferPhase[] = ["posted", "pending", "post", "void"];

/** The sums of one (debit, credit, phase), by account keys. */
interface FlowSum {
  readonly debit: number;
  readonly credit: number;
  readonly phase: TransferPhase;
  readonly count: number;
  readonly amount: bigint;
  /** `YYYY-MM`, with `byMonth` only. */
  readonly month?: string;
  /** With `markIdPrefix` only: whether the ids start with it. */
  marked?: boolean;
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

/** debit → (credit × 4 + index of the phase in PHASES) → sums. */
type Groups = Map<number, Map<number, Acc>>;

interface FlowState {
  /** Month (`YYYYMM` as a number, 0 without `byMonth`) → its groups. */
  readonly months: Map<number, Groups>;
  /** The month of the last row and its groups: consecutive rows are mostly of one month. */
  lastMonth: number;
  lastGroups: Groups | undefined;
  /** Set when an amount was not a safe integer, or a date no `YYYY-MM…`: the sums are abandoned. */
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
  const byMonth = query.byMonth === true;
  const mark = markOf(query);
  let sums = hashedSums(ctx, source, params, byMonth, mark);
  if (sums === undefined) sums = groupedSums(ctx, source, params, byMonth, mark);
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
    ...(s.month === undefined ? {} : { month: s.month }),
    ...(s.marked === undefined ? {} : { marked: s.marked }),
  }));
  return flows.sort(compareTransferFlows);
}

/** `markIdPrefix` as SQL (1 for a marked row, else 0) with its parameters; undefined without one. */
function markOf(query: TransferFlowQuery): { readonly sql: string; readonly params: unknown[] } | undefined {
  if (query.markIdPrefix === undefined) return undefined;
  // substr counts code points; unlike LIKE it has no wildcards and is case-sensitive.
  return { sql: "(substr(t.id, 1, ?) = ?)", params: [[...query.markIdPrefix].length, query.markIdPrefix] };
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
function hashedSums(ctx: SqliteContext, source: string, params: unknown[], byMonth: boolean, mark: ReturnType<typeof markOf>): FlowSum[] | undefined {
  registerAggregate(ctx.conn.db);
  // The phase travels as its index in PHASES, and the mark as the next bit, folded into the
  // credit key: no string per row.
  const phaseIndex = `CASE t.phase ${PHASES.map((p, i) => `WHEN '${p}' THEN ${i}`).join(" ")} END`;
  const key = mark === undefined ? `t.credit * 4 + ${phaseIndex}` : `t.credit * 8 + ${mark.sql} * 4 + ${phaseIndex}`;
  const call = byMonth ? `${AGGREGATE_BY_MONTH}(t.debit, ${key}, t.amount, t.date)` : `${AGGREGATE}(t.debit, ${key}, t.amount)`;
  const sql = `SELECT ${call} FROM ${source}`;
  const text = ctx.conn.stmt(sql).pluck().get(...(mark?.params ?? []), ...params) as string | null;
  if (text === null) return undefined;
  const rows = JSON.parse(text) as [number, number, number, string, number][];
  return rows.map(([debit, key, count, amount, month]) => {
    const phase = PHASES[key % 4]!;
    const sum: FlowSum = mark === undefined
      ? { debit, credit: Math.floor(key / 4), phase, count, amount: BigInt(amount) }
      : { debit, credit: Math.floor(key / 8), phase, count, amount: BigInt(amount), marked: Math.floor(key / 4) % 2 === 1 };
    return byMonth ? { ...sum, month: monthText(month) } : sum;
  });
}

/** The sums by SQLite's `GROUP BY`, exact for any amount. */
function groupedSums(ctx: SqliteContext, source: string, params: unknown[], byMonth: boolean, mark: ReturnType<typeof markOf>): FlowSum[] {
  const month = byMonth ? "substr(t.date, 1, 7)" : "NULL";
  const marked = mark === undefined ? "NULL" : mark.sql;
  const sql = `SELECT t.debit, t.credit, t.phase, ${month} AS month, ${marked} AS marked, count(*) AS n, sum(t.amount) AS total FROM ${source} GROUP BY t.debit, t.credit, t.phase${byMonth ? ", month" : ""}${mark === undefined ? "" : ", marked"}`;
  const rows = ctx.conn.stmt(sql).all(...(mark?.params ?? []), ...params) as { debit: bigint; credit: bigint; phase: TransferPhase; month: string | null; marked: bigint | null; n: bigint; total: bigint }[];
  return rows.map((r) => {
    const sum: FlowSum = { debit: Number(r.debit), credit: Number(r.credit), phase: r.phase, count: Number(r.n), amount: r.total };
    if (r.marked !== null) sum.marked = Number(r.marked) === 1;
    return r.month === null ? sum : { ...sum, month: r.month };
  });
}

/** `202603` → `"2026-03"`. */
function monthText(yyyymm: number): string {
  return `${String(Math.floor(yyyymm / 100)).padStart(4, "0")}-${String(yyyymm % 100).padStart(2, "0")}`;
}

const registered = new WeakSet<Database.Database>();

/** Registers the hashing aggregates (without and with months) on a connection, once. */
function registerAggregate(db: Database.Database): void {
  if (registered.has(db)) return;
  const start = (): FlowState => ({ months: new Map(), lastMonth: -1, lastGroups: undefined, inexact: false });
  const common = { safeIntegers: false, deterministic: true, start, result: flowsJson };
  // The typings allow one argument after the state; SQLite passes the call's three or four.
  db.aggregate<FlowState>(AGGREGATE, { ...common, step: addRow as unknown as (state: FlowState) => void });
  db.aggregate<FlowState>(AGGREGATE_BY_MONTH, { ...common, step: addDatedRow as unknown as (state: FlowState) => void });
  registered.add(db);
}

/** The first aggregate's step: adds one transfer to its group (month 0). */
function addRow(state: FlowState, debit: number, key: number, amount: number): void {
  add(state, 0, debit, key, amount);
}

/** The second aggregate's step: adds one transfer to the group of its month. */
function addDatedRow(state: FlowState, debit: number, key: number, amount: number, date: unknown): void {
  const month = monthNumber(date);
  if (month === undefined) state.inexact = true;
  else add(state, month, debit, key, amount);
}

/** Where the digits of `YYYY-MM` are in a date. */
const MONTH_DIGITS = [0, 1, 2, 3, 5, 6] as const;

/** `2026-03-10` → 202603 from the character codes (no substring); undefined unless `YYYY-MM` starts it. */
function monthNumber(date: unknown): number | undefined {
  if (typeof date !== "string" || date.charCodeAt(4) !== 45) return undefined;
  let n = 0;
  for (let i = 0; i < MONTH_DIGITS.length; i++) {
    const digit = date.charCodeAt(MONTH_DIGITS[i]!) - 48;
    if (!(digit >= 0 && digit <= 9)) return undefined;
    n = n * 10 + digit;
  }
  return n;
}

/** Adds one transfer to the group of its month, debit and `key`, exactly. */
function add(state: FlowState, month: number, debit: number, key: number, amount: number): void {
  if (state.inexact) return;
  if (!Number.isSafeInteger(amount)) {
    state.inexact = true;
    return;
  }
  let groups = state.lastGroups;
  if (month !== state.lastMonth || groups === undefined) {
    groups = state.months.get(month);
    if (groups === undefined) state.months.set(month, (groups = new Map()));
    state.lastMonth = month;
    state.lastGroups = groups;
  }
  let byCredit = groups.get(debit);
  if (byCredit === undefined) groups.set(debit, (byCredit = new Map()));
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

/** The aggregate's result: `[debit, key, count, "amount", month]` rows as JSON (the key as the call folded it), or null when inexact. */
function flowsJson(state: FlowState): string | null {
  if (state.inexact) return null;
  const rows: [number, number, number, string, number][] = [];
  for (const [month, groups] of state.months) {
    for (const [debit, byCredit] of groups) {
      for (const [key, acc] of byCredit) rows.push([debit, key, acc.count, (acc.carried + BigInt(acc.fen)).toString(), month]);
    }
  }
  return JSON.stringify(rows);
}
