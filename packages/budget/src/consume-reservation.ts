import { JincaiError, fenProblem, formatFen } from "@jincai/core";
import type { TransferInput, TransferReferences } from "@jincai/core";
import { assertInFiscalYear } from "./assert-in-fiscal-year";
import { BudgetErrorCode } from "./error-codes";
import { controlTransferId } from "./reserve-quota";
import type { Reservation } from "./reserve-quota";

/**
 * How to consume a reservation.
 *
 * @example
 * ```ts
 * const request: ConsumeRequest = { date: "2026-03-05", amount: 1_200_000n, label: "payment ZF2026-000123" };
 * consumeReservation(plan.reservation, request); // posts 12,000.00, releases the other 3,000.00
 * ```
 */
export interface ConsumeRequest {
  /** Ledger date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Fen to post, 0 < amount ≤ reserved; omitted posts all of it. The rest is released. */
  readonly amount?: bigint;
  /** References carried by the post transfers. */
  readonly references?: TransferReferences;
  /** What a refusal's message calls the reservation (e.g. `payment ZF001`); its id otherwise. */
  readonly label?: string;
}

/**
 * The transfers that consume (post) a pending reservation on its line and every control it
 * debited: `<id>.post` and `<id>~<control>.post`. A partial amount posts that much and releases
 * the rest, at every level alike.
 *
 * @param reservation - From `reserveQuota`.
 * @param request - Date, optional partial amount and references.
 * @returns The transfers to add to the caller's batch.
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT when the amount is not in 1..reserved, or the
 *   reservation was already consumed at reservation time (`immediate`); BUDGET_OUTSIDE_FISCAL_YEAR
 *   when the reservation knows its fiscal year and the date is outside it
 * @example
 * ```ts
 * consumeReservation(plan.reservation, { date: "2026-03-05", amount: 8_000_00n });
 * // [{ id: "pay:P001.post", phase: "post", pendingId: "pay:P001", amount: 800000n, … }]
 * ```
 */
export function consumeReservation(reservation: Reservation, request: ConsumeRequest): TransferInput[] {
  const amount = request.amount;
  if (reservation.phase !== "pending" || (amount !== undefined && (typeof amount !== "bigint" || amount <= 0n || amount > reservation.amount))) {
    throw new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `cannot consume reservation ${reservation.id}: ${consumeProblem(reservation, amount)}`, {
      details: { reservationId: reservation.id, reserved: reservation.amount.toString(), amount: String(amount), phase: reservation.phase },
    });
  }
  if (reservation.fiscalYear !== undefined) {
    assertInFiscalYear(request.date, reservation.fiscalYear, { quotaId: reservation.quotaId, reservationId: reservation.id }, request.label);
  }
  const out: TransferInput[] = [postOf(reservation.id, request)];
  for (const c of reservation.controlIds) out.push(postOf(controlTransferId(reservation.id, c), request));
  return out;
}

/**
 * The `post` of pending transfer `pendingId`, built field by field: spreading a small literal
 * into an object that then gains more properties takes V8's slow path (about 3 µs a transfer on
 * Node 20, against 0.06 µs), and an import advances thousands of payments per chunk.
 */
function postOf(pendingId: string, request: ConsumeRequest): TransferInput {
  const t: { -readonly [K in keyof TransferInput]: TransferInput[K] } = { id: `${pendingId}.post`, phase: "post", pendingId, date: request.date };
  if (request.amount !== undefined) t.amount = request.amount;
  if (request.references !== undefined) t.references = request.references;
  return t;
}

function consumeProblem(reservation: Reservation, amount: unknown): string {
  if (reservation.phase !== "pending") return `it is ${reservation.phase}, not pending`;
  if (typeof amount !== "bigint" || amount <= 0n) return fenProblem(amount);
  return `${formatFen(amount)} is more than the ${formatFen(reservation.amount)} it reserved`;
}
