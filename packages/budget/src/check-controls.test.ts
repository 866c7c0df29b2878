import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { checkControls } from "./check-controls";
import { reserveQuota } from "./reserve-quota";

describe("checkControls", () => {
  it("reports nothing when no control is configured", async () => {
    expect(await checkControls(await budgetStore())).toEqual([]);
  });

  it("reports the highest threshold a control has reached, with its usage as evidence", async () => {
    const control = agencyControl({ limit: 40_000_000n, policy: "advisory", thresholds: [{ percent: 50, severity: "info" }, { percent: 90, severity: "warning" }] });
    const store = await budgetStore([quotaLine()], [control]);
    const limit = control.limit;
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: (limit * 95n) / 100n, date: "2026-03-02", immediate: true }, [control]).transfers)).toBe(true);
    const findings = await checkControls(store);
    expect(findings).toEqual([
      expect.objectContaining({ rule: "control.warning", severity: "warning", evidence: expect.objectContaining({ controlId: control.id, policy: "advisory" }) }),
    ]);
  });
});
