import { controlTransferId, loadQuotaControls } from "@jincai/budget";
import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import { getPaymentState } from "./payment-state";
import { paymentTransferId } from "./payment-transfer";

/**
 * Reads a payment by number: from its document, or for a historic payment imported as paid,
 * from its posted ledger transfer, with the controls it counted against found by their transfers
 * (`pay:<number>~<control>`), as no document lists them.
 *
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND when there is no such payment
 * @example
 * ```ts
 * (await getPayment(store, "ZF001")).status; // "paid"
 * ```
 */
export async function getPayment(tx: StoreTx, paymentNumber: string): Promise<Payment> {
  const state = await getPaymentState(tx, paymentNumber);
  if (state.version !== 0) return state.payment;
  const controls = await loadQuotaControls(tx);
  if (controls.length === 0) return state.payment;
  const id = paymentTransferId(paymentNumber);
  const found = await tx.getTransfers(controls.map((c) => controlTransferId(id, c.id)));
  return { ...state.payment, controlIds: controls.filter((_, i) => found[i] !== undefined).map((c) => c.id) };
}
