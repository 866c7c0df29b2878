import { JincaiError, MAX_FEN, formatFen } from "@jincai/core";
import type { CreateTransferResult } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";

/**
 * The error for a refused ledger batch: the first failing item's status in `details`;
 * `BUDGET_PERIOD_CLOSED` when that item is dated in a closed period. An `overflows_balance` names
 * its account and what it means; `why`, when given, explains it in the caller's terms. Internal.
 *
 * @example
 * ```ts
 * throw ledgerFailure(result.results, "loading quota Q-1"); // BUDGET_LEDGER_REJECTED
 * ```
 */
export function ledgerFailure(results: readonly CreateTransferResult[], what: string, why?: (failed: CreateTransferResult) => string | undefined): JincaiError {
  const failed = results.find((r) => r.status !== "ok" && r.status !== "exists" && r.status !== "batch_failed");
  if (failed?.status === "period_closed") {
    return new JincaiError(BudgetErrorCode.PERIOD_CLOSED, `the ledger refused ${what}: its date is in a closed period`, {
      details: { status: failed.status, transferId: failed.id },
    });
  }
  let reason: string = failed?.status ?? "unknown";
  if (failed?.status === "overflows_balance") {
    reason = `overflows_balance: account ${failed.accountId ?? "?"} would hold more than the ledger can (${formatFen(MAX_FEN)} on one side)`;
  }
  const explained = failed === undefined ? undefined : why?.(failed);
  if (explained !== undefined) reason = `${reason}; ${explained}`;
  return new JincaiError(BudgetErrorCode.LEDGER_REJECTED, `the ledger refused ${what}: ${reason}`, {
    details: { status: failed?.status, transferId: failed?.id, accountId: failed?.accountId },
  });
}
