import { JincaiError, fenProblem, formatFen } from "@jincai/core";
import type { TransferInput, TransferReferences } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { controlAccountIds, quotaAccountIds } from "./quota-account-ids";
import { controlTransferId } from "./reserve-quota";
import type { Reservation } from "./reserve-quota";

/**
 * How to restore consumed availability (a refund, 退票).
 *
 * @example
 * ```ts
 * const refund: RestoreRequest = { id: "pay:ZF2026-000123.refund", amount: 500_00n, date: "2026-03-20", references: { voucher: "TP-0001" } };
 * await store.createTransfers(restoreConsumption(reservation, refund));
 * ```
 */
export interface RestoreRequest {
  /** Id of the new reversing transfer on the line (`<id>~<control>` on each control). */
  readonly id: string;
  /** Fen to restore, > 0 (at most what was consumed: the caller tracks refunds). */
  readonly amount: bigint;
  /** Ledger date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Other references (voucher, memo …); `corrects` is set by this function. */
  readonly references?: TransferReferences;
}

/**
 * The NEW posted transfers that give consumed availability back after a refund: from the
 * execution account to the line and from each control's counterpart to the control, each with
 * `references.corrects` naming the consumption it reverses. Nothing is updated in place.
 *
 * @param reservation - The consumed reservation.
 * @param request - Id, amount, date and references.
 * @returns The transfers to add to the caller's batch.
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT when the amount is not a positive bigint
 * @example
 * ```ts
 * restoreConsumption(reservation, { id: "pay:P001.refund", amount: 500_00n, date: "2026-03-20" });
 * // [{ id: "pay:P001.refund", debitAccountId: "quota-spent:Q1", creditAccountId: "quota:Q1",
 * //    references: { corrects: "pay:P001.post" }, … }]
 * ```
 */
export function restoreConsumption(reservation: Reservation, request: RestoreRequest): TransferInput[] {
  if (typeof request.amount !== "bigint" || request.amount <= 0n) {
    throw new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `restoring reservation ${reservation.id}: ${fenProblem(request.amount)}`, {
      details: { reservationId: reservation.id, amount: String(request.amount) },
    });
  }
  if (request.amount > reservation.amount) {
    throw new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `cannot restore ${formatFen(request.amount)} of reservation ${reservation.id}, which reserved ${formatFen(reservation.amount)}`, {
      details: { reservationId: reservation.id, amount: request.amount.toString(), reserved: reservation.amount.toString() },
    });
  }
  const consumed = (id: string): string => (reservation.phase === "posted" ? id : `${id}.post`);
  const line = quotaAccountIds(reservation.quotaId);
  // Object literals, not a spread of a shared base: see consume-reservation's `postOf`.
  const out: TransferInput[] = [
    {
      id: request.id,
      phase: "posted",
      debitAccountId: line.spent,
      creditAccountId: line.line,
      amount: request.amount,
      date: request.date,
      references: { ...request.references, corrects: consumed(reservation.id) },
    },
  ];
  for (const c of reservation.controlIds) {
    const ids = controlAccountIds(c);
    out.push({
      id: controlTransferId(request.id, c),
      phase: "posted",
      debitAccountId: ids.spent,
      creditAccountId: ids.control,
      amount: request.amount,
      date: request.date,
      references: { ...request.references, corrects: consumed(controlTransferId(reservation.id, c)) },
    });
  }
  return out;
}
