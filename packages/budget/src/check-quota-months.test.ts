import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { apply } from "./_testing/budget-store";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { adjustQuota } from "./adjust-quota";
import { checkQuotaMonths } from "./check-quota-months";
import { loadQuota } from "./load-quota";
import { reserveQuota } from "./reserve-quota";

describe("checkQuotaMonths (rule quota.month-end)", () => {
  it("asks for the fiscal year when it is missing or given as text, instead of checking month undefined-01", async () => {
    const untyped = checkQuotaMonths as (...args: unknown[]) => Promise<unknown>;
    await expect(untyped(createMemoryStore())).rejects.toMatchObject({
      name: "JincaiError",
      code: "BUDGET_MISSING_DIMENSION",
      message: "checkQuotaMonths needs the fiscal year, an integer such as 2026",
      details: { dimension: "fiscalYear" },
    });
    await expect(untyped(createMemoryStore(), "2026")).rejects.toMatchObject({
      code: "BUDGET_MISSING_DIMENSION",
      message: 'checkQuotaMonths needs the fiscal year, an integer such as 2026, not string "2026"',
    });
  });

  it("finds a line paid in March from a 调剂 dated in September, once, at the first month it was overdrawn", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine({ amount: 60_000n }), fixtureContext()); // 600.00
    await loadQuota(store, quotaLine({ id: "Q-2026-002", economicCode: "30211", amount: 500_000n }), fixtureContext());
    await adjustQuota(store, { id: "TZ-B1", date: "2026-09-01", fromQuotaId: "Q-2026-002", toQuotaId: "Q-2026-001", amount: 100_000n });
    // Imported after the 调剂: the line has 1,600.00 now, so 900.00 passes the import's check.
    await apply(store, reserveQuota(quotaLine({ amount: 160_000n }), { id: "pay:L1", amount: 90_000n, date: "2026-03-10", immediate: true }, []).transfers);
    expect(await checkQuotaMonths(store, 2026)).toEqual([
      {
        rule: "quota.month-end",
        severity: "error",
        message: "quota Q-2026-001 was overdrawn by 300.00 at the end of 2026-03 (amount 600.00, reserved 0.00, paid 900.00): a payment dated before the 调剂 or 追加 that funds it?",
        evidence: { quotaId: "Q-2026-001", month: "2026-03", amount: "600.00", reserved: "0.00", consumed: "900.00", frozen: "0.00", available: "-300.00" },
      },
    ]);
  });

  it("passes lines that never went below zero at a month's end", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine({ amount: 60_000n }), fixtureContext());
    await apply(store, reserveQuota(quotaLine({ amount: 60_000n }), { id: "pay:L1", amount: 60_000n, date: "2026-12-31", immediate: true }, []).transfers);
    expect(await checkQuotaMonths(store, 2026)).toEqual([]);
  });
});
