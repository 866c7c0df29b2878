import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore, figures } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { consumeReservation } from "./consume-reservation";
import { controlAccountIds } from "./quota-account-ids";
import { reserveQuota } from "./reserve-quota";
import { available } from "@jincai/core";

describe("consumeReservation", () => {
  it("posts the full 120,000.00 yuan reservation", async () => {
    const store = await budgetStore();
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, []);
    await apply(store, plan.transfers);
    expect(await apply(store, consumeReservation(plan.reservation, { date: "2026-03-05" }))).toBe(true);
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 12_000_000n, available: 38_000_000n });
  });

  it("posts 80,000.00 of a 120,000.00 reservation and releases the other 40,000.00 on line and control", async () => {
    const control = agencyControl();
    const store = await budgetStore([quotaLine()], [control]);
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, [control]);
    await apply(store, plan.transfers);
    const batch = consumeReservation(plan.reservation, { date: "2026-03-05", amount: 8_000_000n });
    expect(batch.map((t) => t.id)).toEqual(["r1.post", "r1~101001-302.post"]);
    expect(await apply(store, batch)).toBe(true);
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 8_000_000n, available: 42_000_000n });
    const [c] = await store.accountBalances({ accountIds: [controlAccountIds("101001-302").control] });
    expect(available(c!.balance)).toBe(52_000_000n);
  });

  it("refuses to post more than was reserved", () => {
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-03-02" }, []);
    expect(() => consumeReservation(plan.reservation, { date: "2026-03-05", amount: 101n })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "cannot consume reservation r1: 1.01 is more than the 1.00 it reserved" }),
    );
    expect(() => consumeReservation(plan.reservation, { date: "2026-03-05", amount: 50 as unknown as bigint })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "cannot consume reservation r1: amount must be a bigint of fen, not number 50" }),
    );
  });

  it("refuses to consume a reservation that was posted at once", () => {
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-03-02", immediate: true }, []);
    expect(() => consumeReservation(plan.reservation, { date: "2026-03-05" })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "cannot consume reservation r1: it is posted, not pending" }),
    );
  });

  it("refuses to pay a 2026 reservation on 2027-01-04: the year's unpaid requests end with the year", () => {
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-12-30" }, []);
    expect(consumeReservation(plan.reservation, { date: "2026-12-31" })).toHaveLength(1);
    expect(() => consumeReservation(plan.reservation, { date: "2027-01-04" })).toThrow(
      expect.objectContaining({
        code: "BUDGET_OUTSIDE_FISCAL_YEAR",
        details: expect.objectContaining({ quotaId: "Q-2026-001", reservationId: "r1", field: "date", fiscalYear: 2026, to: "2026-12-31" }),
      }),
    );
  });

  it("leaves the year to the caller for a reservation rebuilt without it", () => {
    const { fiscalYear: _, ...rebuilt } = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-12-30" }, []).reservation;
    expect(consumeReservation(rebuilt, { date: "2027-01-04" })[0]).toMatchObject({ id: "r1.post", date: "2027-01-04" });
  });
});
