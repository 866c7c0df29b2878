import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { getPayment } from "./get-payment";
import { control, payment, treasuryStore } from "./_testing/treasury-fixtures";

describe("getPayment", () => {
  it("reads a historic payment back from its ledger transfer", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, [payment()], context);
    expect(await getPayment(store, "ZF001")).toMatchObject({
      status: "paid",
      payeeName: "武汉某某办公用品公司",
      payeeAccount: "420101000000001",
      purpose: "办公用品",
      economicCode: "30201",
      paidAmount: 1_000_000n,
    });
  });

  it("names the controls a historic payment counted against, which no document lists", async () => {
    const c = control();
    const { store, context } = await treasuryStore(undefined, [c]);
    await applyPayments(store, [payment()], context);
    expect((await getPayment(store, "ZF001")).controlIds).toEqual([c.id]);
  });

  it("throws TREASURY_PAYMENT_NOT_FOUND for an unknown number", async () => {
    const { store } = await treasuryStore();
    await expect(getPayment(store, "ZF404")).rejects.toMatchObject({ code: "TREASURY_PAYMENT_NOT_FOUND" });
  });
});
