import { JincaiError } from "@jincai/core";
import type { StoreTx, TransferInput } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";

/**
 * Applies a batch that should not fail (its checks were made); throws TREASURY_PERIOD_CLOSED
 * when a transfer is dated in a closed period, TREASURY_LEDGER_REJECTED with the first failing
 * status otherwise. Internal.
 */
export async function applyLedger(tx: StoreTx, batch: readonly TransferInput[], paymentNumber: string): Promise<void> {
  if (batch.length === 0) return;
  const result = await tx.createTransfers(batch);
  if (result.applied) return;
  const failed = result.results.find((r) => r.status !== "ok" && r.status !== "exists" && r.status !== "batch_failed");
  if (failed?.status === "period_closed") {
    const date = batch.find((t) => t.id === failed.id)?.date;
    throw new JincaiError(TreasuryErrorCode.PERIOD_CLOSED, `payment ${paymentNumber}: the date ${date ?? ""} is in a closed period`, {
      details: { paymentNumber, status: failed.status, transferId: failed.id, date },
    });
  }
  throw new JincaiError(TreasuryErrorCode.LEDGER_REJECTED, `the ledger refused payment ${paymentNumber}: ${failed?.status ?? "unknown"}`, {
    details: { paymentNumber, status: failed?.status, transferId: failed?.id },
  });
}
