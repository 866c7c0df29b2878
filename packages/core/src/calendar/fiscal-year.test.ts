import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearRange } from "./fiscal-year";

describe("fiscalYearOf", () => {
  it("puts 31 December 2026 in fiscal year 2026 under China's calendar-year budget", () => {
    expect(fiscalYearOf("2026-12-31")).toBe(2026);
    expect(fiscalYearOf("2027-01-01")).toBe(2027);
  });

  it("puts 31 March 2026 in fiscal year 2025 when the year starts in April", () => {
    expect(fiscalYearOf("2026-03-31", { startMonth: 4 })).toBe(2025);
    expect(fiscalYearOf("2026-04-01", { startMonth: 4 })).toBe(2026);
  });

  it("names an October-to-September year by its end when naming is end", () => {
    expect(fiscalYearOf("2025-10-01", { startMonth: 10, naming: "end" })).toBe(2026);
    expect(fiscalYearOf("2026-09-30", { startMonth: 10, naming: "end" })).toBe(2026);
  });

  it("throws CALENDAR_INVALID_START_MONTH for start month 13", () => {
    expect(() => fiscalYearOf("2026-01-01", { startMonth: 13 })).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_START_MONTH" }),
    );
  });

  it("throws CALENDAR_INVALID_DATE for 2026-02-30", () => {
    expect(() => fiscalYearOf("2026-02-30")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});

describe("fiscalYearRange", () => {
  it("spans 1 January to 31 December 2026 by default", () => {
    expect(fiscalYearRange(2026)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("spans April 2027 to the leap day's March 2028 when the year starts in April", () => {
    expect(fiscalYearRange(2027, { startMonth: 4 })).toEqual({ from: "2027-04-01", to: "2028-03-31" });
  });

  it("spans October 2025 to September 2026 for fiscal year 2026 named by its end", () => {
    expect(fiscalYearRange(2026, { startMonth: 10, naming: "end" })).toEqual({ from: "2025-10-01", to: "2026-09-30" });
  });
});
