import { describe, expect, it } from "vitest";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { validateQuotaLine } from "./validate-quota-line";

const codesOf = (line: Parameters<typeof validateQuotaLine>[0]) =>
  validateQuotaLine(line, fixtureContext()).map((i) => [i.code, i.field]);

describe("validateQuotaLine", () => {
  it("accepts a 500,000.00 yuan line of 101001 on 2010101 / 30201 / 50201", () => {
    expect(validateQuotaLine(quotaLine(), fixtureContext())).toEqual([]);
  });

  it("accepts a department economic 类 302 to be refined at payment time", () => {
    expect(codesOf(quotaLine({ economicCode: "302" }))).toEqual([]);
  });

  it("accepts a 2026 line issued early (提前下达) in November 2025 and refuses one issued after 2026 ended", () => {
    expect(codesOf(quotaLine({ fiscalYear: 2026, date: "2025-11-20" }))).toEqual([]);
    expect(codesOf(quotaLine({ fiscalYear: 2026, date: "2026-12-31" }))).toEqual([]);
    expect(codesOf(quotaLine({ fiscalYear: 2026, date: "2027-06-30" }))).toEqual([["BUDGET_OUTSIDE_FISCAL_YEAR", "date"]]);
    // The year before at the earliest: 2019 is a typo.
    expect(codesOf(quotaLine({ fiscalYear: 2026, date: "2025-01-01" }))).toEqual([]);
    expect(validateQuotaLine(quotaLine({ fiscalYear: 2026, date: "2019-01-01" }), fixtureContext())).toEqual([
      expect.objectContaining({ code: "BUDGET_OUTSIDE_FISCAL_YEAR", field: "date", message: expect.stringContaining("is issued on 2019-01-01, before 2025") }),
    ]);
    expect(validateQuotaLine(quotaLine({ date: "soon" }), fixtureContext())).toEqual([
      expect.objectContaining({ code: "BUDGET_INVALID_QUOTA", field: "date", message: expect.stringContaining('date "soon" is not a YYYY-MM-DD date') }),
    ]);
  });

  it("rejects the unknown agency 999999 instead of opening an account for it", () => {
    expect(codesOf(quotaLine({ agency: "999999" }))).toEqual([["BUDGET_UNKNOWN_AGENCY", "agency"]]);
  });

  it("rejects the unknown fund type 199", () => {
    expect(codesOf(quotaLine({ fundType: "198" }))).toEqual([["BUDGET_UNKNOWN_FUND_TYPE", "fundType"]]);
  });

  it("rejects function code 2019999, absent from the 2026 list, with core's problem attached", () => {
    const issues = validateQuotaLine(quotaLine({ functionCode: "2019999" }), fixtureContext());
    expect(issues).toMatchObject([{ code: "BUDGET_UNKNOWN_CODE", field: "functionCode", problem: "CODE_UNKNOWN" }]);
  });

  it("rejects a line of fiscal year 2025 when only 2026 codes are loaded", () => {
    expect(codesOf(quotaLine({ fiscalYear: 2025, date: "2025-01-01" })).map(([c]) => c)).toEqual([
      "BUDGET_UNKNOWN_CODE",
      "BUDGET_UNKNOWN_CODE",
      "BUDGET_UNKNOWN_CODE",
    ]);
  });

  it("rejects the 款 20101 as function code and the 类 501 as government economic code: not leaves", () => {
    expect(codesOf(quotaLine({ functionCode: "20101", govEconomicCode: "501" }))).toEqual([
      ["BUDGET_NOT_LEAF", "functionCode"],
      ["BUDGET_NOT_LEAF", "govEconomicCode"],
    ]);
  });

  it("reports a missing project code as a missing dimension (no 指标 without a 项目)", () => {
    expect(codesOf(quotaLine({ projectCode: "" }))).toEqual([["BUDGET_MISSING_DIMENSION", "projectCode"]]);
  });

  it("rejects an amount of 0 fen", () => {
    expect(codesOf(quotaLine({ amount: 0n }))).toEqual([["BUDGET_INVALID_AMOUNT", "amount"]]);
  });

  it("rejects an amount past what the ledger holds (2^63 fen), and accepts 2^63 − 1", () => {
    expect(validateQuotaLine(quotaLine({ amount: 2n ** 63n }), fixtureContext())).toEqual([
      { code: "BUDGET_INVALID_AMOUNT", field: "amount", message: "amount is more than the ledger holds (92,233,720,368,547,758.07)" },
    ]);
    expect(codesOf(quotaLine({ amount: 2n ** 63n - 1n }))).toEqual([]);
  });

  it("rejects the unknown source 9 and payment type 99", () => {
    expect(codesOf(quotaLine({ source: "9", paymentType: "99" }))).toEqual([
      ["BUDGET_UNKNOWN_SOURCE", "source"],
      ["BUDGET_UNKNOWN_PAYMENT_TYPE", "paymentType"],
    ]);
  });

  it("reports a non-integer fiscal year, and the text \"2026\" as text", () => {
    expect(codesOf(quotaLine({ fiscalYear: 2026.5 }))).toEqual([["BUDGET_MISSING_DIMENSION", "fiscalYear"]]);
    expect(validateQuotaLine(quotaLine({ fiscalYear: "2026" as never }), fixtureContext())[0]?.message).toBe('fiscalYear must be an integer year (not the text "2026")');
  });

  it("refuses an executable flag that is not a boolean: the text \"false\" would be spent", () => {
    expect(validateQuotaLine(quotaLine({ executable: "false" as never }), fixtureContext())).toEqual([
      { code: "BUDGET_INVALID_QUOTA", field: "executable", message: 'executable must be true or false, not string "false"' },
    ]);
  });

  it("refuses the quota id \" Q1 \", which would be stored apart from Q1", () => {
    expect(validateQuotaLine(quotaLine({ id: " Q1 " }), fixtureContext())).toEqual([
      { code: "BUDGET_INVALID_QUOTA", field: "id", message: 'quota id " Q1 " has spaces around it (it would be stored apart from "Q1")' },
    ]);
  });

  it("names an amount given as a number instead of a bigint of fen", () => {
    expect(validateQuotaLine(quotaLine({ amount: 100 as never }), fixtureContext())[0]?.message).toBe("amount must be a bigint of fen, not number 100");
  });
});
