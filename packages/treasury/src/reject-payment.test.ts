import { describe, expect, it } from "vitest";
import { approvePayment } from "./approve-payment";
import { payPayment } from "./pay-payment";
import { rejectPayment } from "./reject-payment";
import { submittedPayment } from "./_testing/submitted-payment";
import { figures } from "./_testing/treasury-fixtures";

describe("rejectPayment", () => {
  it("voids the reservation so the full 100,000.00 is available again; rejecting again changes nothing", async () => {
    const { store } = await submittedPayment();
    expect((await rejectPayment(store, "ZF001", { date: "2026-03-04" })).status).toBe("rejected");
    expect(await figures(store)).toMatchObject({ reserved: 0n, available: 10_000_000n });
    expect((await rejectPayment(store, "ZF001", { date: "2026-03-04" })).status).toBe("rejected");
  });

  it("refuses to reject a paid payment", async () => {
    const { store } = await submittedPayment();
    await approvePayment(store, "ZF001", { date: "2026-03-03" });
    await payPayment(store, "ZF001", { date: "2026-03-05" });
    await expect(rejectPayment(store, "ZF001", { date: "2026-03-06" })).rejects.toMatchObject({ code: "TREASURY_INVALID_TRANSITION" });
  });

  it("refuses a rejection dated before the payment was submitted", async () => {
    const { store } = await submittedPayment();
    await expect(rejectPayment(store, "ZF001", { date: "2026-03-01" })).rejects.toMatchObject({
      code: "TREASURY_INVALID_PAYMENT",
      details: { field: "date", date: "2026-03-01", since: "2026-03-02" },
    });
    expect((await figures(store)).reserved).toBe(1_000_000n);
  });
});
