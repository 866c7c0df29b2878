import { describe, expect, it } from "vitest";
import { periodRange } from "./period-range";

describe("periodRange", () => {
  it("covers January to June for 2026-01..2026-06", () => {
    expect(periodRange("2026-01..2026-06")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
  });

  it("covers one period given alone", () => {
    expect(periodRange("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodRange("2026-02-X3")).toEqual({ from: "2026-02-21", to: "2026-02-28" });
  });

  it("mixes kinds: 2026-01..2026-Q2 and a day range", () => {
    expect(periodRange("2026-01..2026-Q2")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(periodRange("2026-01-15..2026-02-10")).toEqual({ from: "2026-01-15", to: "2026-02-10" });
  });

  it("reads a span of months and a year as reports write them: 2026年1-3月, 2026年1月至6月, 2026年度", () => {
    for (const text of ["2026年1-3月", "2026年1月-3月", "2026年1至3月", "2026年01月～03月"]) {
      expect(periodRange(text), text).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    }
    expect(periodRange("2026年1月至6月")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(periodRange("2026年度")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(() => periodRange("2026年3-1月")).toThrow(expect.objectContaining({ code: "CALENDAR_PERIOD_RANGE_REVERSED" }));
  });

  it("accepts a range that starts and ends in the same month", () => {
    expect(periodRange("2026-03..2026-03")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
  });

  it("throws CALENDAR_PERIOD_RANGE_REVERSED for 2026-06..2026-01", () => {
    expect(() => periodRange("2026-06..2026-01")).toThrow(
      expect.objectContaining({ code: "CALENDAR_PERIOD_RANGE_REVERSED" }),
    );
  });

  it("throws CALENDAR_INVALID_PERIOD for an open end, a bad end and two ranges", () => {
    for (const bad of ["2026-01..", "..2026-06", "2026-01..2026-13", "2026-01..2026-02..2026-03", "2026-01...2026-02"]) {
      expect(() => periodRange(bad)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_PERIOD" }));
    }
  });
});
