import { describe, expect, it } from "vitest";
import { assertIsoDate, isIsoDate } from "./iso-date";

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

describe("assertIsoDate", () => {
  it("returns 2026-03-31 unchanged", () => {
    expect(assertIsoDate("2026-03-31")).toBe("2026-03-31");
  });

  it("throws CALENDAR_INVALID_DATE for 2026-04-31", () => {
    expect(() => assertIsoDate("2026-04-31")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});
