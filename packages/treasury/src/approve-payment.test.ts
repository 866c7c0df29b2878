import { describe, expect, it } from "vitest";
import { approvePayment } from "./approve-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { figures, treasuryStore } from "./_testing/treasury-fixtures";

describe("approvePayment", () => {
  it("approves a submitted payment, keeping 10,000.00 reserved; approving again changes nothing", async () => {
    const { store } = await submittedPayment();
    expect((await approvePayment(store, "ZF001", { date: "2026-03-03" })).status).toBe("approved");
    expect((await approvePayment(store, "ZF001", { date: "2026-03-04" })).status).toBe("approved");
    expect((await figures(store)).reserved).toBe(1_000_000n);
  });

  it("throws TREASURY_PAYMENT_NOT_FOUND for an unknown number", async () => {
    const { store } = await treasuryStore();
    await expect(approvePayment(store, "ZF404", { date: "2026-03-03" })).rejects.toMatchObject({ code: "TREASURY_PAYMENT_NOT_FOUND" });
  });
});
