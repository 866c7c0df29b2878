import { JincaiError, formatFen } from "@jincai/core";
import type { CreateTransferResult } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { ledgerFailure } from "./ledger-failure";
import type { ReservationCheck } from "./reserve-quota";

/**
 * Explains why the ledger refused a batch holding a reservation: an `exceeds_limit` on the line
 * becomes `BUDGET_EXCEEDS_QUOTA`, on an absolute control `BUDGET_EXCEEDS_CONTROL`, both with
 * `available` and `requested` (fen, as strings) in `details`; a date in a closed period
 * `BUDGET_PERIOD_CLOSED`; anything else `BUDGET_LEDGER_REJECTED` with the ledger status.
 *
 * @param checks - The reservation's levels (`plan.checks`).
 * @param requested - The reserved amount.
 * @param results - The batch's per-item results.
 * @example
 * ```ts
 * const r = await tx.createTransfers(plan.transfers);
 * if (!r.applied) throw reservationFailure(plan.checks, plan.reservation.amount, r.results);
 * ```
 */
export function reservationFailure(
  checks: readonly ReservationCheck[],
  requested: bigint,
  results: readonly CreateTransferResult[],
): JincaiError {
  for (const r of results) {
    if (r.status !== "exceeds_limit") continue;
    const check = checks.find((c) => c.accountId === r.accountId);
    if (check === undefined) continue;
    const availableFen = requested - (r.shortfall ?? 0n);
    const code = check.kind === "quota" ? BudgetErrorCode.EXCEEDS_QUOTA : BudgetErrorCode.EXCEEDS_CONTROL;
    // Yuan in the message, as the other budget messages; fen (exact, as strings) in the details.
    return new JincaiError(code, `${check.kind} ${check.id}: requested ${formatFen(requested)} exceeds the ${formatFen(availableFen)} available`, {
      details: {
        [check.kind === "quota" ? "quotaId" : "controlId"]: check.id,
        available: availableFen.toString(),
        requested: requested.toString(),
      },
    });
  }
  return ledgerFailure(results, "the reservation");
}
