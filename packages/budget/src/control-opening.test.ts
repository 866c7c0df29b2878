import { available } from "@jincai/core";
import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { checkControls } from "./check-controls";
import { consumeReservation } from "./consume-reservation";
import { defineQuotaControl } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { controlAccountIds } from "./quota-account-ids";
import type { QuotaControl } from "./quota-control";
import { releaseReservation } from "./release-reservation";
import { reserveQuota } from "./reserve-quota";
import type { Reservation } from "./reserve-quota";
import { restoreConsumption } from "./restore-consumption";

// A 1,000.00 control over agency 101001 × 302*, defined on June 1 after the line was spent on.
const control = agencyControl({ limit: 100_000n, date: "2026-06-01" });

/** What the control has used, reserved included, in fen. */
async function used(store: Store): Promise<bigint> {
  const [row] = await store.accountBalances({ accountIds: [controlAccountIds(control.id).control] });
  return control.limit - available(row!.balance);
}

/** Reserves on the default line without controls (before the control exists); returns the reservation. */
async function reserveBefore(store: Store, id: string, amount: bigint, date: string, immediate = false): Promise<Reservation> {
  const plan = reserveQuota(quotaLine(), { id, amount, date, immediate }, []);
  expect(await apply(store, plan.transfers)).toBe(true);
  return plan.reservation;
}

/** The reservation as its owner sees it once it knows the control took it over. */
const under = (r: Reservation, c: QuotaControl = control): Reservation => ({ ...r, controlIds: [c.id] });

describe("defineQuotaControl taking over earlier reservations (controlOpening)", () => {
  it("gives back a reservation made before it and rejected after: the control returns to 0.00", async () => {
    const store = await budgetStore();
    const r = await reserveBefore(store, "p1", 40_000n, "2026-03-02");
    expect(await defineQuotaControl(store, control)).toMatchObject({ status: "ok", opening: 40_000n, reservations: 1 });
    expect((await loadQuotaControls(store))[0]?.opened).toBe(true);
    expect(await used(store)).toBe(40_000n);
    expect(await apply(store, releaseReservation(under(r), { date: "2026-07-01" }))).toBe(true);
    expect(await used(store)).toBe(0n);
    expect(await checkControls(store)).toEqual([]);
  });

  it("posts a reservation made before it and paid after, then gives back its refund", async () => {
    const store = await budgetStore();
    const r = await reserveBefore(store, "p1", 40_000n, "2026-03-02");
    await defineQuotaControl(store, control);
    expect(await apply(store, consumeReservation(under(r), { date: "2026-07-01", amount: 30_000n }))).toBe(true);
    expect(await used(store)).toBe(30_000n);
    expect(await apply(store, restoreConsumption(under(r), { id: "p1.refund:R1", amount: 10_000n, date: "2026-07-02" }))).toBe(true);
    expect(await used(store)).toBe(20_000n);
  });

  it("gives back the refund of a payment paid before it, and takes over only what a partial refund before left", async () => {
    const store = await budgetStore();
    const paid = await reserveBefore(store, "p1", 50_000n, "2026-03-02", true);
    expect(await apply(store, restoreConsumption(paid, { id: "p1.refund:R1", amount: 20_000n, date: "2026-04-01" }))).toBe(true);
    const whole = await reserveBefore(store, "p2", 10_000n, "2026-03-03", true);
    expect(await apply(store, restoreConsumption(whole, { id: "p2.refund:R1", amount: 10_000n, date: "2026-04-01" }))).toBe(true);
    const voided = await reserveBefore(store, "p3", 5_000n, "2026-03-04");
    expect(await apply(store, releaseReservation(voided, { date: "2026-03-05" }))).toBe(true);
    // 500.00 paid less 200.00 refunded; p2 wholly refunded and p3 rejected are not taken over.
    expect(await defineQuotaControl(store, control)).toMatchObject({ opening: 30_000n, reservations: 1 });
    expect(await used(store)).toBe(30_000n);
    expect(await apply(store, restoreConsumption(under(paid), { id: "p1.refund:R2", amount: 30_000n, date: "2026-07-01" }))).toBe(true);
    expect(await used(store)).toBe(0n);
    expect(await checkControls(store)).toEqual([]);
  });

  it("fits an absolute limit that the net use fits though a refunded payment's gross amount would not", async () => {
    const store = await budgetStore();
    await reserveBefore(store, "p1", 85_000n, "2026-03-01");
    const paid = await reserveBefore(store, "p2", 90_000n, "2026-03-02", true);
    expect(await apply(store, restoreConsumption(paid, { id: "p2.refund:R1", amount: 80_000n, date: "2026-03-03" }))).toBe(true);
    // 850.00 reserved + 900.00 paid − 800.00 refunded = 950.00 of 1,000.00.
    expect(await defineQuotaControl(store, control)).toMatchObject({ opening: 95_000n, reservations: 2 });
    expect(await used(store)).toBe(95_000n);
  });

  it("mirrors a reservation paid in part before it: what the payment released is not counted", async () => {
    const store = await budgetStore();
    const r = await reserveBefore(store, "p1", 50_000n, "2026-03-02");
    expect(await apply(store, consumeReservation(r, { date: "2026-03-10", amount: 35_000n }))).toBe(true);
    expect(await defineQuotaControl(store, control)).toMatchObject({ opening: 35_000n });
    expect(await used(store)).toBe(35_000n);
    expect(await apply(store, restoreConsumption(under(r), { id: "p1.refund:R1", amount: 35_000n, date: "2026-07-01" }))).toBe(true);
    expect(await used(store)).toBe(0n);
  });

  it("fits a nearly full absolute limit that a payment paid in part fits though its gross reservation would not", async () => {
    const store = await budgetStore();
    await reserveBefore(store, "p1", 60_000n, "2026-03-01", true);
    const r = await reserveBefore(store, "p2", 50_000n, "2026-03-02");
    expect(await apply(store, consumeReservation(r, { date: "2026-03-10", amount: 35_000n }))).toBe(true);
    // 600.00 paid + 350.00 of a 500.00 reservation paid = 950.00 of 1,000.00; 600.00 + 500.00 would not fit.
    expect(await defineQuotaControl(store, control)).toMatchObject({ status: "ok", opening: 95_000n, reservations: 2 });
    expect(await used(store)).toBe(95_000n);
    expect(await store.getTransfer("p2~101001-302")).toMatchObject({ amount: 35_000n });
    expect(await store.getTransfer("p2~101001-302.post")).toMatchObject({ amount: 35_000n });
    // The payment's refund still gives its share back to the control.
    expect(await apply(store, restoreConsumption(under(r), { id: "p2.refund:R1", amount: 35_000n, date: "2026-07-01" }))).toBe(true);
    expect(await used(store)).toBe(60_000n);
    expect(await checkControls(store)).toEqual([]);
  });

  it("refuses, naming the control, its limit and by how much, a limit that the end state of a payment paid in part passes", async () => {
    const store = await budgetStore();
    await reserveBefore(store, "p1", 70_000n, "2026-03-01", true);
    const r = await reserveBefore(store, "p2", 50_000n, "2026-03-02");
    expect(await apply(store, consumeReservation(r, { date: "2026-03-10", amount: 35_000n }))).toBe(true);
    // 700.00 + 350.00 = 1,050.00: past the limit however the legs are ordered.
    await expect(defineQuotaControl(store, control)).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL",
      message: "control 101001-302: its 1 quota line has already used or reserved 1,050.00, more than its absolute limit 1,000.00 by 50.00",
      details: { controlId: "101001-302", used: "105000", limit: "100000", over: "5000" },
    });
    expect(await store.getTransfer("p2~101001-302")).toBeUndefined();
    expect(await loadQuotaControls(store)).toEqual([]);
  });

  it("takes over only the reservations it matches, by their refined economic code when told how to read it", async () => {
    // A line at economic 类 302 pays 30201 and 30205; the control caps 30201 only.
    const line = quotaLine({ economicCode: "302" });
    const store = await budgetStore([line]);
    for (const [id, code] of [["p1", "30201"], ["p2", "30205"]] as const) {
      const plan = reserveQuota(line, { id, amount: 10_000n, date: "2026-03-02", economicCode: code, references: { memo: code } }, []);
      expect(await apply(store, plan.transfers)).toBe(true);
    }
    const c30201 = agencyControl({ id: "C30201", match: [{ dimension: "economicCode", value: "30201" }], date: "2026-06-01" });
    expect(await defineQuotaControl(store, c30201, { economicCodeOf: (t) => t.references.memo })).toMatchObject({ opening: 10_000n, reservations: 1 });
    expect(await store.getTransfer("p1~C30201")).toMatchObject({ phase: "pending", amount: 10_000n });
    expect(await store.getTransfer("p2~C30201")).toBeUndefined();
  });

  it("dates a leg on the first open day after a closed month, so a release dated then still applies", async () => {
    const store = await budgetStore();
    const r = await reserveBefore(store, "p1", 40_000n, "2026-03-02");
    await store.lockPeriod({ from: "2026-03-01", to: "2026-03-31" });
    await defineQuotaControl(store, control);
    expect(await store.getTransfer("p1~101001-302")).toMatchObject({ date: "2026-04-01", phase: "pending" });
    expect(await apply(store, releaseReservation(under(r), { date: "2026-04-01" }))).toBe(true);
    expect(await used(store)).toBe(0n);
  });

  it("does not take over what was reserved from the retirement of a control defined as retired", async () => {
    const store = await budgetStore();
    await reserveBefore(store, "june", 10_000n, "2026-06-30");
    await reserveBefore(store, "july", 20_000n, "2026-07-01");
    expect(await defineQuotaControl(store, { ...control, retired: "2026-07-01" })).toMatchObject({ opening: 10_000n, reservations: 1 });
    expect(await store.getTransfer("july~101001-302")).toBeUndefined();
  });

  it("refuses an absolute limit below what the reservations it takes over hold, and keeps nothing of it", async () => {
    const store = await budgetStore();
    await reserveBefore(store, "p1", 150_000n, "2026-03-02");
    await expect(defineQuotaControl(store, control)).rejects.toMatchObject({ code: "BUDGET_INVALID_CONTROL", details: { used: "150000", limit: "100000" } });
    expect(await store.getTransfer("p1~101001-302")).toBeUndefined();
  });
});
