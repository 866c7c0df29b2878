import { describe, expect, it } from "vitest";
import { apply, budgetStore, figures } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { freezeQuota, unfreezeQuota } from "./freeze-quota";
import { reserveQuota } from "./reserve-quota";

describe("freezeQuota", () => {
  it("holds 100,000.00 yuan so that a 450,000.00 reservation no longer fits", async () => {
    const store = await budgetStore();
    expect(await apply(store, freezeQuota("Q-2026-001", { id: "F01", amount: 10_000_000n, date: "2026-04-01" }))).toBe(true);
    expect(await figures(store)).toMatchObject({ frozen: 10_000_000n, reserved: 0n, available: 40_000_000n });
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 45_000_000n, date: "2026-04-02" }, []);
    expect(await apply(store, plan.transfers)).toBe(false);
  });

  it("refuses a freeze of 0 fen, and one of 100 given as a JS number", () => {
    expect(() => freezeQuota("Q-2026-001", { id: "F01", amount: 0n, date: "2026-04-01" })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "freezing quota Q-2026-001: amount must be greater than zero, not 0.00" }),
    );
    expect(() => freezeQuota("Q-2026-001", { id: "F01", amount: 100 as unknown as bigint, date: "2026-04-01" })).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "freezing quota Q-2026-001: amount must be a bigint of fen, not number 100" }),
    );
  });
});

describe("unfreezeQuota", () => {
  it("releases the freeze and restores 500,000.00 available", async () => {
    const store = await budgetStore();
    await apply(store, freezeQuota("Q-2026-001", { id: "F01", amount: 10_000_000n, date: "2026-04-01" }));
    expect(await apply(store, unfreezeQuota("F01", "2026-05-01"))).toBe(true);
    expect(await figures(store)).toMatchObject({ frozen: 0n, available: 50_000_000n });
  });
});
