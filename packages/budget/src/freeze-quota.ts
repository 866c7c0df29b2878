import { JincaiError, fenProblem } from "@jincai/core";
import type { TransferInput, TransferReferences } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { quotaAccountIds } from "./quota-account-ids";

/**
 * What to freeze.
 *
 * @example
 * ```ts
 * const request: FreezeRequest = { id: "freeze:F01", amount: 100_000_00n, date: "2026-04-01", references: { voucher: "冻结通知 2026-07" } };
 * await store.createTransfers(freezeQuota("Q-2026-001", request));
 * ```
 */
export interface FreezeRequest {
  /** The freeze id: the id of its pending transfer. */
  readonly id: string;
  /** Fen, > 0. */
  readonly amount: bigint;
  /** Ledger date, `YYYY-MM-DD`. */
  readonly date: string;
  /** References (e.g. the freezing notice number as `voucher`). */
  readonly references?: TransferReferences;
}

/**
 * The transfer that freezes part of a quota (冻结): a pending transfer from the line to its frozen
 * holding account. It counts against the line's limit like a reservation, but debits no control.
 * Unfreeze with {@link unfreezeQuota}.
 *
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT when the amount is not a positive bigint
 * @example
 * ```ts
 * freezeQuota("Q-2026-001", { id: "freeze:F01", amount: 100_000_00n, date: "2026-04-01" });
 * // [{ id: "freeze:F01", phase: "pending", debitAccountId: "quota:Q-2026-001", creditAccountId: "quota-frozen:Q-2026-001", … }]
 * ```
 */
export function freezeQuota(quotaId: string, request: FreezeRequest): TransferInput[] {
  if (typeof request.amount !== "bigint" || request.amount <= 0n) {
    throw new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `freezing quota ${quotaId}: ${fenProblem(request.amount)}`, {
      details: { quotaId, amount: String(request.amount) },
    });
  }
  const ids = quotaAccountIds(quotaId);
  return [
    {
      id: request.id,
      phase: "pending",
      debitAccountId: ids.line,
      creditAccountId: ids.frozen,
      amount: request.amount,
      date: request.date,
      ...(request.references !== undefined ? { references: request.references } : {}),
    },
  ];
}

/**
 * The transfer that lifts a freeze (解冻): the void of its pending transfer, `<freezeId>.void`.
 *
 * @example
 * ```ts
 * unfreezeQuota("freeze:F01", "2026-05-01"); // [{ id: "freeze:F01.void", phase: "void", pendingId: "freeze:F01", … }]
 * ```
 */
export function unfreezeQuota(freezeId: string, date: string): TransferInput[] {
  return [{ id: `${freezeId}.void`, phase: "void", pendingId: freezeId, date }];
}
