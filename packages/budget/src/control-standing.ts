/**
 * How a control stands after a run of reservations (an import, a day's payments) against how it
 * stood before: the thresholds its usage reached meanwhile, and for an `advisory` control whether
 * it is past its limit now, and whether the run took it past or back within it. Pure: the caller
 * reads the two usages (see `controlUsage`). It compares the two ends only: a threshold crossed and
 * fallen back below within the run (a payment, then its refund) is not reported.
 */
import { reachesThreshold } from "./control-warnings";
import type { ControlPolicy, QuotaControl, WarningSeverity } from "./quota-control";

/**
 * A control's standing at the end of a run, when there is something to say about it.
 *
 * @example
 * ```ts
 * const standing: ControlStanding = {
 *   controlId: "C302", policy: "advisory", limit: 100_000n, usedBefore: 30_000n, used: 120_000n,
 *   thresholdsCrossed: [80, 100], status: "over-limit", crossed: true, severity: "critical",
 * };
 * standing.used - standing.limit; // 20_000n past the limit
 * ```
 */
export interface ControlStanding {
  /** The control. */
  readonly controlId: string;
  /** Its policy. */
  readonly policy: ControlPolicy;
  /** Its limit in fen. */
  readonly limit: bigint;
  /** Fen used (reserved + consumed) before the run. */
  readonly usedBefore: bigint;
  /** Fen used after the run. */
  readonly used: bigint;
  /** The thresholds (whole percent, ascending) reached after the run and not before it. */
  readonly thresholdsCrossed: readonly number[];
  /**
   * `over-limit`: an advisory control past its limit after the run; `within-limit`: an advisory
   * control past it before and within it after; `threshold`: any control that reached a
   * threshold during the run, and is not past an advisory limit.
   */
  readonly status: "over-limit" | "within-limit" | "threshold";
  /** For `over-limit`: whether the control was within its limit before the run (the run took it past). */
  readonly crossed: boolean;
  /** The severity to report it with: `critical` past an advisory limit, else the highest threshold's crossed (`info` back within). */
  readonly severity: WarningSeverity;
}

/**
 * What to say of a control whose usage went from `usedBefore` to `used`; `undefined` when there is
 * nothing to say (no threshold reached meanwhile, and not past an advisory limit before or after).
 *
 * @param control - The control, with its limit, policy and thresholds.
 * @param usedBefore - Fen used before the run (limit − available of its control account).
 * @param used - Fen used after the run.
 * @example
 * ```ts
 * const c = { id: "C302", limit: 100_000n, policy: "advisory", thresholds: [{ percent: 80, severity: "info" }, { percent: 100, severity: "critical" }] } as QuotaControl;
 * controlStanding(c, 30_000n, 120_000n);
 * // { status: "over-limit", crossed: true, thresholdsCrossed: [80, 100], severity: "critical", used: 120000n, … }
 * controlStanding(c, 120_000n, 95_000n)?.status; // "within-limit"
 * controlStanding(c, 10_000n, 20_000n); // undefined
 * ```
 */
export function controlStanding(control: QuotaControl, usedBefore: bigint, used: bigint): ControlStanding | undefined {
  const limit = control.limit;
  const crossedThresholds = (control.thresholds ?? [])
    .filter((t) => reachesThreshold(used, limit, t.percent) && !reachesThreshold(usedBefore, limit, t.percent))
    .sort((a, b) => a.percent - b.percent);
  const thresholdsCrossed = [...new Set(crossedThresholds.map((t) => t.percent))];
  const base = { controlId: control.id, policy: control.policy, limit, usedBefore, used, thresholdsCrossed };
  const advisory = control.policy === "advisory";
  if (advisory && used > limit) return { ...base, status: "over-limit", crossed: usedBefore <= limit, severity: "critical" };
  if (advisory && usedBefore > limit) return { ...base, status: "within-limit", crossed: false, severity: highest(crossedThresholds) ?? "info" };
  const severity = highest(crossedThresholds);
  return severity === undefined ? undefined : { ...base, status: "threshold", crossed: false, severity };
}

const RANK: Readonly<Record<WarningSeverity, number>> = { info: 0, warning: 1, critical: 2 };

/** The highest severity among `thresholds`, or `undefined` when there is none. */
function highest(thresholds: readonly { readonly severity: WarningSeverity }[]): WarningSeverity | undefined {
  let out: WarningSeverity | undefined;
  for (const t of thresholds) if (out === undefined || RANK[t.severity] > RANK[out]) out = t.severity;
  return out;
}
