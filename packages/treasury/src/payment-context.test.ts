import { describe, expect, it } from "vitest";
import { createPaymentContext, loadPaymentContext } from "./payment-context";
import { control, quota, treasuryStore } from "./_testing/treasury-fixtures";

describe("createPaymentContext", () => {
  it("indexes quotas and controls by id", () => {
    const context = createPaymentContext([quota()], [control()]);
    expect(context.quotas.get("Q1")?.amount).toBe(10_000_000n);
    expect(context.controlsById.get("C302")?.limit).toBe(15_000_000n);
  });
});

describe("loadPaymentContext", () => {
  it("reads the 2026 quotas and the controls from the store", async () => {
    const { store } = await treasuryStore([quota(), quota({ id: "Q2", projectCode: "P2" })], [control()]);
    const context = await loadPaymentContext(store, { fiscalYear: 2026 });
    expect(context.quotas.size).toBe(2);
    expect(context.controls.map((c) => c.id)).toEqual(["C302"]);
    expect((await loadPaymentContext(store, { fiscalYear: 2025 })).quotas.size).toBe(0);
  });
});
