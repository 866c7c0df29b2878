import { describe, expect, it } from "vitest";
import { assertInFiscalYear, isInFiscalYear } from "./assert-in-fiscal-year";

describe("the fiscal year of a quota line (the calendar year)", () => {
  it("runs from 1 January to 31 December", () => {
    expect(isInFiscalYear("2026-01-01", 2026)).toBe(true);
    expect(isInFiscalYear("2026-12-31", 2026)).toBe(true);
    expect(isInFiscalYear("2025-12-31", 2026)).toBe(false);
    expect(isInFiscalYear("2027-01-01", 2026)).toBe(false);
  });

  it("names the quota, the date and the year's days when a movement falls outside", () => {
    expect(() => assertInFiscalYear("2027-01-04", 2026, { quotaId: "ZB001" })).toThrow(
      expect.objectContaining({
        code: "BUDGET_OUTSIDE_FISCAL_YEAR",
        message: "the movement is dated 2027-01-04, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota ZB001",
        details: { quotaId: "ZB001", field: "date", date: "2027-01-04", fiscalYear: 2026, from: "2026-01-01", to: "2026-12-31" },
      }),
    );
    expect(() => assertInFiscalYear("2026-06-30", 2026, { quotaId: "ZB001" })).not.toThrow();
  });
});
