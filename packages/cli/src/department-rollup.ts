/**
 * The 主管部门 (department) of a summary: 部门预算 are compiled and reported by department, the
 * top of each agency's tree. The summary is computed by agency and its rows folded into their
 * departments here: amounts and quota lines add up, the execution rate is computed again from
 * the sums. An agency the tree does not know stays its own department.
 */
import { executionRate } from "@jincai/budget";
import type { ExecutionSummaryRow } from "@jincai/budget";
import type { AgencyTree } from "@jincai/core";

/** The summary's dimension key of the 主管部门. */
export const DEPARTMENT = "department";

/**
 * What to ask the summary for when `groupBy` holds the department: the agency in its place
 * (once, when the agency is asked for too).
 *
 * @example
 * ```ts
 * summaryGroupBy(["department", "functionCode"]); // ["agency", "functionCode"]
 * ```
 */
export function summaryGroupBy(groupBy: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of groupBy) {
    const key = g === DEPARTMENT ? "agency" : g;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/**
 * Folds summary rows computed by agency into rows by `groupBy`, which holds the department
 * (and the agency only when asked for); rows come sorted by their keys in `groupBy` order.
 *
 * @example
 * ```ts
 * const byAgency = await executionSummary(store, { groupBy: summaryGroupBy(["department"]) });
 * rollUpDepartments(byAgency, ["department"], tree)[0]?.key; // { department: "101" }
 * ```
 */
export function rollUpDepartments(rows: readonly ExecutionSummaryRow[], groupBy: readonly string[], tree: AgencyTree): ExecutionSummaryRow[] {
  const keepAgency = groupBy.includes("agency");
  const groups = new Map<string, { key: Record<string, string>; quota: bigint; reserved: bigint; paid: bigint; frozen: bigint; available: bigint; nonExecutable: bigint; lines: number }>();
  for (const row of rows) {
    const agency = row.key["agency"] ?? "";
    const department = tree.find(agency) === undefined ? agency : tree.departmentOf(agency).code;
    const key: Record<string, string> = {};
    for (const g of groupBy) key[g] = g === DEPARTMENT ? department : (row.key[g] ?? "");
    if (!keepAgency) delete key["agency"];
    const id = groupBy.map((g) => key[g]).join("\u0000");
    const acc = groups.get(id);
    if (acc === undefined) {
      groups.set(id, { key, quota: row.quota, reserved: row.reserved, paid: row.paid, frozen: row.frozen, available: row.available, nonExecutable: row.nonExecutable, lines: row.lines });
      continue;
    }
    acc.quota += row.quota;
    acc.reserved += row.reserved;
    acc.paid += row.paid;
    acc.frozen += row.frozen;
    acc.available += row.available;
    acc.nonExecutable += row.nonExecutable;
    acc.lines += row.lines;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ ...g, executionRate: executionRate(g.paid, g.quota) }));
}
