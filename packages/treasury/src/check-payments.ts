/**
 * Verification that every payment is tied to a quota: each payment transfer (`pay:<number>`)
 * debits an existing quota line and credits that same line's execution account (a refund the
 * reverse), and each payment document names a quota that exists. Used by `jincai verify` (rule
 * `payment.tied`).
 *
 * The transfers are checked per account pair: the store sums the payment transfers per (debit,
 * credit) in one pass (`transferFlows`), each pair is judged once, and only the transfers of a
 * pair that is not tied are read one by one, to report each with its evidence. A caller that has
 * already summed every transfer with the payments marked (`markIdPrefix: "pay:"`, as `jincai
 * verify` does once for this rule and the journal's) passes those flows instead of a second scan.
 *
 * The documents are checked through their index: the store counts them per indexed `quotaId`
 * (`countRecordsBy`) without reading them, each quota id is judged once, and only the documents
 * of a quota id that is not a line (and any written without an indexed quota id) are read, to
 * report each. A ledger whose documents all name existing quotas reads no document at all.
 * Treasury writes each document's index from its data; a document whose index was edited by
 * hand to disagree with its data is judged by its index.
 */
import { QUOTA_BOOK, quotaAccountIds } from "@jincai/budget";
import { fenToYuanString } from "@jincai/core";
import type { RuleFailure, StoreTx, Transfer, TransferFlow, TransferPhase } from "@jincai/core";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { PAYMENT_TRANSFER_PREFIX } from "./payment-transfer";

const PAYMENT_PREFIX = PAYMENT_TRANSFER_PREFIX;
const PHASES: readonly TransferPhase[] = ["posted", "pending"];

/**
 * Checks that every payment transfer and document is tied to an existing quota line.
 *
 * @example
 * ```ts
 * const failures = await checkPayments(store);
 * failures.length; // 0 when every payment spends a quota
 * // or with flows already summed: every transfer, the payments marked
 * await checkPayments(store, await store.transferFlows({ markIdPrefix: PAYMENT_TRANSFER_PREFIX }));
 * ```
 */
export async function checkPayments(
  tx: Pick<StoreTx, "accountBalances" | "transferFlows" | "transfers" | "countRecordsBy" | "queryRecords">,
  marked?: readonly TransferFlow[],
): Promise<RuleFailure[]> {
  const lines = new Set<string>();
  const inBook = new Set<string>();
  for (const { account } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    inBook.add(account.id);
    if (account.id.startsWith("quota:")) lines.add(account.id);
  }
  const flows =
    marked === undefined
      ? await tx.transferFlows({ book: QUOTA_BOOK, idPrefix: PAYMENT_PREFIX, phases: PHASES })
      : marked.filter((f) => f.marked === true && PHASES.includes(f.phase) && (inBook.has(f.debitAccountId) || inBook.has(f.creditAccountId)));
  return [...(await untiedTransfers(tx, lines, flows)), ...(await untiedDocuments(tx, lines))];
}

/** Whether a payment transfer from `debit` to `credit` is tied (or is a control leg, checked elsewhere). */
function isTied(debit: string, credit: string, lines: ReadonlySet<string>): boolean {
  // A payment under a parent control also moves the control's accounts (`pay:<no>~<control>`);
  // those legs are checked by the ledger's limits, not here.
  if (debit.startsWith("quota-control") || credit.startsWith("quota-control")) return true;
  // A payment debits the line and credits its execution account; a refund (退票) reverses that.
  const lineId = debit.startsWith("quota:") ? debit : credit;
  const other = lineId === debit ? credit : debit;
  return lineId.startsWith("quota:") && lines.has(lineId) && other === quotaAccountIds(lineId.slice("quota:".length)).spent;
}

/** One failure per payment transfer of an untied account pair, in sequence order. */
async function untiedTransfers(tx: Pick<StoreTx, "transfers">, lines: ReadonlySet<string>, flows: readonly TransferFlow[]): Promise<RuleFailure[]> {
  const untied = new Map<string, Set<string>>(); // debit → credits
  for (const f of flows) {
    if (isTied(f.debitAccountId, f.creditAccountId, lines)) continue;
    const credits = untied.get(f.debitAccountId) ?? new Set<string>();
    credits.add(f.creditAccountId);
    untied.set(f.debitAccountId, credits);
  }
  const offending: Transfer[] = [];
  for (const [debit, credits] of untied) {
    for await (const t of tx.transfers({ accountId: debit, book: QUOTA_BOOK, phases: PHASES })) {
      if (t.id.startsWith(PAYMENT_PREFIX) && t.debitAccountId === debit && credits.has(t.creditAccountId)) offending.push(t);
    }
  }
  offending.sort((a, b) => a.sequence - b.sequence);
  return offending.map((t) => ({
    rule: "payment.tied",
    severity: "error",
    message: `payment ${t.references.voucher ?? t.id} is not tied to a quota line (debit ${t.debitAccountId}, credit ${t.creditAccountId})`,
    evidence: { transferId: t.id, debit: t.debitAccountId, credit: t.creditAccountId, amount: fenToYuanString(t.amount), date: t.date },
  }));
}

/**
 * One failure per payment document naming no quota or a quota that does not exist, in id order.
 * Only the documents of a quota id that is not a line, and those without an indexed quota id,
 * are read; their `data.quotaId` is what is judged and reported.
 */
async function untiedDocuments(tx: Pick<StoreTx, "countRecordsBy" | "queryRecords">, lines: ReadonlySet<string>): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  for (const { value } of await tx.countRecordsBy(PAYMENT_COLLECTION, "quotaId")) {
    if (value !== undefined && lines.has(quotaAccountIds(value).line)) continue;
    // The undefined count has no index entry to look up: scan, keeping the unindexed documents.
    const query = value === undefined ? {} : { where: { quotaId: value } };
    for await (const r of tx.queryRecords<PaymentDocument>(PAYMENT_COLLECTION, query)) {
      if (value === undefined && r.index["quotaId"] !== undefined) continue;
      const quotaId: string | undefined = r.data.quotaId;
      if (quotaId !== undefined && lines.has(quotaAccountIds(quotaId).line)) continue;
      failures.push({
        rule: "payment.tied",
        severity: "error",
        message: `payment document ${r.id} names quota ${quotaId ?? "(none)"}, which does not exist`,
        evidence: { paymentNumber: r.id, quotaId: quotaId ?? "" },
      });
    }
  }
  const id = (f: RuleFailure) => f.evidence["paymentNumber"] ?? "";
  return failures.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}
