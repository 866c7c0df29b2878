import { describe, expect, it } from "vitest";
import type { Payment } from "./payment";
import { paymentConflict } from "./payment-conflict";

const recorded: Payment = {
  paymentNumber: "W1", date: "2026-03-01", payeeName: "甲公司", payeeAccount: "6222000000000001", amount: 10_000n, purpose: "办公",
  quotaId: "Q3", economicCode: "30201", status: "paid", paidAmount: 10_000n, refundedAmount: 0n, controlIds: [],
};

describe("paymentConflict", () => {
  it.each([
    ["amount", { amount: 3_000n }, "payment W1 was recorded with amount 100.00; this row says 30.00"],
    ["date", { date: "2026-03-02" }, "payment W1 was recorded with date 2026-03-01; this row says 2026-03-02"],
    ["economicCode", { economicCode: "302" }, "payment W1 was recorded with economic code 30201; this row says 302"],
    ["payeeName", { payeeName: "乙公司" }, "payment W1 was recorded with payee 甲公司; this row says 乙公司"],
    ["purpose", { purpose: "" }, "payment W1 was recorded with purpose 办公; this row says (empty)"],
  ] as const)("names %s as the field that differs", (field, change, message) => {
    expect(paymentConflict(recorded, { ...recorded, ...change })).toMatchObject({ message, details: { field } });
  });

  it("falls back to the general message when only the status differs", () => {
    expect(paymentConflict(recorded, { ...recorded, status: "submitted" })).toEqual({ message: "payment W1 exists with other fields" });
  });
});
