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
});
