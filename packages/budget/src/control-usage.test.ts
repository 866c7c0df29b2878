import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { controlAccountIds } from "./quota-account-ids";
import { controlUsage } from "./control-usage";

describe("controlUsage", () => {
  it("reads what each control has reserved and paid, and leaves out a control the store does not hold", async () => {
    const c302 = agencyControl({ limit: 100_000n, policy: "advisory" });
    const store = await budgetStore(undefined, [c302]);
    const ids = controlAccountIds(c302.id);
    // 300.00 paid and 900.00 reserved (pending) under it: 1,200.00 of its 1,000.00.
    expect(await apply(store, [{ id: "pay:P1~c", debitAccountId: ids.control, creditAccountId: ids.spent, amount: 30_000n, date: "2026-06-01" }])).toBe(true);
    expect(await apply(store, [{ id: "pay:P2~c", debitAccountId: ids.control, creditAccountId: ids.spent, amount: 90_000n, date: "2026-06-02", phase: "pending" }])).toBe(true);
    const usage = await controlUsage(store, [c302, agencyControl({ id: "not-posted" })]);
    expect([...usage]).toEqual([["101001-302", 120_000n]]);
  });

  it("reads nothing for no controls", async () => {
    expect((await controlUsage(await budgetStore(), [])).size).toBe(0);
  });
});
