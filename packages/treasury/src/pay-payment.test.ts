import { describe, expect, it } from "vitest";
import { approvePayment } from "./approve-payment";
import { payPayment } from "./pay-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { figures } from "./_testing/treasury-fixtures";

describe("payPayment", () => {
  it("posts an approved payment: 10,000.00 consumed, nothing reserved", async () => {
    const { store } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    expect(await store.transaction((tx) => payPayment(tx, "ZF001", { date: "2026-03-05" }))).toMatchObject({ status: "paid", paidAmount: 1_000_000n });
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 1_000_000n, available: 9_000_000n });
    // A retry changes nothing; a retry saying another date or amount is a conflict, not a success.
    expect((await payPayment(store, "ZF001", { date: "2026-03-05" })).paidAmount).toBe(1_000_000n);
    await expect(payPayment(store, "ZF001", { date: "2026-03-06" })).rejects.toMatchObject({
      code: "TREASURY_PAYMENT_CONFLICT", message: "payment ZF001 was paid with date 2026-03-05; this call says 2026-03-06",
    });
    await expect(payPayment(store, "ZF001", { date: "2026-03-05", amount: 500_000n })).rejects.toMatchObject({
      code: "TREASURY_PAYMENT_CONFLICT", message: "payment ZF001 was paid with amount 10,000.00; this call says 5,000.00", details: { field: "amount" },
    });
    expect(await figures(store)).toMatchObject({ consumed: 1_000_000n });
  });

  it("pays 8,000.00 of 10,000.00 and releases the rest", async () => {
    const { store } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await payPayment(store, "ZF001", { date: "2026-03-05", amount: 800_000n });
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 800_000n, available: 9_200_000n });
  });

  it("refuses to pay a payment that was not approved, or more than requested", async () => {
    const { store } = await submittedPayment();
    await expect(payPayment(store, "ZF001", { date: "2026-03-05" })).rejects.toMatchObject({ code: "TREASURY_INVALID_TRANSITION" });
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await expect(payPayment(store, "ZF001", { date: "2026-03-05", amount: 1_000_001n })).rejects.toMatchObject({
      code: "TREASURY_INVALID_PAYMENT",
      message: "cannot pay payment ZF001: 10,000.01 is not within 0.01..10,000.00, the amount requested",
    });
    await expect(payPayment(store, "ZF001", { date: "2026-03-05", amount: 500 as never })).rejects.toMatchObject({
      code: "TREASURY_INVALID_PAYMENT",
      message: "cannot pay payment ZF001: amount must be a bigint of fen, not number 500",
    });
  });

  it("refuses to pay on a date in a closed period with TREASURY_PERIOD_CLOSED", async () => {
    const { store } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await store.lockPeriod({ from: "2026-03-01", to: "2026-03-31" });
    await expect(store.transaction((tx) => payPayment(tx, "ZF001", { date: "2026-03-05" }))).rejects.toMatchObject({
      code: "TREASURY_PERIOD_CLOSED",
      details: { status: "period_closed" },
    });
  });

  it("refuses to pay before the payment was approved, or after its quota's fiscal year ended", async () => {
    const { store } = await submittedPayment();
    await expect(approvePayment(store, "ZF001", { date: "2026-03-01" })).rejects.toMatchObject({
      code: "TREASURY_INVALID_PAYMENT",
      message: "payment ZF001 cannot be approved on 2026-03-01, before it was submitted on 2026-03-02",
      details: { field: "date", since: "2026-03-02" },
    });
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await expect(payPayment(store, "ZF001", { date: "2026-03-02" })).rejects.toMatchObject({
      code: "TREASURY_INVALID_PAYMENT",
      details: { field: "date", date: "2026-03-02", since: "2026-03-03", status: "approved" },
    });
    await expect(payPayment(store, "ZF001", { date: "2027-01-04" })).rejects.toMatchObject({
      code: "BUDGET_OUTSIDE_FISCAL_YEAR",
      message: "payment ZF001 is dated 2027-01-04, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota Q1",
      details: { quotaId: "Q1", field: "date", fiscalYear: 2026 },
    });
    await expect(payPayment(store, "ZF001", { date: "2026-3-5" })).rejects.toMatchObject({ code: "TREASURY_INVALID_PAYMENT", details: { field: "date" } });
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 0n });
  });
});
