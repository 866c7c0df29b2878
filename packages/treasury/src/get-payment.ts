import type { StoreTx } from "@jincai/core";
import type { Payment } from "./payment";
import { getPaymentState } from "./payment-state";

/**
 * Reads a payment by number: from its document, or for a historic payment imported as paid,
 * from its posted ledger transfer.
 *
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND when there is no such payment
 * @example
 * ```ts
 * (await getPayment(store, "ZF001")).status; // "paid"
 * ```
 */
export async function getPayment(tx: StoreTx, paymentNumber: string): Promise<Payment> {
  return (await getPaymentState(tx, paymentNumber)).payment;
}
