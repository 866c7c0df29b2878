import { JincaiError } from "@jincai/core";
import type { CreateTransferResult } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";

/**
 * The error for a refused ledger batch: the first failing item's status in `details`;
 * `BUDGET_PERIOD_CLOSED` when that item is dated in a closed period. Internal.
 *
 * @example
 * ```ts
 * throw ledgerFailure(result.results, "loading quota Q-1"); // BUDGET_LEDGER_REJECTED
 * ```
 */
export function ledgerFailure(results: readonly CreateTransferResult[], what: string): JincaiError {
  const failed = results.find((r) => r.status !== "ok" && r.status !== "exists" && r.status !== "batch_failed");
  if (failed?.status === "period_closed") {
    return new JincaiError(BudgetErrorCode.PERIOD_CLOSED, `the ledger refused ${what}: its date is in a closed period`, {
      details: { status: failed.status, transferId: failed.id },
    });
  }
  return new JincaiError(BudgetErrorCode.LEDGER_REJECTED, `the ledger refused ${what}: ${failed?.status ?? "unknown"}`, {
    details: { status: failed?.status, transferId: failed?.id, accountId: failed?.accountId },
  });
}
