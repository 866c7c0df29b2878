import { describe, expect, it } from "vitest";
import { createPaymentContext } from "./payment-context";
import { planPayments } from "./plan-payments";
import { payment, quota } from "./_testing/treasury-fixtures";

describe("planPayments", () => {
  it("plans each row and reports rejections by index without touching a store", () => {
    const context = createPaymentContext([quota()], []);
    const plans = planPayments([payment(), payment({ paymentNumber: "ZF002", quotaId: "Q9" }), payment()], context);
    expect(plans.map((p) => (p.ok ? "planned" : p.result.status))).toEqual(["planned", "TREASURY_QUOTA_NOT_FOUND", "exists"]);
  });

  it("takes no stack trace for a rejected row, and leaves the limit as it was", () => {
    const context = createPaymentContext([quota()], []);
    const before = Error.stackTraceLimit;
    const [plan] = planPayments([payment({ paymentNumber: "ZF404", quotaId: "Q9" })], context);
    expect(plan).toMatchObject({ ok: false, result: { status: "TREASURY_QUOTA_NOT_FOUND", message: "payment ZF404: quota Q9 does not exist" } });
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("rethrows an unexpected error (a bug, not a bad row) with its stack trace", () => {
    const context = createPaymentContext([quota()], []);
    const broken = { ...context, quotas: { ...context.quotas, get: (): never => { throw new TypeError("index broken"); } } };
    const before = Error.stackTraceLimit;
    let thrown: unknown;
    try {
      planPayments([payment()], broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).stack).toMatch(/planPayment/);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("takes a repeat in the chunk without 用途 or 经济科目 as the same payment, and one with another purpose as a conflict", () => {
    const context = createPaymentContext([quota()], []);
    const first = payment({ economicCode: "30201" });
    const { economicCode: _code, ...withoutCode } = first;
    const plans = planPayments([first, { ...withoutCode, purpose: "", purposeStated: false }, { ...first, purpose: "会议" }], context);
    expect(plans.map((p) => (p.ok ? "ok" : p.result.status))).toEqual(["ok", "exists", "TREASURY_PAYMENT_CONFLICT"]);
    expect(plans[2]).toMatchObject({ result: { details: { field: "purpose", recorded: "办公用品", given: "会议" } } });
  });
});
