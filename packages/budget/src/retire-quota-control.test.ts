import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { consumeReservation } from "./consume-reservation";
import { defineQuotaControl } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { controlAccountIds } from "./quota-account-ids";
import { releaseReservation } from "./release-reservation";
import { reserveQuota } from "./reserve-quota";
import { restoreConsumption } from "./restore-consumption";
import { retireQuotaControl } from "./retire-quota-control";
import { available } from "@jincai/core";
import type { Store } from "@jincai/core";

/** What control 101001-302 (limit 1,000.00) has used, reserved included, in fen. */
async function used(store: Store): Promise<bigint> {
  const [row] = await store.accountBalances({ accountIds: [controlAccountIds("101001-302").control] });
  return 100_000n - available(row!.balance);
}

describe("retireQuotaControl", () => {
  it("stops checking payments dated from its retirement, and still checks those dated before", async () => {
    const control = agencyControl({ limit: 100_000n });
    const store = await budgetStore([quotaLine()], [control]);
    expect(await retireQuotaControl(store, control.id, { date: "2026-07-01" })).toEqual({ status: "ok" });
    const controls = await loadQuotaControls(store);
    expect(controls[0]).toMatchObject({ id: "101001-302", retired: "2026-07-01" });
    // 2,000.00 over a 1,000.00 control: refused on June 30, no leg and accepted on July 1.
    const june = reserveQuota(quotaLine(), { id: "p-june", amount: 200_000n, date: "2026-06-30" }, controls);
    expect(june.reservation.controlIds).toEqual(["101001-302"]);
    expect(await apply(store, june.transfers)).toBe(false);
    const july = reserveQuota(quotaLine(), { id: "p-july", amount: 200_000n, date: "2026-07-01" }, controls);
    expect(july.reservation.controlIds).toEqual([]);
    expect(july.transfers.map((t) => t.id)).toEqual(["p-july"]);
    expect(await apply(store, july.transfers)).toBe(true);
    expect(await used(store)).toBe(0n);
  });

  it("keeps the legs of a reservation made before, so its payment, rejection or refund after still moves the control", async () => {
    const control = agencyControl({ limit: 100_000n });
    const store = await budgetStore([quotaLine()], [control]);
    const paid = reserveQuota(quotaLine(), { id: "p1", amount: 30_000n, date: "2026-06-01" }, [control]).reservation;
    const rejected = reserveQuota(quotaLine(), { id: "p2", amount: 20_000n, date: "2026-06-02" }, [control]).reservation;
    await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 30_000n, date: "2026-06-01" }, [control]).transfers);
    await apply(store, reserveQuota(quotaLine(), { id: "p2", amount: 20_000n, date: "2026-06-02" }, [control]).transfers);
    await retireQuotaControl(store, control.id, { date: "2026-07-01" });
    expect(await used(store)).toBe(50_000n);
    expect(await apply(store, consumeReservation(paid, { date: "2026-07-05" }))).toBe(true);
    expect(await apply(store, releaseReservation(rejected, { date: "2026-07-06" }))).toBe(true);
    expect(await used(store)).toBe(30_000n);
    const refund = restoreConsumption(paid, { id: "p1.refund:R1", amount: 10_000n, date: "2026-07-10" });
    expect(refund.map((t) => t.id)).toEqual(["p1.refund:R1", "p1.refund:R1~101001-302"]);
    expect(await apply(store, refund)).toBe(true);
    expect(await used(store)).toBe(20_000n);
  });

  it("is a no-op the second time from the same date, and keeps the retirement when the control is defined again", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl()]);
    await retireQuotaControl(store, "101001-302", { date: "2026-07-01" });
    expect(await retireQuotaControl(store, "101001-302", { date: "2026-07-01" })).toEqual({ status: "exists" });
    expect((await defineQuotaControl(store, agencyControl())).status).toBe("exists");
    expect((await defineQuotaControl(store, agencyControl({ limit: 70_000_000n }))).status).toBe("changed");
    expect((await loadQuotaControls(store))[0]).toMatchObject({ limit: 70_000_000n, retired: "2026-07-01" });
    expect(await store.getTransfer("quota-control-retire:101001-302")).toMatchObject({ amount: 60_000_000n, date: "2026-07-01", phase: "posted" });
  });

  it("refuses another retirement date, an unknown control, a date that is not YYYY-MM-DD, and a closed period", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl({ date: "2026-03-01" })]);
    await expect(retireQuotaControl(store, "nope", { date: "2026-07-01" })).rejects.toMatchObject({ code: "BUDGET_CONTROL_NOT_FOUND", details: { controlId: "nope" } });
    await expect(retireQuotaControl(store, "101001-302", { date: "2026-7-1" })).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL", message: "control 101001-302: retirement date 2026-7-1 is not a YYYY-MM-DD date", details: { field: "retired" },
    });
    await store.lockPeriod({ from: "2026-06-01", to: "2026-06-30" });
    await expect(retireQuotaControl(store, "101001-302", { date: "2026-06-15" })).rejects.toMatchObject({ code: "BUDGET_PERIOD_CLOSED" });
    // Nothing of the refused retirement stayed: the control is in force, and no retired account.
    expect((await loadQuotaControls(store))[0]?.retired).toBeUndefined();
    expect(await store.getAccount("quota-control-retired:101001-302")).toBeUndefined();
    await retireQuotaControl(store, "101001-302", { date: "2026-07-01" });
    await expect(retireQuotaControl(store, "101001-302", { date: "2026-08-01" })).rejects.toMatchObject({
      code: "BUDGET_CONTROL_CONFLICT", details: { field: "retired", recorded: "2026-07-01", given: "2026-08-01" },
    });
  });
});
