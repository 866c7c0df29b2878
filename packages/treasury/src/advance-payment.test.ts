import { describe, expect, it } from "vitest";
import { advancePayment } from "./advance-payment";
import { applyPayments } from "./apply-payments";
import { approvePayment } from "./approve-payment";
import { getPayment } from "./get-payment";
import { rejectPayment } from "./reject-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { figures, payment, paymentByDimensions, quota, treasuryStore } from "./_testing/treasury-fixtures";

// ZF001: 10,000.00 yuan on Q1 (100,000.00), submitted on 2026-03-02; today's export says 已支付.
const paidRow = (overrides: Parameters<typeof payment>[0] = {}) => ({ ...payment({ date: "2026-03-05", ...overrides }), status: "paid" as const });

describe("advancePayment", () => {
  it("approves and pays a submitted payment on the row's date: the reservation becomes consumption", async () => {
    const { store, context } = await submittedPayment();
    const result = await store.transaction((tx) => advancePayment(tx, paidRow(), "paid", context, 7));
    expect(result).toEqual({ index: 7, paymentNumber: "ZF001", status: "ok", quotaId: "Q1" });
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 1_000_000n, available: 9_000_000n });
    const paid = await getPayment(store, "ZF001");
    expect(paid).toMatchObject({ status: "paid", paidAmount: 1_000_000n, date: "2026-03-02" });
    const doc = (await store.getRecord<{ events: unknown[] }>("payment", "ZF001"))!.data;
    expect(doc.events).toEqual([
      { status: "submitted", date: "2026-03-02" },
      { status: "approved", date: "2026-03-05" },
      { status: "paid", date: "2026-03-05" },
    ]);
  });

  it("refuses a target that is no row status (a JavaScript caller's \"refunded\"), writing nothing", async () => {
    const { store, context } = await submittedPayment();
    await advancePayment(store, paidRow(), "paid", context);
    const result = await advancePayment(store, paidRow(), "refunded" as never, context);
    expect(result).toMatchObject({ status: "TREASURY_INVALID_TRANSITION", details: { field: "status", given: "refunded" } });
    expect(await getPayment(store, "ZF001")).toMatchObject({ status: "paid", refundedAmount: 0n });
    expect(await figures(store)).toMatchObject({ consumed: 1_000_000n });
  });

  it("pays an approved payment without approving it again", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    expect((await advancePayment(store, paidRow(), "paid", context)).status).toBe("ok");
    const doc = (await store.getRecord<{ events: { status: string }[] }>("payment", "ZF001"))!.data;
    expect(doc.events.map((e) => e.status)).toEqual(["submitted", "approved", "paid"]);
  });

  it("changes nothing for a row the payment has already reached: the same export again, or yesterday's", async () => {
    const { store, context } = await submittedPayment();
    await advancePayment(store, paidRow(), "paid", context);
    expect((await advancePayment(store, paidRow(), "paid", context)).status).toBe("exists");
    expect((await advancePayment(store, payment(), "approved", context)).status).toBe("exists");
    expect((await advancePayment(store, paidRow({ date: "2026-03-02" }), "paid", context)).status).toBe("exists");
    expect((await figures(store)).consumed).toBe(1_000_000n);
  });

  it("treats a historic paid payment (no document) repeated with its own date as already there", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, [payment()], context);
    expect((await advancePayment(store, paidRow({ date: "2026-03-02" }), "paid", context)).status).toBe("exists");
    expect(await advancePayment(store, paidRow({ date: "2026-03-09" }), "paid", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 exists with other fields: it was paid on 2026-03-02, this row says 2026-03-09",
    });
  });

  it("takes an older export's submitted row as a duplicate when its date is the submission's, and names the date otherwise", async () => {
    const { store, context } = await submittedPayment();
    await advancePayment(store, paidRow(), "paid", context);
    const submittedRow = (date: string) => ({ ...payment({ date }), status: "submitted" as const });
    expect((await advancePayment(store, submittedRow("2026-03-02"), "submitted", context)).status).toBe("exists");
    expect(await advancePayment(store, submittedRow("2026-03-04"), "submitted", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 exists with other fields: it was submitted on 2026-03-02, this row says submitted on 2026-03-04",
      details: { field: "date" },
    });
    expect((await advancePayment(store, { ...submittedRow("2026-03-02"), amount: 1n }, "submitted", context)).status).toBe("TREASURY_PAYMENT_CONFLICT");
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 1_000_000n });
    const doc = (await store.getRecord<{ events: { status: string }[] }>("payment", "ZF001"))!.data;
    expect(doc.events.map((e) => e.status)).toEqual(["submitted", "approved", "paid"]);
  });

  it("takes an older file's rows imported after a newer file's as duplicates, saying what they say that the books do not", async () => {
    const { store, context } = await treasuryStore();
    // Day 2's export first: ZF001 approved on 03-03 (stored as submitted and approved that day).
    // An import row is submitted (to be moved on) or paid; the status it gives is advancePayment's target.
    const row = (status: "submitted" | "approved" | "paid", date: string) => ({ ...payment({ date }), status: status === "paid" ? ("paid" as const) : ("submitted" as const) });
    expect((await applyPayments(store, [row("submitted", "2026-03-03")], context))[0]!.status).toBe("ok");
    await advancePayment(store, row("approved", "2026-03-03"), "approved", context);
    // Day 1's export after it: ZF001 submitted on 03-02.
    expect(await advancePayment(store, row("submitted", "2026-03-02"), "submitted", context)).toMatchObject({
      status: "exists",
      message: "payment ZF001: this row says submitted on 2026-03-02, an older file's; it was recorded submitted on 2026-03-03 from a later file, and that stays",
      details: { olderRow: true, field: "date", given: "2026-03-02" },
    });
    // A later day for a recorded step is no older file's: another payment under the number.
    expect((await advancePayment(store, row("submitted", "2026-03-04"), "submitted", context)).status).toBe("TREASURY_PAYMENT_CONFLICT");
    // ZF002, rejected (退回) on 03-05 as day 2 says; day 1's approval of 03-04 was never recorded.
    const zf2 = (_status: "submitted" | "approved", date: string) => ({ ...payment({ paymentNumber: "ZF002", date }), status: "submitted" as const });
    await applyPayments(store, [zf2("submitted", "2026-03-05")], context);
    await advancePayment(store, zf2("approved", "2026-03-05"), "rejected", context);
    expect(await advancePayment(store, zf2("approved", "2026-03-04"), "approved", context)).toMatchObject({
      status: "exists",
      message: "payment ZF002: this row says approved on 2026-03-04, an older file's; the payment was recorded rejected on 2026-03-05 from a later file, without that step, and that stays",
    });
    // Dated after the payment's last step, it is no older file's row: still refused.
    expect((await advancePayment(store, zf2("approved", "2026-03-06"), "approved", context)).status).toBe("TREASURY_INVALID_TRANSITION");
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
  });

  it("takes a submitted row of a payment imported as paid as a duplicate when dated on or before the payment", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, [payment({ date: "2026-03-05" })], context);
    for (const date of ["2026-03-01", "2026-03-05"]) {
      expect((await advancePayment(store, { ...payment({ date }), status: "submitted" as const }, "submitted", context)).status).toBe("exists");
    }
    expect(await advancePayment(store, { ...payment({ date: "2026-03-06" }), status: "submitted" as const }, "submitted", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 exists with other fields: it was paid on 2026-03-05, this row says submitted on 2026-03-06",
    });
    expect((await figures(store)).consumed).toBe(1_000_000n);
  });

  it("reports another payment under the same number as a conflict and writes nothing", async () => {
    const { store, context } = await submittedPayment();
    for (const row of [paidRow({ amount: 1_000_001n }), paidRow({ payeeAccount: "420101000000009" }), paidRow({ date: "2026-03-01" })]) {
      expect((await advancePayment(store, row, "paid", context)).status).toBe("TREASURY_PAYMENT_CONFLICT");
    }
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
  });

  it("takes a row whose file has no 用途 or 经济科目 as the stored payment, and still refuses a purpose or code it does give", async () => {
    // Submitted on Q1 held at 类 302, refined to 款 30211, for 办公用品; today's export has neither column.
    const { store, context } = await treasuryStore([quota({ economicCode: "302" })]);
    await applyPayments(store, [{ ...payment({ economicCode: "30211" }), status: "submitted" }], context);
    const bare = { ...paidRow({ purpose: "" }), purposeStated: false };
    expect(await advancePayment(store, paidRow({ purpose: "会议" }), "paid", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 was recorded with purpose 办公用品; this row says 会议",
    });
    expect(await advancePayment(store, paidRow({ purpose: "" }), "paid", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      details: { field: "purpose", recorded: "办公用品", given: "" },
    });
    expect(await advancePayment(store, paidRow({ economicCode: "30201" }), "paid", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      details: { field: "economicCode", recorded: "30211", given: "30201" },
    });
    expect((await advancePayment(store, bare, "paid", context)).status).toBe("ok");
    expect((await advancePayment(store, bare, "paid", context)).status).toBe("exists");
    expect(await getPayment(store, "ZF001")).toMatchObject({ status: "paid", purpose: "办公用品", economicCode: "30211" });
    // Never the amount: a row without 用途 with another amount is another payment.
    expect(await advancePayment(store, { ...bare, amount: 999n }, "paid", context)).toMatchObject({ details: { field: "amount" } });
  });

  it("takes a row without quota id as of the stored payment's quota when two lines share its dimensions, and a new one stays ambiguous", async () => {
    // Q1 and Q2 have the same agency, fund type, function, economic code and project.
    const { store, context } = await treasuryStore([quota(), quota({ id: "Q2" })]);
    await applyPayments(store, [{ ...payment({ quotaId: "Q2" }), status: "submitted" }], context);
    const byDimensions = { ...paymentByDimensions({ date: "2026-03-05" }), status: "paid" as const };
    expect(await advancePayment(store, { ...byDimensions, functionCode: "2010102" }, "paid", context)).toMatchObject({
      status: "TREASURY_PAYMENT_CONFLICT",
      message: "payment ZF001 was recorded on quota Q2, which has functionCode 2010101; this row says 2010102",
      details: { field: "functionCode", recorded: "2010101", given: "2010102" },
    });
    expect(await advancePayment(store, byDimensions, "paid", context)).toEqual({ index: 0, paymentNumber: "ZF001", status: "ok", quotaId: "Q2" });
    expect(await getPayment(store, "ZF001")).toMatchObject({ status: "paid", quotaId: "Q2" });
    // Not all dimensions given: the payment number still names the quota.
    const { economicCode: _e, projectCode: _p, ...fewer } = byDimensions;
    expect((await advancePayment(store, fewer, "paid", context)).status).toBe("exists");
    expect(await advancePayment(store, { ...byDimensions, paymentNumber: "ZF002" }, "paid", context)).toMatchObject({ status: "TREASURY_PAYMENT_NOT_FOUND" });
    expect((await applyPayments(store, [{ ...byDimensions, paymentNumber: "ZF002" }], context))[0]).toMatchObject({ status: "TREASURY_QUOTA_AMBIGUOUS" });
  });

  it("approves a submitted payment (已审核) without touching its reservation", async () => {
    const { store, context } = await submittedPayment();
    expect((await advancePayment(store, payment(), "approved", context)).status).toBe("ok");
    expect((await getPayment(store, "ZF001")).status).toBe("approved");
    expect((await advancePayment(store, payment(), "approved", context)).status).toBe("exists");
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
  });

  it("rejects (退回) a submitted payment: the reservation is voided and the amount available again", async () => {
    const { store, context } = await submittedPayment();
    expect((await advancePayment(store, payment({ date: "2026-03-04" }), "rejected", context)).status).toBe("ok");
    expect((await getPayment(store, "ZF001")).status).toBe("rejected");
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 0n, available: 10_000_000n });
    expect((await advancePayment(store, payment({ date: "2026-03-04" }), "rejected", context)).status).toBe("exists");
    expect((await advancePayment(store, paidRow(), "paid", context)).status).toBe("TREASURY_INVALID_TRANSITION");
  });

  it("refuses to reject a paid payment", async () => {
    const { store, context } = await submittedPayment();
    await advancePayment(store, paidRow(), "paid", context);
    expect(await advancePayment(store, payment(), "rejected", context)).toMatchObject({
      status: "TREASURY_INVALID_TRANSITION",
      message: "payment ZF001 is paid; it cannot become rejected",
    });
    expect((await figures(store)).consumed).toBe(1_000_000n);
  });

  it("refuses to pay a rejected payment", async () => {
    const { store, context } = await submittedPayment();
    await rejectPayment(store, "ZF001", { date: "2026-03-04" });
    expect((await advancePayment(store, paidRow(), "paid", context)).status).toBe("TREASURY_INVALID_TRANSITION");
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 0n });
  });

  it("rejects a pay date in a closed period and leaves the payment submitted", async () => {
    const { store, context } = await submittedPayment();
    await store.lockPeriod({ from: "2026-03-01", to: "2026-03-31" });
    expect(await advancePayment(store, paidRow(), "paid", context)).toMatchObject({ status: "TREASURY_PERIOD_CLOSED", details: { date: "2026-03-05" } });
    expect((await getPayment(store, "ZF001")).status).toBe("submitted");
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
  });

  it("reports an unknown payment number", async () => {
    const { store, context } = await treasuryStore();
    expect((await advancePayment(store, paidRow(), "paid", context)).status).toBe("TREASURY_PAYMENT_NOT_FOUND");
  });

  it("refuses a row paying the payment before it was approved, or after the quota's year; a late rejection is taken", async () => {
    const { store, context } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-06" });
    expect(await advancePayment(store, paidRow(), "paid", context)).toMatchObject({
      status: "TREASURY_INVALID_PAYMENT",
      details: { field: "date", date: "2026-03-05", since: "2026-03-06" },
    });
    expect(await advancePayment(store, paidRow({ date: "2027-01-04" }), "paid", context)).toMatchObject({
      status: "BUDGET_OUTSIDE_FISCAL_YEAR",
      message: "payment ZF001 is dated 2027-01-04, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota Q1",
      details: { field: "date", date: "2027-01-04", fiscalYear: 2026 },
    });
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
    // Clearing the year's unpaid requests after it ended is still a rejection (退回).
    expect((await advancePayment(store, paidRow({ date: "2027-01-04" }), "rejected", context)).status).toBe("ok");
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 0n, available: 10_000_000n });
  });
});
