/**
 * Verification that every payment document agrees with its reservation transfer `pay:<number>`
 * (rule `payment.document`, run by `jincai audit verify`: reading every document costs about a
 * second per million payments, more than `jincai verify`'s budget). The transfer is what the
 * ledger counts, and what a ledger seal covers; the document is what `jincai payment` shows and what later steps read. A document edited
 * behind the store's back (an amount, a payee account, its status or paid amount) disagrees with
 * its transfers, and a reservation whose document was deleted has none.
 */
import { fenToYuanString } from "@jincai/core";
import type { RuleFailure, StoreTx, StoredRecord, Transfer } from "@jincai/core";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { paymentFromTransfer, paymentTransferId } from "./payment-transfer";

/** Documents read per batch of transfers. */
const BATCH = 1_000;

/** The fields a document shares with its transfer, as text. */
const SHARED = ["quotaId", "amount", "date", "payeeName", "payeeAccount", "purpose", "economicCode"] as const;

/**
 * Compares every payment document with its reservation transfer; one failure per document, naming
 * the first field that differs (or a missing transfer).
 *
 * @example
 * ```ts
 * await checkPaymentDocuments(store);
 * // [{ rule: "payment.document", severity: "error", message: "payment ZF29's document says amount 750.20; its transfer pay:ZF29 says 30,750.20", … }]
 * ```
 */
export async function checkPaymentDocuments(
  tx: Pick<StoreTx, "queryRecords" | "getTransfers" | "getResolution" | "getRecords" | "transfers">,
): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  let batch: StoredRecord<PaymentDocument>[] = [];
  /** Documents whose shared fields agree: their status is checked against the resolution next. */
  const steps: { readonly id: string; readonly doc: PaymentDocument; readonly transfer: Transfer }[] = [];
  const check = async (): Promise<void> => {
    const transfers = await tx.getTransfers(batch.map((r) => paymentTransferId(r.id)));
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
        steps.push({ id, doc, transfer });
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
      const problem = statusProblem(step.doc, step.transfer, step.transfer.phase === "pending" ? await tx.getResolution(step.transfer.id) : undefined);
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
  return failures;
}

/** Whether a document's status and paid amount are what its reservation and its resolution say. */
function statusProblem(doc: PaymentDocument, reservation: Transfer, resolution: Transfer | undefined): { field: string; said: string; ledger: string } | undefined {
  const ledger =
    reservation.phase === "posted" ? { statuses: ["paid", "refunded"], paid: reservation.amount, says: "paid" }
    : resolution === undefined ? { statuses: ["submitted", "approved"], paid: 0n, says: "reserved, not paid" }
    : resolution.phase === "void" ? { statuses: ["rejected"], paid: 0n, says: "released (rejected)" }
    : { statuses: ["paid", "refunded"], paid: resolution.amount, says: "paid" };
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
