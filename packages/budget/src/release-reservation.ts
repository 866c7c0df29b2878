import type { TransferInput, TransferReferences } from "@jincai/core";
import { controlTransferId } from "./reserve-quota";
import type { Reservation } from "./reserve-quota";

/**
 * How to release a reservation.
 *
 * @example
 * ```ts
 * const request: ReleaseRequest = { date: "2026-03-06", references: { memo: "payment withdrawn" } };
 * await store.createTransfers(releaseReservation(plan.reservation, request));
 * ```
 */
export interface ReleaseRequest {
  /** Ledger date, `YYYY-MM-DD`. */
  readonly date: string;
  /** References carried by the void transfers. */
  readonly references?: TransferReferences;
}

/**
 * The transfers that release (void) a pending reservation on its line and every control it
 * debited: `<id>.void` and `<id>~<control>.void`. The amount becomes available again.
 *
 * @param reservation - From `reserveQuota`.
 * @param request - Date and references.
 * @returns The transfers to add to the caller's batch.
 * @example
 * ```ts
 * releaseReservation(plan.reservation, { date: "2026-03-06" });
 * // [{ id: "pay:P001.void", phase: "void", pendingId: "pay:P001", … }]
 * ```
 */
export function releaseReservation(reservation: Reservation, request: ReleaseRequest): TransferInput[] {
  const out: TransferInput[] = [voidOf(reservation.id, request)];
  for (const c of reservation.controlIds) out.push(voidOf(controlTransferId(reservation.id, c), request));
  return out;
}

/** The `void` of pending transfer `pendingId`, built field by field (see consume-reservation's `postOf`). */
function voidOf(pendingId: string, request: ReleaseRequest): TransferInput {
  const t: { -readonly [K in keyof TransferInput]: TransferInput[K] } = { id: `${pendingId}.void`, phase: "void", pendingId, date: request.date };
  if (request.references !== undefined) t.references = request.references;
  return t;
}
