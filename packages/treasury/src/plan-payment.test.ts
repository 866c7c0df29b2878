import { createStarterCodeRegistry } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { createPaymentContext } from "./payment-context";
import { planPayment } from "./plan-payment";
import { payment, paymentByDimensions, quota } from "./_testing/treasury-fixtures";

const context = createPaymentContext([quota(), quota({ id: "Q302", economicCode: "302", projectCode: "P2" })], []);
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return "no error";
};

describe("planPayment", () => {
  it("plans a 10,000.00 yuan payment against Q1 by id as one pending transfer", () => {
    const { payment: p, plan } = planPayment(payment(), context, "submitted");
    expect(p).toMatchObject({ quotaId: "Q1", economicCode: "30201", status: "submitted", paidAmount: 0n });
    expect(plan.transfers).toMatchObject([{ id: "pay:ZF001", phase: "pending", amount: 1_000_000n, references: { voucher: "ZF001" } }]);
  });

  it("finds Q1 by agency, fund type, function, economic code and project", () => {
    expect(planPayment(paymentByDimensions(), context, "paid").payment.quotaId).toBe("Q1");
  });

  it("finds the 类-level quota Q302 for a payment on 30211 and keeps the refinement", () => {
    const p = planPayment(paymentByDimensions({ economicCode: "30211", projectCode: "P2" }), context, "paid");
    expect(p.payment).toMatchObject({ quotaId: "Q302", economicCode: "30211" });
    expect(p.plan.reservation.dimensions?.economicCode).toBe("30211");
  });

  it("refuses a refinement that is no 款: '30201 ', '3021', '302010101', '302XY', and with the year's codes a 款 not in the list", () => {
    for (const economicCode of ["30201 ", "3021", "302010101", "302XY"]) {
      expect(codeOf(() => planPayment(payment({ quotaId: "Q302", economicCode }), context, "paid")), economicCode).toMatch(/^CODE_INVALID_/);
    }
    expect(() => planPayment(payment({ quotaId: "Q302", economicCode: "3021" }), context, "paid")).toThrow(
      `payment ZF001: economicCode "3021" is not a 款 of 2026's departmental economic classification under 302, which quota Q302 holds`,
    );
    // 30288 has the shape of a 款, but the year's list has no such code.
    expect(planPayment(payment({ quotaId: "Q302", economicCode: "30288" }), context, "paid").payment.economicCode).toBe("30288");
    const withCodes = createPaymentContext([quota({ id: "Q302", economicCode: "302" })], [], createStarterCodeRegistry({ years: [2026] }));
    expect(codeOf(() => planPayment(payment({ quotaId: "Q302", economicCode: "30288" }), withCodes, "paid"))).toBe("CODE_UNKNOWN");
    expect(planPayment(payment({ quotaId: "Q302", economicCode: "30211" }), withCodes, "paid").payment.economicCode).toBe("30211");
  });

  it("reports TREASURY_QUOTA_NOT_FOUND for project P9 and for an unknown quota id", () => {
    expect(codeOf(() => planPayment(paymentByDimensions({ projectCode: "P9" }), context, "paid"))).toBe("TREASURY_QUOTA_NOT_FOUND");
    expect(codeOf(() => planPayment(payment({ quotaId: "Q404" }), context, "paid"))).toBe("TREASURY_QUOTA_NOT_FOUND");
  });

  it("does not match a quota whose executable flag is off, and refuses it by id", () => {
    const ctx = createPaymentContext([quota({ executable: false })], []);
    expect(codeOf(() => planPayment(paymentByDimensions(), ctx, "paid"))).toBe("TREASURY_QUOTA_NOT_FOUND");
    expect(codeOf(() => planPayment(payment(), ctx, "paid"))).toBe("BUDGET_NOT_EXECUTABLE");
  });

  it("reports TREASURY_QUOTA_AMBIGUOUS when 30201 matches both a 款 quota and a 类 quota", () => {
    const ctx = createPaymentContext([quota(), quota({ id: "Q302", economicCode: "302" })], []);
    expect(codeOf(() => planPayment(paymentByDimensions(), ctx, "paid"))).toBe("TREASURY_QUOTA_AMBIGUOUS");
    expect(() => planPayment(paymentByDimensions(), ctx, "paid")).toThrow(/matches 2 quotas \((Q1, Q302|Q302, Q1)\): give its 指标编号/);
  });

  it("rejects a payment on Q1 whose government economic code 50101 contradicts the quota's 50201", () => {
    expect(() => planPayment(payment({ govEconomicCode: "50101" }), context, "paid")).toThrow(
      expect.objectContaining({ code: "TREASURY_CODE_MISMATCH", details: expect.objectContaining({ field: "govEconomicCode" }) }),
    );
  });

  it("rejects economic code 30211 on the 款-level quota Q1 (30201) and fiscal year 2025", () => {
    expect(codeOf(() => planPayment(payment({ economicCode: "30211" }), context, "paid"))).toBe("TREASURY_CODE_MISMATCH");
    expect(codeOf(() => planPayment(payment({ fiscalYear: 2025 }), context, "paid"))).toBe("TREASURY_CODE_MISMATCH");
  });

  it("fails closed when the project is missing and no quota id is given", () => {
    expect(codeOf(() => planPayment(paymentByDimensions({ projectCode: "" }), context, "paid"))).toBe("BUDGET_MISSING_DIMENSION");
  });

  it("rejects an empty payee, a bad date and a zero amount", () => {
    expect(codeOf(() => planPayment(payment({ payeeName: " " }), context, "paid"))).toBe("TREASURY_INVALID_PAYMENT");
    expect(codeOf(() => planPayment(payment({ date: "2026-02-30" }), context, "paid"))).toBe("TREASURY_INVALID_PAYMENT");
    expect(codeOf(() => planPayment(payment({ amount: 0n }), context, "paid"))).toBe("TREASURY_INVALID_PAYMENT");
    expect(() => planPayment(payment({ amount: 2n ** 63n }), context, "paid")).toThrow("amount is more than the ledger holds (92,233,720,368,547,758.07)");
  });
});

describe("planPayment called from plain JavaScript", () => {
  const untyped = (fields: Record<string, unknown>) => payment(fields as never);
  const refusal = (fields: Record<string, unknown>) => {
    try {
      planPayment(untyped(fields), context, "paid");
    } catch (e) {
      const { name, code, message, details } = e as { name: string; code: string; message: string; details: Record<string, unknown> };
      return { name, code, message, field: details["field"] };
    }
    return "no error";
  };

  it("says the fiscal year 2026 given as text must be a number, rather than that it contradicts the quota's 2026", () => {
    expect(refusal({ fiscalYear: "2026" })).toEqual({
      name: "JincaiError", code: "TREASURY_INVALID_PAYMENT", field: "fiscalYear",
      message: 'payment ZF001: fiscalYear must be a number (an integer year such as 2026), not string "2026"',
    });
  });

  it("says an amount of 100 given as a JS number must be a bigint of fen, and names a zero amount in yuan", () => {
    expect(refusal({ amount: 100 })).toEqual({
      name: "JincaiError", code: "TREASURY_INVALID_PAYMENT", field: "amount",
      message: "payment ZF001: amount must be a bigint of fen, not number 100",
    });
    expect(refusal({ amount: undefined })).toMatchObject({ message: "payment ZF001: amount must be a bigint of fen, not undefined" });
    expect(refusal({ amount: 0n })).toMatchObject({ message: "payment ZF001: amount must be greater than zero, not 0.00" });
  });

  it("says a payee account given as a number must be text, and a missing one is required", () => {
    expect(refusal({ payeeAccount: 6222021234567890 })).toEqual({
      name: "JincaiError", code: "TREASURY_INVALID_PAYMENT", field: "payeeAccount",
      message: "payment ZF001: payeeAccount must be text, not number 6222021234567890",
    });
    expect(refusal({ payeeAccount: undefined })).toMatchObject({ message: "payment ZF001: payeeAccount is required" });
    expect(refusal({ paymentNumber: 9 })).toMatchObject({ field: "paymentNumber", message: "payment 9: paymentNumber must be text, not number 9" });
  });

  it("refuses the payment number \" ZF9 \" and the quota id \" Q1 \", which would be records apart from ZF9 and Q1", () => {
    expect(refusal({ paymentNumber: " ZF9 " })).toEqual({
      name: "JincaiError", code: "TREASURY_INVALID_PAYMENT", field: "paymentNumber",
      message: 'payment " ZF9 ": paymentNumber " ZF9 " has spaces around it (it would be stored apart from "ZF9")',
    });
    expect(refusal({ quotaId: " Q1 " })).toEqual({
      name: "JincaiError", code: "TREASURY_INVALID_PAYMENT", field: "quotaId",
      message: 'payment ZF001: quotaId " Q1 " has spaces around it (it would be stored apart from "Q1")',
    });
    expect(refusal({ quotaId: "  " })).toMatchObject({
      message: 'payment ZF001: quotaId "  " is only spaces: give the quota\'s id, or leave it out to match by dimensions',
    });
    expect(refusal({ quotaId: 1 })).toMatchObject({ field: "quotaId", message: "payment ZF001: quotaId must be text, not number 1" });
  });
});
