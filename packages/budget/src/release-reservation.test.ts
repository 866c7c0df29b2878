import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore, figures } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { releaseReservation } from "./release-reservation";
import { reserveQuota } from "./reserve-quota";

describe("releaseReservation", () => {
  it("voids a 120,000.00 reservation on the line and its control, restoring 500,000.00 available", async () => {
    const control = agencyControl();
    const store = await budgetStore([quotaLine()], [control]);
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, [control]);
    await apply(store, plan.transfers);
    const batch = releaseReservation(plan.reservation, { date: "2026-03-06" });
    expect(batch.map((t) => [t.id, t.phase])).toEqual([["r1.void", "void"], ["r1~101001-302.void", "void"]]);
    expect(await apply(store, batch)).toBe(true);
    expect(await figures(store)).toMatchObject({ reserved: 0n, available: 50_000_000n });
  });
});
