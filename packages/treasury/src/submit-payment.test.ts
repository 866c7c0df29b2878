import { describe, expect, it } from "vitest";
import { submitPayment } from "./submit-payment";
import { control, figures, payment, quota, treasuryStore } from "./_testing/treasury-fixtures";

describe("submitPayment", () => {
  it("reserves 10,000.00 yuan of Q1 and stores the payment as submitted", async () => {
    const { store, context } = await treasuryStore();
    const r = await store.transaction((tx) => submitPayment(tx, payment(), context));
    expect(r).toMatchObject({ status: "ok", payment: { status: "submitted", quotaId: "Q1" }, warnings: [] });
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, available: 9_000_000n });
  });

  it("is a no-op when the same payment is submitted again", async () => {
    const { store, context } = await treasuryStore();
    await submitPayment(store, payment(), context);
    const again = await submitPayment(store, payment(), context);
    expect(again).toMatchObject({ status: "exists", payment: { status: "submitted" } });
    expect((await figures(store)).reserved).toBe(1_000_000n);
  });

  it("rejects the same payment number with another payee", async () => {
    const { store, context } = await treasuryStore();
    await submitPayment(store, payment(), context);
    await expect(submitPayment(store, payment({ payeeName: "另一家公司" }), context)).rejects.toMatchObject({
      code: "TREASURY_PAYMENT_CONFLICT",
    });
  });

  it("rejects a 120,000.00 payment on a 100,000.00 quota with available and requested, said in yuan", async () => {
    const { store, context } = await treasuryStore();
    await expect(store.transaction((tx) => submitPayment(tx, payment({ amount: 12_000_000n }), context))).rejects.toMatchObject({
      code: "TREASURY_EXCEEDS_QUOTA",
      message: "quota Q1: requested 120,000.00 exceeds the 100,000.00 available",
      details: { quotaId: "Q1", available: "10000000", requested: "12000000", paymentNumber: "ZF001" },
    });
    expect((await figures(store)).reserved).toBe(0n);
  });

  it("rejects a payment past an absolute control across two quotas", async () => {
    const { store, context } = await treasuryStore([quota(), quota({ id: "Q2", economicCode: "30211" })], [control()]);
    await submitPayment(store, payment({ amount: 9_000_000n }), context);
    await expect(submitPayment(store, payment({ paymentNumber: "ZF002", quotaId: "Q2", amount: 7_000_000n }), context)).rejects.toMatchObject({
      code: "TREASURY_EXCEEDS_CONTROL",
      message: "control C302: requested 70,000.00 exceeds the 60,000.00 available",
      details: { controlId: "C302", available: "6000000", requested: "7000000" },
    });
  });

  it("accepts a payment past an advisory control with a warning", async () => {
    const { store, context } = await treasuryStore(undefined, [control({ policy: "advisory", limit: 500_000n })]);
    const r = await submitPayment(store, payment(), context);
    expect(r.status).toBe("ok");
    expect(r.warnings.map((w) => w.code)).toEqual(["BUDGET_ADVISORY_EXCEEDED"]);
  });

  it("refuses a payment dated outside its quota's fiscal year, or before the quota was issued, and reserves nothing", async () => {
    const { store, context } = await treasuryStore();
    for (const date of ["2025-12-31", "2027-01-01"]) {
      await expect(submitPayment(store, payment({ date }), context)).rejects.toMatchObject({
        code: "BUDGET_OUTSIDE_FISCAL_YEAR",
        message: `payment ZF001 is dated ${date}, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota Q1`,
        details: { quotaId: "Q1", field: "date", date, fiscalYear: 2026 },
      });
    }
    // Q1 was issued on 2026-01-05: the day before, it did not exist yet.
    await expect(submitPayment(store, payment({ date: "2026-01-04" }), context)).rejects.toMatchObject({
      code: "BUDGET_NOT_YET_ISSUED",
      message: "payment ZF001 is dated 2026-01-04, before quota Q1 was issued on 2026-01-05",
      details: { quotaId: "Q1", date: "2026-01-04", issuedOn: "2026-01-05" },
    });
    expect((await figures(store)).reserved).toBe(0n);
  });
});
