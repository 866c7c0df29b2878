import { describe, expect, it } from "vitest";
import type { Transfer } from "@jincai/core";
import { paymentFromTransfer, paymentTransferId, refundOfTransferId, refundTransferId } from "./payment-transfer";

describe("paymentTransferId", () => {
  it("prefixes the payment number with pay:", () => expect(paymentTransferId("ZF2026-000123")).toBe("pay:ZF2026-000123"));
});

describe("refundTransferId and refundOfTransferId", () => {
  it("names a refund's transfer after its payment and refund numbers, and reads them back", () => {
    expect(refundTransferId("ZF001", "TP-01")).toBe("pay:ZF001.refund:TP-01");
    expect(refundOfTransferId("pay:ZF001.refund:TP-01")).toEqual({ paymentNumber: "ZF001", refundNumber: "TP-01" });
  });

  it("reads no refund from a reservation, its posting, or a control's share of a refund", () => {
    expect(refundOfTransferId("pay:ZF001")).toBeUndefined();
    expect(refundOfTransferId("pay:ZF001.post")).toBeUndefined();
    expect(refundOfTransferId("pay:ZF001.refund:TP-01~C302")).toBeUndefined();
  });
});

describe("paymentFromTransfer", () => {
  const transfer: Transfer = {
    id: "pay:ZF001",
    phase: "posted",
    debitAccountId: "quota:Q1",
    creditAccountId: "quota-spent:Q1",
    amount: 1_000_000n,
    date: "2026-03-02",
    references: { voucher: "ZF001", memo: JSON.stringify(["某公司", "4201", "办公用品", "30211"]) },
    sequence: 7,
  };

  it("reads payee, account, purpose and the refined economic code from the memo", () => {
    expect(paymentFromTransfer(transfer)).toMatchObject({
      paymentNumber: "ZF001",
      quotaId: "Q1",
      payeeName: "某公司",
      economicCode: "30211",
      status: "paid",
      paidAmount: 1_000_000n,
    });
  });

  it("refuses a transfer that is not a payment's", () => {
    expect(() => paymentFromTransfer({ ...transfer, references: { memo: "free text" } })).toThrow(
      expect.objectContaining({ code: "TREASURY_PAYMENT_NOT_FOUND" }),
    );
  });
});
