/**
 * Budget execution summarised by dimension (单位, 功能科目, 经济科目, 资金性质, 项目, month):
 * quota, reserved, paid, frozen, available, non-executable and the execution rate per group, from
 * the balances of the quota accounts. What is left on a line that is not executable (是否可执行
 * = 否, 指标可执行标志 off) cannot be paid, so it is not available: it is shown apart, and
 * quota = reserved + paid + frozen + available + non-executable still holds. Codes roll up to 类/款/项 by prefix. A period (`from`..`to`) reports
 * what was paid within it and the quota and reservations standing at its end.
 */
import { ZERO_BALANCE, addCalendarDays, listPeriods } from "@jincai/core";
import type { AccountBalance, Balance, StoreTx } from "@jincai/core";
import { executionRate } from "./execution-rate";
import { findQuotas } from "./find-quotas";
import { QUOTA_BOOK, quotaAccountIds } from "./quota-account-ids";
import { executionFromBalances } from "./quota-execution";

/**
 * Options of {@link executionSummary}.
 *
 * @example
 * ```ts
 * const options: ExecutionSummaryOptions = {
 *   groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 },
 *   fiscalYear: 2026, from: "2026-01-01", to: "2026-06-30",
 * };
 * const rows = await executionSummary(store, options);
 * ```
 */
export interface ExecutionSummaryOptions {
  /** Dimension keys to group by, e.g. `["agency", "functionCode"]`; `month` splits paid by month. */
  readonly groupBy: readonly string[];
  /** Prefix length per dimension for roll-up, e.g. `{ functionCode: 3 }` for 类. */
  readonly rollup?: Readonly<Record<string, number>>;
  /** Only this fiscal year. */
  readonly fiscalYear?: number;
  /** First date of the period (inclusive); paid counts from here. */
  readonly from?: string;
  /** Last date of the period (inclusive); standing figures are as of this date. */
  readonly to?: string;
}

/**
 * One group of an execution summary, amounts in fen.
 *
 * @example
 * ```ts
 * const row: ExecutionSummaryRow = {
 *   key: { agency: "101001", functionCode: "201" }, quota: 50_000_000n, reserved: 1_500_000n,
 *   paid: 20_000_000n, frozen: 0n, available: 28_500_000n, nonExecutable: 0n, executionRate: "0.4000", lines: 1,
 * };
 * ```
 */
export interface ExecutionSummaryRow {
  /** The group's dimension values (rolled up), by dimension key. */
  readonly key: Readonly<Record<string, string>>;
  /** Approved quota (net of nothing: loads only). */
  readonly quota: bigint;
  /** Reserved by submitted, unpaid payments. */
  readonly reserved: bigint;
  /** Paid within the period (net of refunds). */
  readonly paid: bigint;
  /** Frozen. */
  readonly frozen: bigint;
  /** quota − reserved − paid (all of the year to date) − frozen, on executable lines: what can still be paid. */
  readonly available: bigint;
  /**
   * What is left (quota − reserved − paid − frozen) on lines that are not executable (是否可执行 =
   * 否): not available, as a payment from them is refused (BUDGET_NOT_EXECUTABLE).
   */
  readonly nonExecutable: bigint;
  /** paid / quota, 4 decimals, half up. */
  readonly executionRate: string;
  /** Quota lines in the group. */
  readonly lines: number;
}

interface Acc {
  key: Record<string, string>;
  quota: bigint;
  reserved: bigint;
  paid: bigint;
  frozen: bigint;
  available: bigint;
  nonExecutable: bigint;
  lines: number;
}

/**
 * Summarises budget execution by the given dimensions.
 *
 * @example
 * ```ts
 * const rows = await executionSummary(store, { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } });
 * rows[0]; // { key: { agency: "101001", functionCode: "201" }, quota: 1000000n, paid: 250000n, available: 700000n, nonExecutable: 0n, ... }
 * ```
 */
export async function executionSummary(tx: StoreTx, options: ExecutionSummaryOptions): Promise<ExecutionSummaryRow[]> {
  const where = options.fiscalYear !== undefined ? { where: { fiscalYear: String(options.fiscalYear) } } : {};
  const byMonth = options.groupBy.includes("month");
  const dims = options.groupBy.filter((d) => d !== "month");
  const end = await tx.accountBalances({ book: QUOTA_BOOK, ...where, ...(options.to ? { asOf: options.to } : {}) });
  const groups = new Map<string, Acc>();
  const standing = indexBalances(end);
  // Lines not executable: few, read by their indexed flag.
  const blocked = new Set((await findQuotas(tx, { ...(options.fiscalYear !== undefined ? { fiscalYear: String(options.fiscalYear) } : {}), executable: "0" })).map((l) => l.id));
  if (!byMonth) {
    const start = options.from ? indexBalances(await tx.accountBalances({ book: QUOTA_BOOK, ...where, asOf: addCalendarDays(options.from, -1) })) : undefined;
    for (const row of end) addLine(groups, row, dims, options.rollup, standing, start, undefined, blocked);
  } else {
    const year = options.fiscalYear ?? Number((options.to ?? options.from ?? "").slice(0, 4));
    const months = monthsBetween(options.from ?? `${year}-01-01`, options.to ?? `${year}-12-31`);
    let previous = indexBalances(await tx.accountBalances({ book: QUOTA_BOOK, ...where, asOf: addCalendarDays(months[0]!.from, -1) }));
    for (const m of months) {
      const atEnd = indexBalances(await tx.accountBalances({ book: QUOTA_BOOK, ...where, asOf: m.to }));
      for (const row of end) addLine(groups, row, dims, options.rollup, atEnd, previous, m.month, blocked);
      previous = atEnd;
    }
  }
  // Sorted by the dimensions in the order asked for (by month, then function: each month's rows together).
  const order = options.groupBy;
  const compare = (a: Acc, b: Acc): number => {
    for (const d of order) {
      const x = a.key[d] ?? "";
      const y = b.key[d] ?? "";
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return [...groups.values()].sort(compare).map((g) => ({ ...g, executionRate: executionRate(g.paid, g.quota) }));
}

function addLine(
  groups: Map<string, Acc>,
  row: AccountBalance,
  dims: readonly string[],
  rollup: Readonly<Record<string, number>> | undefined,
  atEnd: Map<string, Balance>,
  atStart: Map<string, Balance> | undefined,
  month: string | undefined,
  blocked: ReadonlySet<string>,
): void {
  const id = row.account.id;
  if (!id.startsWith("quota:")) return;
  const quotaId = id.slice("quota:".length);
  const ids = quotaAccountIds(quotaId);
  const now = execution(quotaId, ids, atEnd);
  const paidBefore = atStart ? execution(quotaId, ids, atStart).consumed : 0n;
  const key: Record<string, string> = {};
  for (const d of dims) {
    const value = row.account.dimensions[d] ?? "";
    const len = rollup?.[d];
    key[d] = len !== undefined && value.length > len ? value.slice(0, len) : value;
  }
  if (month !== undefined) key["month"] = month;
  const k = JSON.stringify(key);
  let g = groups.get(k);
  if (!g) {
    g = { key, quota: 0n, reserved: 0n, paid: 0n, frozen: 0n, available: 0n, nonExecutable: 0n, lines: 0 };
    groups.set(k, g);
  }
  g.quota += now.amount;
  g.reserved += now.reserved;
  g.paid += now.consumed - paidBefore;
  g.frozen += now.frozen;
  if (blocked.has(quotaId)) g.nonExecutable += now.available;
  else g.available += now.available;
  g.lines += 1;
}

function execution(quotaId: string, ids: ReturnType<typeof quotaAccountIds>, balances: Map<string, Balance>) {
  return executionFromBalances(quotaId, {
    line: balances.get(ids.line) ?? ZERO_BALANCE,
    spent: balances.get(ids.spent) ?? ZERO_BALANCE,
    frozen: balances.get(ids.frozen) ?? ZERO_BALANCE,
  });
}

function indexBalances(rows: readonly AccountBalance[]): Map<string, Balance> {
  return new Map(rows.map((r) => [r.account.id, r.balance]));
}

function monthsBetween(from: string, to: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const p of listPeriods(year, "month")) {
      if (p.to < from || p.from > to) continue;
      out.push({ month: p.key, from: p.from < from ? from : p.from, to: p.to > to ? to : p.to });
    }
  }
  return out;
}
