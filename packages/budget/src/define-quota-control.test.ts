import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { defineQuotaControl } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { controlAccountIds } from "./quota-account-ids";

describe("defineQuotaControl", () => {
  it("creates a limited control account credited with its 600,000.00 yuan limit", async () => {
    const store = createMemoryStore();
    expect(await defineQuotaControl(store, agencyControl())).toBe("ok");
    const [row] = await store.accountBalances({ accountIds: [controlAccountIds("101001-302").control] });
    expect(row?.account.flags.debitsMustNotExceedCredits).toBe(true);
    expect(row?.balance.creditsPosted).toBe(60_000_000n);
  });

  it("creates an advisory control as an unlimited account", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl({ policy: "advisory" }));
    expect((await store.getAccount(controlAccountIds("101001-302").control))?.flags.debitsMustNotExceedCredits).toBeUndefined();
  });

  it("is a no-op for the same control twice and a conflict for another limit", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl());
    expect(await defineQuotaControl(store, agencyControl())).toBe("exists");
    await expect(defineQuotaControl(store, agencyControl({ limit: 1n }))).rejects.toMatchObject({ code: "BUDGET_CONTROL_CONFLICT" });
  });

  it("rejects a control without matchers or with a 0 limit or a 0 % threshold", async () => {
    const store = createMemoryStore();
    for (const bad of [
      agencyControl({ match: [] }),
      agencyControl({ limit: 0n }),
      agencyControl({ thresholds: [{ percent: 0, severity: "info" }] }),
    ]) {
      await expect(defineQuotaControl(store, bad)).rejects.toMatchObject({ code: "BUDGET_INVALID_CONTROL" });
    }
  });
});

describe("loadQuotaControls", () => {
  it("reads the defined controls back with bigint limits and thresholds", async () => {
    const store = createMemoryStore();
    const control = agencyControl({ thresholds: [{ percent: 80, severity: "info" }] });
    await defineQuotaControl(store, control);
    expect(await loadQuotaControls(store)).toEqual([control]);
  });
});
