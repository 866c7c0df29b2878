import type { StoreTx } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { approvePayment } from "./approve-payment";
import { checkPaymentDocuments } from "./check-payment-documents";
import { payPayment } from "./pay-payment";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { refundPayment } from "./refund-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { payment } from "./_testing/treasury-fixtures";

/** Rewrites a stored payment document, as a hand edit in the database could. */
async function edit(tx: StoreTx, paymentNumber: string, change: (doc: PaymentDocument) => PaymentDocument): Promise<void> {
  const stored = await tx.getRecord<PaymentDocument>(PAYMENT_COLLECTION, paymentNumber);
  await tx.putRecord({ ...stored!, data: change(stored!.data), expectedVersion: stored!.version });
}

/**
 * ZF001 (10,000.00) paid and refunded 3,000.00 by TP1; ZF002 (100.00) imported as paid (no
 * document); ZF003 (100.00) imported as paid and refunded in full by TP3 (which writes its
 * document). Quota Q1, tracking control C302.
 */
async function refundedPayments() {
  const t = await submittedPayment();
  await approvePayment(t.store, "ZF001", { date: "2026-03-03" });
  await payPayment(t.store, "ZF001", { date: "2026-03-05" });
  await refundPayment(t.store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, t.context);
  await applyPayments(t.store, [
    { ...payment({ paymentNumber: "ZF002", amount: 100_00n }), status: "paid" as const },
    { ...payment({ paymentNumber: "ZF003", amount: 100_00n }), status: "paid" as const },
  ], t.context);
  await refundPayment(t.store, "ZF003", { refundNumber: "TP3", date: "2026-03-21" }, t.context);
  return t;
}

describe("checkPaymentDocuments (payment.document): refunds", () => {
  it("passes payments paid, partly refunded and refunded in full, each refund listed with its transfer", async () => {
    const { store } = await refundedPayments();
    expect(await checkPaymentDocuments(store)).toEqual([]);
  });

  it("reports a refund added to a paid payment's document that no refund transfer gave back", async () => {
    const { store } = await refundedPayments();
    await edit(store, "ZF001", (doc) => ({ ...doc, refunds: [...doc.refunds, { refundNumber: "X", amount: "1717219", date: "2026-03-20" }] }));
    expect(await checkPaymentDocuments(store)).toEqual([
      {
        rule: "payment.document",
        severity: "error",
        message: "payment ZF001's document lists refund X of 17172.19 on 2026-03-20; the ledger has no refund transfer pay:ZF001.refund:X",
        evidence: { paymentNumber: "ZF001", field: "refund", refundNumber: "X", document: "17172.19 on 2026-03-20", transfer: "none" },
      },
    ]);
  });

  it("reports a paid payment's status set to refunded with nothing given back, and a refunded one set back to paid", async () => {
    const { store } = await refundedPayments();
    await edit(store, "ZF001", (doc) => ({ ...doc, status: "refunded" }));
    await edit(store, "ZF003", (doc) => ({ ...doc, status: "paid" }));
    expect((await checkPaymentDocuments(store)).map((f) => f.message)).toEqual([
      "payment ZF001's document says status refunded; its transfers say paid, 3000.00 of 10000.00 refunded",
      "payment ZF003's document says status paid; its transfers say refunded (100.00 of 100.00 paid)",
    ]);
  });

  it("reports a refund whose amount or date was edited, and one listed twice, naming each refund", async () => {
    const { store } = await refundedPayments();
    await edit(store, "ZF001", (doc) => ({ ...doc, refunds: [{ ...doc.refunds[0]!, amount: "30000" }] }));
    await edit(store, "ZF003", (doc) => ({ ...doc, refunds: [{ ...doc.refunds[0]!, date: "2026-04-01" }, doc.refunds[0]!] }));
    expect(await checkPaymentDocuments(store)).toEqual([
      expect.objectContaining({
        message: "payment ZF001's document says refund TP1 is 300.00 on 2026-03-20; its transfer pay:ZF001.refund:TP1 says 3000.00 on 2026-03-20",
        evidence: { paymentNumber: "ZF001", field: "refund", refundNumber: "TP1", document: "300.00 on 2026-03-20", transfer: "3000.00 on 2026-03-20" },
      }),
      expect.objectContaining({ message: "payment ZF003's document says refund TP3 is 100.00 on 2026-04-01; its transfer pay:ZF003.refund:TP3 says 100.00 on 2026-03-21" }),
      expect.objectContaining({ message: "payment ZF003's document lists refund TP3 twice" }),
    ]);
  });

  it("reports a refund transfer whose entry was removed from its document, and one whose payment's document was deleted", async () => {
    const { store } = await refundedPayments();
    await edit(store, "ZF001", (doc) => ({ ...doc, refunds: [] }));
    await store.deleteRecord(PAYMENT_COLLECTION, "ZF003");
    expect(await checkPaymentDocuments(store)).toEqual([
      {
        rule: "payment.document",
        severity: "error",
        message: "payment ZF001's refund transfer pay:ZF001.refund:TP1 gave back 3000.00 on 2026-03-20; its document does not list it (the entry was removed?)",
        evidence: { paymentNumber: "ZF001", field: "refund", refundNumber: "TP1", document: "none", transfer: "3000.00 on 2026-03-20" },
      },
      expect.objectContaining({
        message: "payment ZF003's refund transfer pay:ZF003.refund:TP3 gave back 100.00 on 2026-03-21; the payment has no document (it was deleted?)",
      }),
    ]);
  });

  it("reads the refunds of a batch of documents in one call, and no quota line's transfers when its refunds are all listed", async () => {
    const { store } = await refundedPayments();
    const reads: string[][] = [];
    const scanned: unknown[] = [];
    const spy = {
      ...store,
      queryRecords: store.queryRecords.bind(store),
      getRecords: store.getRecords.bind(store),
      getResolution: store.getResolution.bind(store),
      accountBalances: store.accountBalances.bind(store),
      getTransfers: (ids: readonly string[]) => (reads.push([...ids]), store.getTransfers(ids)),
      transfers: (query?: Parameters<StoreTx["transfers"]>[0]) => (scanned.push(query), store.transfers(query)),
    };
    expect(await checkPaymentDocuments(spy)).toEqual([]);
    expect(reads).toEqual([["pay:ZF001", "pay:ZF003"], ["pay:ZF001.refund:TP1", "pay:ZF003.refund:TP3"]]);
    expect(scanned).toEqual([{ phases: ["pending"] }]);
  });
});
