import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { checkAvailability } from "./check-availability";
import { reserveQuota } from "./reserve-quota";

describe("checkAvailability", () => {
  it("accepts a payment past an advisory control with a BUDGET_ADVISORY_EXCEEDED warning", async () => {
    const control = agencyControl({ policy: "advisory", limit: 10_000_000n });
    const store = await budgetStore([quotaLine()], [control]);
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, [control]);
    const check = await checkAvailability(store, plan, [control]);
    expect(check.ok).toBe(true);
    expect(check.levels.map((l) => [l.kind, l.available, l.sufficient])).toEqual([
      ["quota", 50_000_000n, true],
      ["control", 10_000_000n, true],
    ]);
    expect(check.warnings.map((w) => w.code)).toEqual(["BUDGET_ADVISORY_EXCEEDED"]);
    expect(await apply(store, plan.transfers)).toBe(true);
  });

  it("reports an absolute control short of 20,000.00 before the store refuses the batch", async () => {
    const control = agencyControl({ limit: 10_000_000n });
    const store = await budgetStore([quotaLine()], [control]);
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, [control]);
    const check = await checkAvailability(store, plan, [control]);
    expect(check.ok).toBe(false);
    expect(check.levels[1]).toMatchObject({ kind: "control", sufficient: false });
    expect(await apply(store, plan.transfers)).toBe(false);
  });

  it("raises the 80 % threshold of a tracking control when 400,000.00 of 500,000.00 is reserved", async () => {
    const control = agencyControl({ policy: "track", limit: 50_000_000n, thresholds: [{ percent: 80, severity: "info" }] });
    const store = await budgetStore([quotaLine()], [control]);
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 40_000_000n, date: "2026-03-02" }, [control]);
    expect((await checkAvailability(store, plan, [control])).warnings).toMatchObject([{ code: "BUDGET_THRESHOLD_REACHED", percent: 80, crossed: true }]);
  });
});
