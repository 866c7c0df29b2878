import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { assessReservation } from "./assess-reservation";
import { reserveQuota } from "./reserve-quota";

describe("assessReservation", () => {
  it("finds the line short when only 100,000.00 of a 120,000.00 request is available", () => {
    const control = agencyControl();
    const plan = reserveQuota(quotaLine(), { id: "r1", amount: 12_000_000n, date: "2026-03-02" }, [control]);
    const available = new Map([["quota:Q-2026-001", 10_000_000n], ["quota-control:101001-302", 60_000_000n]]);
    const a = assessReservation(plan, (id) => available.get(id)!, new Map([[control.id, control]]));
    expect(a.ok).toBe(false);
    expect(a.levels.map((l) => l.sufficient)).toEqual([false, true]);
  });
});
