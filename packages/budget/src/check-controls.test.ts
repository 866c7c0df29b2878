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
    expect(findings[0]!.message).toBe("control 101001-302 (101001 商品和服务支出) has used 380,000.00 of 400,000.00, at or past 90%");
  });

  it("does not repeat a control's id as its name when it has no other", async () => {
    const control = agencyControl({ name: "101001-302", limit: 100n, thresholds: [{ percent: 100, severity: "critical" }] });
    const store = await budgetStore([quotaLine()], [control]);
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 100n, date: "2026-03-02", immediate: true }, [control]).transfers)).toBe(true);
    expect((await checkControls(store))[0]!.message).toBe("control 101001-302 has used 1.00 of 1.00, at or past 100%");
  });
});
