import { describe, expect, it } from "vitest";
import { assertIsoDate, isIsoDate, addCalendarDays } from "./iso-date";

describe("isIsoDate", () => {
  it("accepts 29 February 2028 and rejects 29 February 2026", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
  });

  it("rejects unpadded, out-of-range and non-string input", () => {
    for (const bad of ["2026-3-1", "2026-13-01", "2026-04-31", "2026-00-10", "0000-01-01", "20260301", 20260301]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});

describe("isIsoDate on the ledger's inputs", () => {
  it("accepts 2024-02-29 and rejects 2026-02-29, 2026-2-1, 0000-01-01, 2026-04-31, 2026-01-0a and a number", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(["2026-02-29", "2026-2-1", "0000-01-01", "2026-04-31", "2026-01-0a", 20260101].map(isIsoDate)).toEqual([
      false, false, false, false, false, false,
    ]);
  });
});

describe("addCalendarDays", () => {
  it("steps back over the end of February and forward over the new year", () => {
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("throws CALENDAR_INVALID_DATE for 2026-02-30", () => {
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });

  it("refuses 1.5 days instead of rounding, and a day count given as text", () => {
    expect(() => addCalendarDays("2026-03-01", 1.5)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_AMOUNT", message: "the number of days must be an integer, not number 1.5" }),
    );
    expect(() => addCalendarDays("2026-03-01", "1" as unknown as number)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_AMOUNT", message: "the number of days must be an integer, not string 1" }),
    );
  });

  it("refuses a count that leaves the years 1–9999", () => {
    expect(() => addCalendarDays("9999-12-31", 1)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_AMOUNT", message: "9999-12-31 plus 1 days is outside the years 1–9999" }),
    );
  });
});

describe("assertIsoDate", () => {
  it("returns 2026-03-31 unchanged", () => {
    expect(assertIsoDate("2026-03-31")).toBe("2026-03-31");
  });

  it("throws CALENDAR_INVALID_DATE for 2026-04-31", () => {
    expect(() => assertIsoDate("2026-04-31")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});
