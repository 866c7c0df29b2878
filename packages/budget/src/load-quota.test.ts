import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { findQuotas, getQuota } from "./find-quotas";
import { loadQuota } from "./load-quota";
import { quotaExecution } from "./quota-execution";

describe("loadQuota", () => {
  it("creates a limited quota account carrying the line's dimensions and credits it 500,000.00 yuan", async () => {
    const store = createMemoryStore();
    expect(await loadQuota(store, quotaLine(), fixtureContext())).toEqual({ status: "ok", transferId: "quota-load:Q-2026-001" });
    const account = await store.getAccount("quota:Q-2026-001");
    expect(account).toMatchObject({
      book: "quota",
      flags: { debitsMustNotExceedCredits: true },
      dimensions: { fiscalYear: "2026", agency: "101001", functionCode: "2010101", economicCode: "30201", project: "42010026P0001" },
    });
    const [figures] = await quotaExecution(store);
    expect(figures).toMatchObject({ quotaId: "Q-2026-001", amount: 50_000_000n, available: 50_000_000n });
  });

  it("keeps the document findable by 指标文号 and by agency", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect((await findQuotas(store, { documentNumber: "财预〔2026〕1号" })).map((q) => q.id)).toEqual(["Q-2026-001"]);
    expect((await findQuotas(store, { agency: "101002" })).length).toBe(0);
    expect((await getQuota(store, "Q-2026-001")).amount).toBe(50_000_000n);
  });

  it("is a no-op when the same line is loaded twice", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect((await loadQuota(store, quotaLine(), fixtureContext())).status).toBe("exists");
    const [figures] = await quotaExecution(store);
    expect(figures?.amount).toBe(50_000_000n);
  });

  it("rejects the same quota id with another amount", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await expect(loadQuota(store, quotaLine({ amount: 1n }), fixtureContext())).rejects.toMatchObject({ code: "BUDGET_QUOTA_CONFLICT" });
  });

  it("rejects a line of an unknown agency without creating any account", async () => {
    const store = createMemoryStore();
    await expect(loadQuota(store, quotaLine({ agency: "999999" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      details: { issues: [{ code: "BUDGET_UNKNOWN_AGENCY" }] },
    });
    expect(await store.getAccount("quota:Q-2026-001")).toBeUndefined();
  });

  it("refuses a load dated in a closed period with BUDGET_PERIOD_CLOSED", async () => {
    const store = createMemoryStore();
    await store.lockPeriod({ from: "2026-01-01", to: "2026-01-31" });
    await expect(store.transaction((tx) => loadQuota(tx, quotaLine(), fixtureContext()))).rejects.toMatchObject({
      code: "BUDGET_PERIOD_CLOSED",
      details: { status: "period_closed" },
    });
  });
});

describe("getQuota", () => {
  it("throws BUDGET_QUOTA_NOT_FOUND for an unknown id", async () => {
    await expect(getQuota(createMemoryStore(), "Q-404")).rejects.toMatchObject({ code: "BUDGET_QUOTA_NOT_FOUND" });
  });
});
