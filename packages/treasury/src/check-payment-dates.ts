/**
 * Verification that payments spend their quota within its fiscal year (rule `payment.in-year`):
 * no reservation, historic payment or payment (`post`) on a quota line is dated before the
 * line's fiscal year starts or after it ends. `planPayment`, `payPayment` and the import refuse
 * such dates (BUDGET_OUTSIDE_FISCAL_YEAR); this finds what a database got before they did, or
 * behind their back. Releases (退回) and refunds (退票) may come after the year ends.
 *
 * Only the days outside each year are read: the store sums the payment transfers dated before
 * and after each fiscal year per account pair (`transferFlows`, through the `date` index), and
 * only the transfers of a pair that spends a line of that year are read, to report each.
 */
import { QUOTA_BOOK, findQuotas, quotaAccountIds } from "@jincai/budget";
import { addCalendarDays, fenToYuanString, fiscalYearRange } from "@jincai/core";
import type { RuleFailure, StoreTx, Transfer, TransferFlowQuery, TransferPhase } from "@jincai/core";

const PAYMENT_PREFIX = "pay:";
/** Phases that spend a line when they debit it: a reservation, a historic payment, a payment. */
const SPENDING: ReadonlySet<TransferPhase> = new Set<TransferPhase>(["pending", "posted", "post"]);

/**
 * Checks that no payment spends a quota line outside the line's fiscal year.
 *
 * @example
 * ```ts
 * const failures = await checkPaymentDates(store);
 * failures.length; // 0 when every payment is dated within its quota's year
 * ```
 */
export async function checkPaymentDates(tx: Pick<StoreTx, "queryRecords" | "transferFlows" | "transfers">): Promise<RuleFailure[]> {
  const yearOf = new Map<string, number>(); // quota line account → fiscal year
  for (const q of await findQuotas(tx)) yearOf.set(quotaAccountIds(q.id).line, q.fiscalYear);
  const offending: { transfer: Transfer; fiscalYear: number }[] = [];
  for (const year of [...new Set(yearOf.values())].sort((a, b) => a - b)) {
    const { from, to } = fiscalYearRange(year);
    for (const outside of [{ to: addCalendarDays(from, -1) }, { from: addCalendarDays(to, 1) }]) {
      for (const f of await tx.transferFlows({ book: QUOTA_BOOK, idPrefix: PAYMENT_PREFIX, ...outside })) {
        if (yearOf.get(f.debitAccountId) !== year || !SPENDING.has(f.phase)) continue;
        for (const transfer of await transfersOf(tx, f.debitAccountId, f.creditAccountId, f.phase, outside)) offending.push({ transfer, fiscalYear: year });
      }
    }
  }
  offending.sort((a, b) => a.transfer.sequence - b.transfer.sequence);
  return offending.map(({ transfer: t, fiscalYear }) => ({
    rule: "payment.in-year",
    severity: "error",
    message: `payment ${t.references.voucher ?? t.id} spends quota line ${t.debitAccountId} of fiscal year ${fiscalYear} on ${t.date}`,
    evidence: { transferId: t.id, quotaAccount: t.debitAccountId, fiscalYear: String(fiscalYear), date: t.date, phase: t.phase, amount: fenToYuanString(t.amount) },
  }));
}

/** The payment transfers of one flow within the dates given. */
async function transfersOf(
  tx: Pick<StoreTx, "transfers">,
  debit: string,
  credit: string,
  phase: TransferPhase,
  dates: Pick<TransferFlowQuery, "from" | "to">,
): Promise<Transfer[]> {
  const out: Transfer[] = [];
  for await (const t of tx.transfers({ accountId: debit, book: QUOTA_BOOK, phases: [phase], ...dates })) {
    if (t.id.startsWith(PAYMENT_PREFIX) && t.debitAccountId === debit && t.creditAccountId === credit) out.push(t);
  }
  return out;
}
