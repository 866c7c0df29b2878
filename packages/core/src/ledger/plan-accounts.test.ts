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

  it("refuses an account id of only spaces as empty", () => {
    const q = { book: "quota", code: "2001", normalSide: "credit" as const };
    const plan = planAccounts([{ ...q, id: "   " }, { ...q, id: "\u3000" }], () => undefined);
    expect(plan.results.map((r) => r.status)).toEqual(["id_must_not_be_empty", "id_must_not_be_empty"]);
    expect(plan.accounts).toEqual([]);
  });

  it("refuses a new account id with spaces around it or a control character, and replays one stored before the rule", () => {
    const q = { book: "quota", code: "2001", normalSide: "credit" as const };
    const plan = planAccounts([{ ...q, id: " quota:1" }, { ...q, id: "quota:1\t" }, { ...q, id: "quota:\u00071" }, { ...q, id: "quota:1" }], () => undefined);
    expect(plan.results.map((r) => r.status)).toEqual(["id_has_spaces_or_controls", "id_has_spaces_or_controls", "id_has_spaces_or_controls", "ok"]);
    expect(plan.accounts.map((a) => a.id)).toEqual(["quota:1"]);
    const stored = accountFromInput({ ...q, id: " quota:1" });
    expect(planAccounts([{ ...q, id: " quota:1" }], () => stored).results[0]?.status).toBe("exists");
  });

  it("refuses an account id with half a surrogate pair whatever the store found for it (the U+FFFD one)", () => {
    const q = { book: "quota", code: "2001", normalSide: "credit" as const };
    const stored = accountFromInput({ ...q, id: "quota:\ufffd" });
    expect(planAccounts([{ ...q, id: "quota:\ud800" }], () => stored).results[0]?.status).toBe("id_has_spaces_or_controls");
  });
});
