import type { StoreTx } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { approvePayment } from "./approve-payment";
import { checkPaymentSteps } from "./check-payment-steps";
import { payPayment } from "./pay-payment";
import { refundPayment } from "./refund-payment";
import { rejectPayment } from "./reject-payment";
import { submitPayment } from "./submit-payment";
import { PAYMENT_COLLECTION } from "./payment-record";
import type { PaymentDocument } from "./payment-record";
import { submittedPayment } from "./_testing/submitted-payment";
import { payment } from "./_testing/treasury-fixtures";

/** Rewrites a stored payment document, as an earlier build or a hand edit could have left it. */
async function edit(tx: StoreTx, paymentNumber: string, change: (doc: PaymentDocument) => PaymentDocument): Promise<void> {
  const stored = await tx.getRecord<PaymentDocument>(PAYMENT_COLLECTION, paymentNumber);
  await tx.putRecord({ ...stored!, data: change(stored!.data), expectedVersion: stored!.version });
}

describe("checkPaymentSteps (payment.step-order)", () => {
  it("passes payments moved on, rejected and refunded in date order, steps on the same day included", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-02" });
    await payPayment(store, "ZF001", { date: "2026-03-02" });
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-02" }, context);
    await refundPayment(store, "ZF001", { refundNumber: "TP2", date: "2026-03-20" }, context);
    await submitPayment(store, payment({ paymentNumber: "ZF002", amount: 100_00n }), context);
    await rejectPayment(store, "ZF002", { date: "2026-03-04" });
    await applyPayments(store, [{ ...payment({ paymentNumber: "ZF003", amount: 100_00n }), status: "paid" as const }], context);
    await refundPayment(store, "ZF003", { refundNumber: "TP3", date: "2027-01-06" }, context);
    expect(await checkPaymentSteps(store)).toEqual([]);
  });

  it("reports a historic payment refunded before it was paid once, with its evidence", async () => {
    const { store, context } = await submittedPayment();
    await applyPayments(store, [{ ...payment({ paymentNumber: "ZF003", amount: 100_00n, date: "2026-03-05" }), status: "paid" as const }], context);
    await refundPayment(store, "ZF003", { refundNumber: "TP3", date: "2026-03-09" }, context);
    // An earlier build accepted the refund dated 2026-03-01: a full refund is one finding, not two.
    await edit(store, "ZF003", (doc) => ({
      ...doc,
      refunds: doc.refunds.map((r) => ({ ...r, date: "2026-03-01" })),
      events: doc.events.map((e) => (e.status === "refunded" ? { ...e, date: "2026-03-01" } : e)),
    }));
    expect(await checkPaymentSteps(store)).toEqual([
      {
        rule: "payment.step-order",
        severity: "error",
        message: "payment ZF003 was refunded on 2026-03-01 (退票 TP3), before it was paid on 2026-03-05",
        evidence: { paymentNumber: "ZF003", status: "refunded", date: "2026-03-01", refundNumber: "TP3", previousStatus: "paid", previousDate: "2026-03-05" },
      },
    ]);
  });

  it("reports a partial refund before the payment and each status change before the one it follows", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await payPayment(store, "ZF001", { date: "2026-03-05" });
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, context);
    await submitPayment(store, payment({ paymentNumber: "ZF002", amount: 100_00n, date: "2026-03-02" }), context);
    await rejectPayment(store, "ZF002", { date: "2026-03-04" });
    await edit(store, "ZF001", (doc) => ({
      ...doc,
      refunds: [{ ...doc.refunds[0]!, date: "2026-03-04" }],
      events: doc.events.map((e) => (e.status === "approved" ? { ...e, date: "2026-02-27" } : e)),
    }));
    await edit(store, "ZF002", (doc) => ({ ...doc, events: doc.events.map((e) => (e.status === "rejected" ? { ...e, date: "2026-03-01" } : e)) }));
    const failures = await checkPaymentSteps(store);
    expect(failures.map((f) => f.message)).toEqual([
      "payment ZF001 was approved on 2026-02-27, before it was submitted on 2026-03-02",
      "payment ZF001 was refunded on 2026-03-04 (退票 TP1), before it was paid on 2026-03-05",
      "payment ZF002 was rejected on 2026-03-01, before it was submitted on 2026-03-02",
    ]);
    expect(failures[0]!.evidence).toEqual({ paymentNumber: "ZF001", status: "approved", date: "2026-02-27", previousStatus: "submitted", previousDate: "2026-03-02" });
  });

  it("reads every document when one does not index its status, and skips the submitted ones otherwise", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await submitPayment(store, payment({ paymentNumber: "ZF002", amount: 100_00n }), context);
    await edit(store, "ZF001", (doc) => ({ ...doc, events: doc.events.map((e) => (e.status === "approved" ? { ...e, date: "2026-03-01" } : e)) }));
    const read: (string | undefined)[] = [];
    const spy: Pick<StoreTx, "countRecordsBy" | "queryRecords"> = {
      countRecordsBy: (collection, field) => store.countRecordsBy(collection, field),
      queryRecords: (collection, query) => {
        read.push(query?.where?.["status"] ?? "all");
        return store.queryRecords(collection, query);
      },
    };
    expect(await checkPaymentSteps(spy)).toHaveLength(1);
    expect(read).toEqual(["approved"]);
    const stored = await store.getRecord<PaymentDocument>(PAYMENT_COLLECTION, "ZF001");
    await store.putRecord({ ...stored!, index: { quotaId: "Q1" }, expectedVersion: stored!.version });
    read.length = 0;
    expect((await checkPaymentSteps(spy)).map((f) => f.evidence["status"])).toEqual(["approved"]);
    expect(read).toEqual(["all"]);
  });
});
