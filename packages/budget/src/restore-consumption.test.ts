import { describe, expect, it } from "vitest";
import { apply, budgetStore, figures } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { consumeReservation } from "./consume-reservation";
import { reserveQuota } from "./reserve-quota";
import { restoreConsumption } from "./restore-consumption";

describe("restoreConsumption", () => {
  it("gives back 50,000.00 of a 120,000.00 payment with a new transfer that references the post", async () => {
    const store = await budgetStore();
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, []);
    await apply(store, [...plan.transfers, ...consumeReservation(plan.reservation, { date: "2026-03-05" })]);
    const batch = restoreConsumption(plan.reservation, { id: "r1.refund", amount: 5_000_000n, date: "2026-03-20" });
    expect(batch[0]?.references?.corrects).toBe("r1.post");
    expect(await apply(store, batch)).toBe(true);
    expect(await figures(store)).toMatchObject({ amount: 50_000_000n, consumed: 7_000_000n, available: 43_000_000n });
  });

  it("references the posted transfer itself for a reservation posted at once", () => {
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-03-02", immediate: true }, []);
    expect(restoreConsumption(plan.reservation, { id: "r1.refund", amount: 100n, date: "2026-03-20" })[0]?.references?.corrects).toBe("r1");
  });

  it("refuses a refund of 0 fen", () => {
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-03-02" }, []);
    expect(() => restoreConsumption(plan.reservation, { id: "x", amount: 0n, date: "2026-03-20" })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT" }),
    );
    expect(() => restoreConsumption(plan.reservation, { id: "x", amount: "100" as unknown as bigint, date: "2026-03-20" })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: 'restoring reservation r1: amount must be a bigint of fen, not string "100"' }),
    );
  });
});
