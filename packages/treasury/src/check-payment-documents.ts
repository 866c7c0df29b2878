/**
 * Verification that every payment document agrees with its transfers (rule `payment.document`,
 * run by `jincai audit verify`: reading every document costs about a second per million payments,
 * more than `jincai verify`'s budget): its reservation transfer `pay:<number>` and its refund
 * transfers `pay:<number>.refund:<refund number>`. The transfers are what the ledger counts, and
 * what a ledger seal covers; the document is what `jincai payment` shows and what later steps read.
 * A document edited behind the store's back (an amount, a payee account, its status or paid
 * amount, a refund added, changed or removed) disagrees with its transfers, and a reservation
 * whose document was deleted has none. The documents are also sealed (core's `sealLedger` with
 * collection `payment`, as `jincai audit checkpoint` does): this check reads a document against
 * its transfers, sealed or not; the seal finds what its transfers do not say (the date of an
 * approval, its controls) edited, as `AUDIT_RECORD_MISMATCH`.
 */
import { fenToYuanString } from "@jincai/core";
import type { RuleFailure, StoreTx, StoredRecord, Transfer } from "@jincai/core";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { refundIds, refundProblems } from "./payment-refund-problems";
import { paymentFromTransfer, paymentTransferId } from "./payment-transfer";
import { unlistedRefunds } from "./unlisted-refunds";

/** Documents read per batch of transfers. */
const BATCH = 1_000;

/** The fields a document shares with its transfer, as text. */
const SHARED = ["quotaId", "amount", "date", "payeeName", "payeeAccount", "purpose", "economicCode"] as const;

/**
 * Compares every payment document with its reservation transfer, naming the first field that
 * differs (or a missing transfer), and each refund it lists with its refund transfer (amount and
 * date), one failure per refund that differs; then its status and paid amount with what its
 * transfers say (`refunded` exactly when its refund transfers give back all that was paid). A
 * refund transfer that no document lists, and a pending reservation without a document, are
 * failures of their own.
 *
 * @example
 * ```ts
 * await checkPaymentDocuments(store);
 * // [{ rule: "payment.document", severity: "error", message: "payment ZF29's document says amount 750.20; its transfer pay:ZF29 says 30,750.20", … }]
 * ```
 */
export async function checkPaymentDocuments(
  tx: Pick<StoreTx, "queryRecords" | "getTransfers" | "getResolution" | "getRecords" | "transfers" | "accountBalances">,
): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  let batch: StoredRecord<PaymentDocument>[] = [];
  /** Documents whose shared fields agree: their refunds and status are checked next. */
  const steps: { readonly id: string; readonly doc: PaymentDocument; readonly transfer: Transfer; readonly refunds: readonly (Transfer | undefined)[] }[] = [];
  /** The refund transfers the documents list: any other is a refund whose entry is gone. */
  const listed = { ids: new Set<string>(), debited: new Map<string, bigint>() };
  const check = async (): Promise<void> => {
    const transfers = await tx.getTransfers(batch.map((r) => paymentTransferId(r.id)));
    // Every refund of the batch in one read: 30,000 refunded payments are 30 reads, not 30,000.
    const wanted = batch.map((r) => refundIds(r.id, r.data));
    const found = await tx.getTransfers(wanted.flat());
    let at = 0;
    const refundsOf = wanted.map((ids) => found.slice(at, (at += ids.length)));
    for (const t of found) {
      if (t === undefined || listed.ids.has(t.id)) continue;
      listed.ids.add(t.id);
      listed.debited.set(t.debitAccountId, (listed.debited.get(t.debitAccountId) ?? 0n) + (t.phase === "posted" ? t.amount : 0n));
    }
    batch.forEach(({ id, data: doc }, i) => {
      const transfer = transfers[i];
      if (transfer === undefined) {
        failures.push(failure(id, `payment ${id} has a document but no reservation transfer ${paymentTransferId(id)}`, { field: "transfer" }));
        return;
      }
      let fromLedger: Record<string, string>;
      try {
        const p = paymentFromTransfer(transfer);
        fromLedger = { ...p, amount: p.amount.toString() } as unknown as Record<string, string>;
      } catch {
        failures.push(failure(id, `payment ${id}'s transfer ${transfer.id} is not a payment's (its references were changed?)`, { field: "transfer" }));
        return;
      }
      const stored = doc as unknown as Record<string, string>;
      const field = SHARED.find((f) => String(stored[f]) !== fromLedger[f]);
      if (field === undefined) {
        steps.push({ id, doc, transfer, refunds: refundsOf[i]! });
        return;
      }
      const show = (v: string | undefined): string => (field === "amount" && v !== undefined && /^-?\d+$/.test(v) ? fenToYuanString(BigInt(v)) : String(v));
      failures.push(
        failure(id, `payment ${id}'s document says ${field} ${show(stored[field])}; its transfer ${transfer.id} says ${show(fromLedger[field])}`, {
          field, document: show(stored[field]), transfer: show(fromLedger[field]),
        }),
      );
    });
    batch = [];
    for (const step of steps.splice(0)) {
      const refunds = refundProblems(step.id, step.doc, step.refunds);
      for (const p of refunds) {
        failures.push(failure(step.id, p.message, { field: p.field, ...(p.refundNumber === undefined ? {} : { refundNumber: p.refundNumber }), document: p.document, transfer: p.transfer }));
      }
      // Its status is read against its refunds only once they are the ledger's.
      if (refunds.length > 0) continue;
      const refunded = step.refunds.reduce((sum, t) => sum + (t?.amount ?? 0n), 0n);
      const problem = statusProblem(step.doc, step.transfer, step.transfer.phase === "pending" ? await tx.getResolution(step.transfer.id) : undefined, refunded);
      if (problem !== undefined) failures.push(failure(step.id, `payment ${step.id}'s document says ${problem.said}; its transfers say ${problem.ledger}`, { field: problem.field, document: problem.said, transfer: problem.ledger }));
    }
  };
  for await (const record of tx.queryRecords<PaymentDocument>(PAYMENT_COLLECTION)) {
    batch.push(record);
    if (batch.length === BATCH) await check();
  }
  if (batch.length > 0) await check();
  // Every reservation still pending, or resolved later, was stored with its document.
  let pending: Transfer[] = [];
  const orphans = async (): Promise<void> => {
    const numbers = pending.map((t) => t.id.slice(paymentTransferId("").length));
    const docs = await tx.getRecords(PAYMENT_COLLECTION, numbers);
    pending.forEach((t, i) => {
      if (docs[i] === undefined) failures.push(failure(numbers[i]!, `payment ${numbers[i]}'s reservation ${t.id} has no document (it was deleted?)`, { field: "document" }));
    });
    pending = [];
  };
  for await (const t of tx.transfers({ phases: ["pending"] })) {
    // Control transfers of a payment are `pay:<number>~<control>`.
    if (!t.id.startsWith(paymentTransferId("")) || t.id.includes("~")) continue;
    pending.push(t);
    if (pending.length === BATCH) await orphans();
  }
  if (pending.length > 0) await orphans();
  // Every refund transfer is listed in its payment's document (a refund always writes one).
  const unlisted = await unlistedRefunds(tx, listed);
  const docs = unlisted.length === 0 ? [] : await tx.getRecords(PAYMENT_COLLECTION, unlisted.map((u) => u.paymentNumber));
  unlisted.forEach(({ paymentNumber, refundNumber, transfer }, i) => {
    const given = `${fenToYuanString(transfer.amount)} on ${transfer.date}`;
    const where = docs[i] === undefined ? "the payment has no document (it was deleted?)" : "its document does not list it (the entry was removed?)";
    failures.push(failure(paymentNumber, `payment ${paymentNumber}'s refund transfer ${transfer.id} gave back ${given}; ${where}`, { field: "refund", refundNumber, document: "none", transfer: given }));
  });
  return failures;
}

/**
 * Whether a document's status and paid amount are what its reservation, its resolution and the
 * refund transfers it lists (`refunded` fen) say: a paid payment is `refunded` once all that was
 * paid came back, `paid` until then.
 */
function statusProblem(doc: PaymentDocument, reservation: Transfer, resolution: Transfer | undefined, refunded: bigint): { field: string; said: string; ledger: string } | undefined {
  const paid = reservation.phase === "posted" ? reservation.amount : resolution !== undefined && resolution.phase !== "void" ? resolution.amount : undefined;
  const back = paid !== undefined && refunded > 0n && refunded >= paid;
  const ledger =
    paid !== undefined ? { statuses: [back ? "refunded" : "paid"], paid, says: back ? `refunded (${fenToYuanString(refunded)} of ${fenToYuanString(paid)} paid)` : `paid, ${fenToYuanString(refunded)} of ${fenToYuanString(paid)} refunded` }
    : resolution === undefined ? { statuses: ["submitted", "approved"], paid: 0n, says: "reserved, not paid" }
    : { statuses: ["rejected"], paid: 0n, says: "released (rejected)" };
  if (!ledger.statuses.includes(doc.status)) return { field: "status", said: `status ${doc.status}`, ledger: ledger.says };
  // Compared as text: an edited document need not even hold a number.
  if (String(doc.paidAmount) !== ledger.paid.toString()) {
    const said = /^-?\d+$/.test(String(doc.paidAmount)) ? fenToYuanString(BigInt(doc.paidAmount)) : JSON.stringify(doc.paidAmount);
    return { field: "paidAmount", said: `paid ${said}`, ledger: `paid ${fenToYuanString(ledger.paid)}` };
  }
  return undefined;
}

function failure(paymentNumber: string, message: string, evidence: Record<string, string>): RuleFailure {
  return { rule: "payment.document", severity: "error", message, evidence: { paymentNumber, ...evidence } };
}
