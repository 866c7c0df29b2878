import type { ControlWarning } from "./control-warnings";
import { controlWarnings } from "./control-warnings";
import type { ControlPolicy, QuotaControl } from "./quota-control";
import type { ReservePlan } from "./reserve-quota";

/**
 * The availability at one level of a reservation.
 *
 * @example
 * ```ts
 * const level: LevelAvailability = {
 *   kind: "quota", id: "Q-2026-001", accountId: "quota:Q-2026-001", policy: "absolute",
 *   available: 1_000_000n, requested: 1_500_000n, sufficient: false,
 * };
 * ```
 */
export interface LevelAvailability {
  /** `quota` for the line, `control` for a control. */
  readonly kind: "quota" | "control";
  /** The quota id or control id. */
  readonly id: string;
  /** The ledger account of the level. */
  readonly accountId: string;
  /** The level's policy (the line is `absolute`). */
  readonly policy: ControlPolicy;
  /** Fen available before the reservation (may be negative on an advisory control). */
  readonly available: bigint;
  /** Fen requested. */
  readonly requested: bigint;
  /** False only on an `absolute` level whose available amount is below the request. */
  readonly sufficient: boolean;
}

/**
 * The outcome of assessing a reservation at every level.
 *
 * @example
 * ```ts
 * const a: AvailabilityAssessment = await checkAvailability(store, plan, controls);
 * if (!a.ok) console.log(a.levels.filter((l) => !l.sufficient)); // the levels without funds
 * a.warnings; // [{ code: "BUDGET_THRESHOLD_REACHED", percent: 90, … }]
 * ```
 */
export interface AvailabilityAssessment {
  /** Every level is sufficient: the store's limit check will accept the batch. */
  readonly ok: boolean;
  /** One entry per level, the line first. */
  readonly levels: LevelAvailability[];
  /** Threshold and advisory warnings of the controls. */
  readonly warnings: ControlWarning[];
}

/**
 * Assesses a planned reservation against known available amounts, without reading the store:
 * the pure part of `checkAvailability`, for callers that keep balances themselves (bulk imports).
 *
 * @param plan - From `reserveQuota`.
 * @param availableOf - The available amount of a level's account before the reservation.
 * @param controls - The controls by id (for thresholds and policies).
 * @example
 * ```ts
 * const a = assessReservation(plan, (id) => cache.get(id)!, controlsById);
 * a.ok; // false when the line or an absolute control lacks funds
 * ```
 */
export function assessReservation(
  plan: ReservePlan,
  availableOf: (accountId: string) => bigint,
  controls: ReadonlyMap<string, QuotaControl>,
): AvailabilityAssessment {
  const requested = plan.reservation.amount;
  const levels: LevelAvailability[] = [];
  const warnings: ControlWarning[] = [];
  let ok = true;
  for (const check of plan.checks) {
    const avail = availableOf(check.accountId);
    const sufficient = check.policy !== "absolute" || avail >= requested;
    if (!sufficient) ok = false;
    levels.push({ ...check, available: avail, requested, sufficient });
    const control = check.kind === "control" ? controls.get(check.id) : undefined;
    if (control !== undefined) warnings.push(...controlWarnings(control, avail, requested));
  }
  return { ok, levels, warnings };
}
