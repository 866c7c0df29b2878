import { describe, expect, it } from "vitest";
import { quotaLine } from "./_testing/quota-fixtures";
import { reservationFailure } from "./reservation-failure";
import { reserveQuota } from "./reserve-quota";

describe("reservationFailure", () => {
  const plan = reserveQuota(quotaLine(), { id: "r1", amount: 100n, date: "2026-03-02" }, []);

  it("maps exceeds_limit on the line to BUDGET_EXCEEDS_QUOTA with 60 of 100 fen available, said in yuan", () => {
    const e = reservationFailure(plan.checks, 100n, [{ index: 0, id: "r1", status: "exceeds_limit", accountId: "quota:Q-2026-001", shortfall: 40n }]);
    expect(e).toMatchObject({
      code: "BUDGET_EXCEEDS_QUOTA",
      message: "quota Q-2026-001: requested 1.00 exceeds the 0.60 available",
      details: { available: "60", requested: "100" },
    });
  });

  it("maps any other refusal to BUDGET_LEDGER_REJECTED with the ledger status", () => {
    const e = reservationFailure(plan.checks, 100n, [{ index: 0, id: "r1", status: "account_closed" }]);
    expect(e).toMatchObject({ code: "BUDGET_LEDGER_REJECTED", details: { status: "account_closed" } });
  });
});
