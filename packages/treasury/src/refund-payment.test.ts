import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { approvePayment } from "./approve-payment";
import { payPayment } from "./pay-payment";
import { refundPayment } from "./refund-payment";
import { stepDateProblem } from "./step-date";
import { submittedPayment } from "./_testing/submitted-payment";
import { control, figures, payment, treasuryStore } from "./_testing/treasury-fixtures";

async function paidPayment() {
  const t = await submittedPayment();
  await approvePayment(t.store, "ZF001", { date: "2026-03-03" });
  await payPayment(t.store, "ZF001", { date: "2026-03-05" });
  return t;
}

describe("refundPayment", () => {
  it("restores availability with new transfers that correct the postings, in two partial refunds", async () => {
    const { store, context } = await paidPayment();
    const partial = await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, context);
    expect(partial).toMatchObject({ status: "paid", refundedAmount: 300_000n });
    expect((await store.getTransfer("pay:ZF001.refund:TP1"))?.references.corrects).toBe("pay:ZF001.post");
    expect((await store.getTransfer("pay:ZF001.refund:TP1~C302"))?.references.corrects).toBe("pay:ZF001~C302.post");
    const full = await refundPayment(store, "ZF001", { refundNumber: "TP2", date: "2026-03-21" }, context);
    expect(full).toMatchObject({ status: "refunded", refundedAmount: 1_000_000n });
    expect(await figures(store)).toMatchObject({ consumed: 0n, available: 10_000_000n, amount: 10_000_000n });
  });

  it("is a no-op for the same refund number and refuses it with another amount or too much", async () => {
    const { store, context } = await paidPayment();
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, context);
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, context);
    expect((await figures(store)).consumed).toBe(700_000n);
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 1n, date: "2026-03-25" }, context)).rejects.toMatchObject({
      code: "TREASURY_INVALID_REFUND",
      message: "payment ZF001: refund TP1 was recorded as 3,000.00 on 2026-03-20; this row says 0.01 (another refund of the payment needs a refund number of its own, 退票编号)",
      details: { field: "amount" },
    });
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP9", amount: 700_001n, date: "2026-03-20" }, context)).rejects.toMatchObject({
      code: "TREASURY_INVALID_REFUND",
      message: "payment ZF001: a refund of 7,000.01 is not within 0.01..7,000.00, what is left of the payment",
      details: { field: "amount" },
    });
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP9", amount: 100 as never, date: "2026-03-20" }, context)).rejects.toMatchObject({
      message: "payment ZF001: amount must be a bigint of fen, not number 100",
    });
  });

  it("refuses a refund without its refund number: a second one would pass as a repeat of the first", async () => {
    const { store, context } = await paidPayment();
    for (const refundNumber of [undefined, "", "  "]) {
      await expect(refundPayment(store, "ZF001", { refundNumber: refundNumber as never, amount: 100n, date: "2026-03-20" }, context)).rejects.toMatchObject({
        code: "TREASURY_INVALID_REFUND",
        message: "payment ZF001: a refund needs its refund number (退票编号)",
        details: { field: "refundNumber" },
      });
    }
    expect((await figures(store)).consumed).toBe(1_000_000n);
  });

  it("refuses the refund number \" TP1 \", which would be a second refund beside TP1", async () => {
    const { store, context } = await paidPayment();
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 100n, date: "2026-03-20" }, context);
    await expect(refundPayment(store, "ZF001", { refundNumber: " TP1 ", amount: 100n, date: "2026-03-20" }, context)).rejects.toMatchObject({
      name: "JincaiError",
      code: "TREASURY_INVALID_REFUND",
      message: 'payment ZF001: refund number " TP1 " has spaces around it (it would be stored apart from "TP1")',
      details: { field: "refundNumber" },
    });
    expect((await figures(store)).consumed).toBe(999_900n);
  });

  it("refuses the same refund number on another date as a conflict, naming both dates, and changes nothing", async () => {
    const { store, context } = await paidPayment();
    await refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-03-20" }, context);
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP1", amount: 300_000n, date: "2026-04-07" }, context)).rejects.toMatchObject({
      code: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 was refunded on 2026-03-20, this row says 2026-04-07",
    });
    expect((await figures(store)).consumed).toBe(700_000n);
  });

  it("refunds a historic imported payment (no document yet) and gives its control back", async () => {
    const { store, context } = await treasuryStore(undefined, [control()]);
    await store.transaction((tx) => applyPayments(tx, [payment()], context));
    const refunded = await refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2026-04-01" }, context);
    expect(refunded).toMatchObject({ status: "refunded", controlIds: ["C302"] });
    expect((await store.getTransfer("pay:ZF001.refund:TP1"))?.references.corrects).toBe("pay:ZF001");
    expect((await figures(store)).available).toBe(10_000_000n);
    const [c] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    expect(c!.balance.creditsPosted - c!.balance.debitsPosted).toBe(15_000_000n);
  });

  it("refuses to refund a submitted payment", async () => {
    const { store, context } = await submittedPayment();
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2026-03-20" }, context)).rejects.toMatchObject({
      code: "TREASURY_INVALID_TRANSITION",
    });
  });

  it("refuses a refund dated before the payment was paid, and takes one after the year ends", async () => {
    const { store, context } = await paidPayment();
    await expect(refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2026-03-04" }, context)).rejects.toMatchObject({
      code: "TREASURY_INVALID_REFUND",
      message: "payment ZF001 cannot be refunded on 2026-03-04, before it was paid on 2026-03-05",
      details: { field: "date", since: "2026-03-05" },
    });
    expect((await figures(store)).consumed).toBe(1_000_000n);
    // A bank return (退票) in January of a December payment still happens; the rule is the year's spending.
    expect(await refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2027-01-06" }, context)).toMatchObject({ status: "refunded" });
  });

  it("tells an importer a refund dated before its payment before anything is written (stepDateProblem)", () => {
    const problem = stepDateProblem("ZF009", "refund", "2026-02-27", { status: "paid", date: "2026-03-01" });
    expect(problem).toMatchObject({ code: "TREASURY_INVALID_REFUND", message: "payment ZF009 cannot be refunded on 2026-02-27, before it was paid on 2026-03-01" });
    expect(stepDateProblem("ZF009", "refund", "2026-03-01", { status: "paid", date: "2026-03-01" })).toBeUndefined();
  });
});
