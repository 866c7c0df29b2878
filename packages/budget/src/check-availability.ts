import { available } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { assessReservation } from "./assess-reservation";
import type { AvailabilityAssessment } from "./assess-reservation";
import type { QuotaControl } from "./quota-control";
import type { ReservePlan } from "./reserve-quota";

/**
 * Reads the balances a planned reservation touches and assesses it at every level: available
 * amounts, whether the line and each absolute control suffice, and the controls' warnings. The
 * store's limit check inside `createTransfers` stays the authority; this is the explanation.
 *
 * @param tx - A store or a transaction (inside one, the figures are those the batch will see).
 * @param plan - From `reserveQuota`.
 * @param controls - The controls in force.
 * @example
 * ```ts
 * const check = await checkAvailability(store, plan, controls);
 * check.levels[0].available; // 30000000n
 * check.warnings; // [{ code: "BUDGET_THRESHOLD_REACHED", percent: 90, … }]
 * ```
 */
export async function checkAvailability(
  tx: StoreTx,
  plan: ReservePlan,
  controls: readonly QuotaControl[],
): Promise<AvailabilityAssessment> {
  const rows = await tx.accountBalances({ accountIds: plan.checks.map((c) => c.accountId) });
  const avail = new Map(rows.map((r) => [r.account.id, available(r.balance)]));
  return assessReservation(plan, (id) => avail.get(id) ?? 0n, new Map(controls.map((c) => [c.id, c])));
}
