import { JincaiError } from "@jincai/core";
import type { CreateTransferResult } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";

/**
 * The error for a refused ledger batch: the first failing item's status in `details`. Internal.
 *
 * @example
 * ```ts
 * throw ledgerFailure(result.results, "loading quota Q-1"); // BUDGET_LEDGER_REJECTED
 * ```
 */
export function ledgerFailure(results: readonly CreateTransferResult[], what: string): JincaiError {
  const failed = results.find((r) => r.status !== "ok" && r.status !== "exists" && r.status !== "batch_failed");
  return new JincaiError(BudgetErrorCode.LEDGER_REJECTED, `the ledger refused ${what}: ${failed?.status ?? "unknown"}`, {
    details: { status: failed?.status, transferId: failed?.id, accountId: failed?.accountId },
  });
}
