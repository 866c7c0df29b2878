/**
 * Warnings of a control, computed from its balance: the highest threshold the usage reaches after
 * a reservation, and for an `advisory` control the fact that it is over its limit. Pure.
 */
import type { QuotaControl, WarningSeverity } from "./quota-control";

/**
 * The stable warning codes (warnings accompany an accepted reservation; they are not errors).
 *
 * @example
 * ```ts
 * warnings.filter((w) => w.code === BudgetWarningCode.ADVISORY_EXCEEDED);
 * ```
 */
export const BudgetWarningCode = {
  /** Usage reached one of the control's thresholds (e.g. 90 %). */
  THRESHOLD_REACHED: "BUDGET_THRESHOLD_REACHED",
  /** An `advisory` control is over its limit; the reservation was still accepted. */
  ADVISORY_EXCEEDED: "BUDGET_ADVISORY_EXCEEDED",
} as const;

/**
 * Any warning code of `@jincai/budget`.
 *
 * @example
 * ```ts
 * const code: BudgetWarningCode = "BUDGET_THRESHOLD_REACHED";
 * check.warnings.filter((w) => w.code === code).map((w) => `${w.controlId} at ${w.percent} %`);
 * ```
 */
export type BudgetWarningCode = (typeof BudgetWarningCode)[keyof typeof BudgetWarningCode];

/**
 * One warning about a control.
 *
 * @example
 * ```ts
 * const warning: ControlWarning = {
 *   code: "BUDGET_THRESHOLD_REACHED", controlId: "101001-302", severity: "warning",
 *   percent: 90, used: 117_000_000n, limit: 130_000_000n, crossed: true,
 * };
 * ```
 */
export interface ControlWarning {
  /** `BUDGET_THRESHOLD_REACHED` or `BUDGET_ADVISORY_EXCEEDED`. */
  readonly code: BudgetWarningCode;
  /** The control. */
  readonly controlId: string;
  /** Severity: the threshold's, or `critical` for an exceeded advisory control. */
  readonly severity: WarningSeverity;
  /** The threshold reached, in whole percent (for `BUDGET_THRESHOLD_REACHED`). */
  readonly percent?: number;
  /** Fen used after the reservation (reserved + consumed). */
  readonly used: bigint;
  /** The control's limit in fen. */
  readonly limit: bigint;
  /** Whether this reservation crossed the threshold (usage was below it before). */
  readonly crossed: boolean;
}

/**
 * The warnings a reservation of `requested` fen raises on a control whose available amount
 * (limit − used) was `availableBefore`.
 *
 * @param control - The control, with its thresholds and policy.
 * @param availableBefore - `creditsPosted − debitsPosted − debitsPending` of its account before.
 * @param requested - The reservation's amount.
 * @example
 * ```ts
 * const c = { id: "c1", limit: 1000n, policy: "advisory", thresholds: [{ percent: 90, severity: "warning" }] } as QuotaControl;
 * controlWarnings(c, 200n, 150n);
 * // [{ code: "BUDGET_THRESHOLD_REACHED", percent: 90, used: 950n, crossed: true, … }]
 * controlWarnings(c, 100n, 150n).map((w) => w.code);
 * // ["BUDGET_THRESHOLD_REACHED", "BUDGET_ADVISORY_EXCEEDED"]
 * ```
 */
export function controlWarnings(control: QuotaControl, availableBefore: bigint, requested: bigint): ControlWarning[] {
  const limit = control.limit;
  const before = limit - availableBefore;
  const used = before + requested;
  const out: ControlWarning[] = [];
  let best: { percent: number; severity: WarningSeverity } | undefined;
  for (const t of control.thresholds ?? []) {
    if (reachesThreshold(used, limit, t.percent) && (best === undefined || t.percent > best.percent)) best = t;
  }
  if (best !== undefined) {
    out.push({
      code: BudgetWarningCode.THRESHOLD_REACHED,
      controlId: control.id,
      severity: best.severity,
      percent: best.percent,
      used,
      limit,
      crossed: !reachesThreshold(before, limit, best.percent),
    });
  }
  if (control.policy === "advisory" && used > limit) {
    out.push({ code: BudgetWarningCode.ADVISORY_EXCEEDED, controlId: control.id, severity: "critical", used, limit, crossed: before <= limit });
  }
  return out;
}

/**
 * Whether `used` fen have reached `percent` % of `limit`, in exact integer arithmetic: the one rule
 * of a threshold, for a reservation's warnings and an import's closing report. Internal to the package.
 */
export function reachesThreshold(used: bigint, limit: bigint, percent: number): boolean {
  return used * 100n >= limit * BigInt(percent);
}
