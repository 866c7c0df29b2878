import { FUND_TYPES } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { budgetStore } from "./_testing/budget-store";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { checkQuotas } from "./check-quotas";

const context = () => ({ codes: fixtureContext().codes as never, agencies: new Set(["101001"]), fundTypes: new Set(FUND_TYPES.map((f) => f.code)) });

describe("checkQuotas", () => {
  it("passes quota lines whose codes, agency and fund type are known for the year", async () => {
    expect(await checkQuotas(await budgetStore([quotaLine()]), context())).toEqual([]);
  });

  it("reports an agency that is unknown, with its evidence", async () => {
    const store = await budgetStore([quotaLine()]);
    const failures = await checkQuotas(store, { ...context(), agencies: new Set(["999999"]) });
    expect(failures).toEqual([expect.objectContaining({ rule: "code.valid", evidence: { quotaId: "Q-2026-001", dimension: "agency", code: "101001" } })]);
  });

  it("reports a code absent from the year's list", async () => {
    const ctx = fixtureContext();
    const store = await budgetStore([quotaLine()]);
    const codes = { ...ctx.codes, check: (kind: string, code: string) => (kind === "economic-dept" && code === "30201" ? "CODE_UNKNOWN" : undefined) };
    const failures = await checkQuotas(store, { ...context(), codes: codes as never });
    expect(failures).toEqual([expect.objectContaining({ evidence: expect.objectContaining({ dimension: "economicCode", code: "30201", problem: "CODE_UNKNOWN" }) })]);
  });
});
