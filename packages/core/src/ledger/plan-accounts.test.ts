import { describe, expect, it } from "vitest";
import { accountFromInput, planAccounts } from "./plan-accounts";

describe("planAccounts", () => {
  it("keeps only true flags and reports exists for a repeat within the batch", () => {
    const q = { id: "q1", book: "quota", code: "2001", normalSide: "credit" as const,
      flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false } };
    const plan = planAccounts([q, { ...q, flags: { debitsMustNotExceedCredits: true } }], () => undefined);
    expect(plan.results.map((r) => r.status)).toEqual(["ok", "exists"]);
    expect(plan.accounts).toEqual([accountFromInput(q)]);
    expect(plan.accounts[0]).toEqual({ id: "q1", book: "quota", code: "2001", normalSide: "credit", dimensions: {},
      flags: { debitsMustNotExceedCredits: true }, closed: false });
  });
});
