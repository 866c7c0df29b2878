import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { approvePayment } from "./approve-payment";
import { payPayment } from "./pay-payment";
import { paymentHistories } from "./payment-history";
import { refundPayment } from "./refund-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { control, payment, treasuryStore } from "./_testing/treasury-fixtures";

describe("paymentHistories", () => {
  it("tells a payment's way from submission to a partial refund, a historic one's payment, and nothing for an unknown number", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await payPayment(store, "ZF001", { date: "2026-03-05" });
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 200_000n, date: "2026-03-20" }, context);
    await applyPayments(store, [payment({ paymentNumber: "ZF002", date: "2026-03-06" })], context);
    const [documented, historic, unknown] = await paymentHistories(store, ["ZF001", "ZF002", "ZF404"]);
    expect(documented).toMatchObject({
      payment: { paymentNumber: "ZF001", status: "paid", paidAmount: 1_000_000n, refundedAmount: 200_000n },
      events: [
        { status: "submitted", date: "2026-03-02" },
        { status: "approved", date: "2026-03-03" },
        { status: "paid", date: "2026-03-05" },
      ],
      refunds: [{ refundNumber: "TP1", amount: "200000", date: "2026-03-20" }],
    });
    expect(historic).toMatchObject({ payment: { status: "paid", quotaId: "Q1" }, events: [{ status: "paid", date: "2026-03-06" }], refunds: [] });
    expect(unknown).toBeUndefined();
  });

  it("names the controls a historic payment counted against, as getPayment does (no document lists them)", async () => {
    const c = control();
    const other = control({ id: "C999", match: [{ dimension: "agency", value: "999999" }] });
    const { store, context } = await treasuryStore(undefined, [c, other]);
    await applyPayments(store, [payment()], context);
    const [historic] = await paymentHistories(store, ["ZF001"]);
    expect(historic?.payment.controlIds).toEqual([c.id]);
  });
});
