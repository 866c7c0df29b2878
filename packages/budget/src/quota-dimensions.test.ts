import { describe, expect, it } from "vitest";
import { quotaLine } from "./_testing/quota-fixtures";
import { quotaDimensions } from "./quota-dimensions";
import { quotaAccountIds, quotaSourceAccountId, controlAccountIds } from "./quota-account-ids";

describe("quotaDimensions", () => {
  it("carries the division only when the line has one", () => {
    expect(quotaDimensions(quotaLine()).division).toBeUndefined();
    expect(quotaDimensions(quotaLine({ division: "420100" })).division).toBe("420100");
  });
});

describe("quotaAccountIds", () => {
  it("names the line, execution and frozen accounts of Q1", () => {
    expect(quotaAccountIds("Q1")).toEqual({ line: "quota:Q1", spent: "quota-spent:Q1", frozen: "quota-frozen:Q1" });
  });
});

describe("quotaSourceAccountId", () => {
  it("names one source account per year", () => expect(quotaSourceAccountId(2026)).toBe("quota-source:2026"));
});

describe("controlAccountIds", () => {
  it("names the control and its counterpart", () => {
    expect(controlAccountIds("C1")).toEqual({ control: "quota-control:C1", spent: "quota-control-spent:C1" });
  });
});
