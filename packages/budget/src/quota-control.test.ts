import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { matchControl } from "./quota-control";

describe("matchControl", () => {
  const control = agencyControl();

  it("matches 101001 × 30211 under the prefix 302", () => {
    expect(matchControl(control, { agency: "101001", economicCode: "30211" })).toBe(true);
  });

  it("does not match 101001 × 30101", () => {
    expect(matchControl(control, { agency: "101001", economicCode: "30101" })).toBe(false);
  });

  it("reports the missing economic code of a 101001 reservation", () => {
    expect(matchControl(control, { agency: "101001" })).toEqual({ missing: "economicCode" });
  });

  it("matches an exact value only exactly", () => {
    const exact = agencyControl({ match: [{ dimension: "economicCode", value: "302" }] });
    expect(matchControl(exact, { economicCode: "30201" })).toBe(false);
  });
});
