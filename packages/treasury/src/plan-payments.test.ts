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
});
