/**
 * Parent-level controls: a limit over every reservation whose dimensions match a set of matchers
 * (e.g. agency 101001 × department economic 类 302 ≤ 2,000,000.00 yuan). A control is an extra
 * ledger account that each matching reservation also debits, in the same batch as the line.
 */
import { DIMENSIONS, fenProblem, isIsoDate } from "@jincai/core";
import type { Dimensions } from "@jincai/core";

/**
 * How a control reacts when a reservation would pass its limit.
 *
 * @example
 * ```ts
 * const policy: ControlPolicy = "advisory"; // accept over the limit, with a BUDGET_ADVISORY_EXCEEDED warning
 * ```
 */
export type ControlPolicy = "absolute" | "advisory" | "track";

/**
 * One condition on one dimension: equal to `value`, or (with `prefix`) starting with it.
 *
 * @example
 * ```ts
 * const match: DimensionMatcher[] = [
 *   { dimension: "agency", value: "101001" },
 *   { dimension: "economicCode", value: "302", prefix: true }, // 商品和服务支出 and its 款
 * ];
 * ```
 */
export interface DimensionMatcher {
  /** The dimension key, e.g. `agency`, `economicCode` (see core's `DIMENSIONS`). */
  readonly dimension: string;
  /** The value, or the prefix when `prefix` is set (e.g. `302` for the 类 商品和服务支出). */
  readonly value: string;
  /** Match codes that start with `value` (a parent code covers its children). */
  readonly prefix?: boolean;
}

/**
 * How strongly a threshold warning is raised.
 *
 * @example
 * ```ts
 * const severity: WarningSeverity = "critical";
 * const threshold: ControlThreshold = { percent: 100, severity };
 * ```
 */
export type WarningSeverity = "info" | "warning" | "critical";

/**
 * A usage level that raises a warning when reached, e.g. 90 % → `warning`.
 *
 * @example
 * ```ts
 * const thresholds: ControlThreshold[] = [
 *   { percent: 80, severity: "info" },
 *   { percent: 90, severity: "warning" },
 *   { percent: 100, severity: "critical" },
 * ];
 * ```
 */
export interface ControlThreshold {
  /** Whole percent of the limit, 1–1000 (e.g. 80, 90, 100). */
  readonly percent: number;
  /** The severity of the warning raised. */
  readonly severity: WarningSeverity;
}

/**
 * A control configured by the user.
 *
 * @example
 * ```ts
 * const control: QuotaControl = {
 *   id: "101001-302", name: "101001 商品和服务支出总额",
 *   match: [{ dimension: "agency", value: "101001" }, { dimension: "economicCode", value: "302", prefix: true }],
 *   limit: 130_000_000n, policy: "absolute", thresholds: [{ percent: 90, severity: "warning" }], date: "2026-01-05",
 * };
 * await defineQuotaControl(store, control);
 * ```
 */
export interface QuotaControl {
  /** Unique id (also names its ledger accounts). */
  readonly id: string;
  /** Readable name, e.g. `101001 商品和服务支出总额`. */
  readonly name: string;
  /** Every matcher must hold for a reservation to count against the control. */
  readonly match: readonly DimensionMatcher[];
  /** The limit in fen. */
  readonly limit: bigint;
  /** `absolute` rejects, `advisory` accepts with a warning, `track` only records. */
  readonly policy: ControlPolicy;
  /** Usage levels that raise warnings; none by default. */
  readonly thresholds?: readonly ControlThreshold[];
  /** Ledger date of the limit's posting, `YYYY-MM-DD`. */
  readonly date: string;
  /**
   * The day the control was retired from (see `retireQuotaControl`): reservations dated on or
   * after it are no longer checked against it nor counted on it. Set only by a retirement;
   * `defineQuotaControl` ignores it.
   */
  readonly retired?: string;
  /**
   * Set when the control took over reservations made before it (see `defineQuotaControl`): their
   * legs on it exist though their owners' records may not list it. Set only by a definition.
   */
  readonly opened?: boolean;
}

/**
 * Tells whether a reservation's dimensions fall under a control. A matcher on a dimension the
 * reservation does not carry cannot be decided: that is `"missing"`, and callers fail closed.
 *
 * @returns `true`, `false`, or `"missing"` with the dimension that was absent
 * @example
 * ```ts
 * const c = { match: [{ dimension: "economicCode", value: "302", prefix: true }] } as QuotaControl;
 * matchControl(c, { economicCode: "30201" }); // true
 * matchControl(c, { economicCode: "30101" }); // false
 * matchControl(c, {}); // { missing: "economicCode" } (cannot decide: callers fail closed)
 * ```
 */
export function matchControl(
  control: QuotaControl,
  dims: Dimensions,
): boolean | {
  /** The dimension the reservation lacks. */
  readonly missing: string;
} {
  let absent: string | undefined;
  for (const m of control.match) {
    const v = dims[m.dimension];
    if (v === undefined || v === "") {
      absent ??= m.dimension;
      continue;
    }
    // A present dimension that does not match decides it: the control does not apply.
    if (!(m.prefix === true ? v.startsWith(m.value) : v === m.value)) return false;
  }
  return absent === undefined ? true : { missing: absent };
}

/**
 * The problems of a control definition, as messages; empty when it is well formed. Internal.
 *
 * @example
 * ```ts
 * controlProblems({ ...control, match: [] }); // ["a control needs at least one matcher"]
 * ```
 */
export function controlProblems(control: QuotaControl): string[] {
  const out: string[] = [];
  if (typeof control.id !== "string" || control.id === "") out.push("id is required");
  if (!Array.isArray(control.match) || control.match.length === 0) out.push("a control needs at least one matcher");
  for (const m of control.match ?? []) {
    if (!m.dimension || !m.value) out.push("every matcher needs a dimension and a value");
    // A misspelt dimension would be needed by every payment and never found (fail closed, for good).
    else if (!Object.hasOwn(DIMENSIONS, m.dimension)) out.push(`matcher ${String(m.dimension)}: not a dimension (use ${Object.keys(DIMENSIONS).join(", ")})`);
    else if (typeof m.value !== "string" || m.value.trim() !== m.value) out.push(`matcher ${m.dimension}: "${String(m.value)}" must be text without spaces around it`);
  }
  if (!isIsoDate(control.date)) out.push(`date ${String(control.date)} is not a YYYY-MM-DD date`);
  if (typeof control.limit !== "bigint" || control.limit <= 0n) out.push(fenProblem(control.limit, "limit"));
  if (!["absolute", "advisory", "track"].includes(control.policy)) out.push(`unknown policy ${String(control.policy)}`);
  for (const t of control.thresholds ?? []) {
    if (!Number.isInteger(t.percent) || t.percent < 1 || t.percent > 1000) out.push(`bad threshold ${String(t.percent)}`);
    if (!["info", "warning", "critical"].includes(t.severity)) out.push(`bad severity ${String(t.severity)}`);
  }
  return out;
}
