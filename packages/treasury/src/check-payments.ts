/**
 * Verification that every payment is tied to a quota: each payment transfer (`pay:<number>`)
 * debits an existing quota line and credits that same line's execution account (a refund the
 * reverse), and each
 * payment document names a quota that exists. Used by `jincai verify` (rule `payment.tied`).
 */
import { QUOTA_BOOK, quotaAccountIds } from "@jincai/budget";
import { fenToYuanString } from "@jincai/core";
import type { RuleFailure, StoreTx } from "@jincai/core";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";

/**
 * Checks that every payment transfer and document is tied to an existing quota line.
 *
 * @example
 * ```ts
 * const failures = await checkPayments(store);
 * failures.length; // 0 when every payment spends a quota
 * ```
 */
export async function checkPayments(tx: Pick<StoreTx, "accountBalances" | "transfers" | "queryRecords">): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  const lines = new Set<string>();
  for (const { account } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    if (account.id.startsWith("quota:")) lines.add(account.id);
  }
  for await (const t of tx.transfers({ book: QUOTA_BOOK, phases: ["posted", "pending"] })) {
    if (!t.id.startsWith("pay:")) continue;
    // A payment under a parent control also moves the control's accounts (`pay:<no>~<control>`);
    // those legs are checked by the ledger's limits, not here.
    if (t.debitAccountId.startsWith("quota-control") || t.creditAccountId.startsWith("quota-control")) continue;
    // A payment debits the line and credits its execution account; a refund (退票) reverses that.
    const lineId = t.debitAccountId.startsWith("quota:") ? t.debitAccountId : t.creditAccountId;
    const other = lineId === t.debitAccountId ? t.creditAccountId : t.debitAccountId;
    const tied = lineId.startsWith("quota:") && lines.has(lineId) && other === quotaAccountIds(lineId.slice("quota:".length)).spent;
    if (!tied) {
      failures.push({
        rule: "payment.tied",
        severity: "error",
        message: `payment ${t.references.voucher ?? t.id} is not tied to a quota line (debit ${t.debitAccountId}, credit ${t.creditAccountId})`,
        evidence: { transferId: t.id, debit: t.debitAccountId, credit: t.creditAccountId, amount: fenToYuanString(t.amount), date: t.date },
      });
    }
  }
  for await (const r of tx.queryRecords<PaymentDocument>(PAYMENT_COLLECTION)) {
    const quotaId: string | undefined = r.data.quotaId;
    if (quotaId === undefined || !lines.has(quotaAccountIds(quotaId).line)) {
      failures.push({
        rule: "payment.tied",
        severity: "error",
        message: `payment document ${r.id} names quota ${quotaId ?? "(none)"}, which does not exist`,
        evidence: { paymentNumber: r.id, quotaId: quotaId ?? "" },
      });
    }
  }
  return failures;
}
