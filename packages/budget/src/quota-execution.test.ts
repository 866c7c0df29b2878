import { describe, expect, it } from "vitest";
import { ZERO_BALANCE } from "@jincai/core";
import { apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { consumeReservation } from "./consume-reservation";
import { freezeQuota } from "./freeze-quota";
import { executionFromBalances, quotaExecution } from "./quota-execution";
import { reserveQuota } from "./reserve-quota";

describe("quotaExecution", () => {
  it("reports amount, reserved, consumed, frozen, available and rate for two lines of 2026", async () => {
    const store = await budgetStore([quotaLine(), quotaLine({ id: "Q-2026-002", amount: 1_000_000n })]);
    const r1 = reserveQuota(quotaLine(), { id: "r1", amount: 20_000_000n, date: "2026-03-02" }, []);
    const r2 = reserveQuota(quotaLine(), { id: "r2", amount: 5_000_000n, date: "2026-03-02" }, []);
    await apply(store, [...r1.transfers, ...r2.transfers, ...consumeReservation(r1.reservation, { date: "2026-03-03" })]);
    await apply(store, freezeQuota("Q-2026-001", { id: "F1", amount: 1_000_000n, date: "2026-03-04" }));
    expect(await quotaExecution(store, { fiscalYear: 2026 })).toEqual([
      { quotaId: "Q-2026-001", amount: 50_000_000n, reserved: 5_000_000n, consumed: 20_000_000n, frozen: 1_000_000n, available: 24_000_000n, executionRate: "0.4000" },
      { quotaId: "Q-2026-002", amount: 1_000_000n, reserved: 0n, consumed: 0n, frozen: 0n, available: 1_000_000n, executionRate: "0.0000" },
    ]);
  });

  it("reports figures as of a date before the payments", async () => {
    const store = await budgetStore();
    await apply(store, reserveQuota(quotaLine(), { id: "r1", amount: 1n, date: "2026-03-02", immediate: true }, []).transfers);
    expect((await quotaExecution(store, { asOf: "2026-02-28" }))[0]?.consumed).toBe(0n);
  });
});

describe("executionFromBalances", () => {
  it("nets a 30.00 refund out of both amount and consumption", () => {
    const f = executionFromBalances("Q1", {
      line: { ...ZERO_BALANCE, creditsPosted: 103_000n, debitsPosted: 10_000n },
      spent: { ...ZERO_BALANCE, creditsPosted: 10_000n, debitsPosted: 3_000n },
      frozen: ZERO_BALANCE,
    });
    expect(f).toMatchObject({ amount: 100_000n, consumed: 7_000n, available: 93_000n, executionRate: "0.0700" });
  });

  it("takes 200.00 moved out by a 调剂 off the amount, not off the consumption", () => {
    const f = executionFromBalances("Q1", {
      line: { ...ZERO_BALANCE, creditsPosted: 100_000n, debitsPosted: 30_000n, debitsPending: 5_000n },
      spent: { ...ZERO_BALANCE, creditsPosted: 10_000n, creditsPending: 5_000n },
      frozen: ZERO_BALANCE,
    });
    expect(f).toMatchObject({ amount: 80_000n, consumed: 10_000n, reserved: 5_000n, available: 65_000n, executionRate: "0.1250" });
  });
});
