import { describe, expect, it } from "vitest";
import { parsePeriod } from "./period";

describe("parsePeriod", () => {
  it("reads 2026-Q1 as 1 January to 31 March", () => {
    expect(parsePeriod("2026-Q1")).toEqual({
      kind: "quarter",
      key: "2026-Q1",
      year: 2026,
      from: "2026-01-01",
      to: "2026-03-31",
      label: "2026年第1季度",
    });
  });

  it("reads quarter boundaries: Q2 ends 30 June, Q3 ends 30 September, Q4 ends 31 December", () => {
    expect(parsePeriod("2026-Q2")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(parsePeriod("2026q3")).toMatchObject({ key: "2026-Q3", from: "2026-07-01", to: "2026-09-30" });
    expect(parsePeriod("2026-Q4")).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("reads a month and a whole year", () => {
    expect(parsePeriod("2026-02")).toMatchObject({ kind: "month", from: "2026-02-01", to: "2026-02-28", label: "2026年2月" });
    expect(parsePeriod("2026")).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
  });

  it("ends 下旬 of February on the 28th in 2026 and on the 29th in 2028", () => {
    expect(parsePeriod("2026-02-X3")).toMatchObject({ from: "2026-02-21", to: "2026-02-28" });
    expect(parsePeriod("2028-02-下旬")).toMatchObject({ key: "2028-02-X3", from: "2028-02-21", to: "2028-02-29" });
  });

  it("ends 下旬 of a 31-day month on the 31st and 中旬 on the 20th", () => {
    expect(parsePeriod("2026-03-X3")).toMatchObject({ from: "2026-03-21", to: "2026-03-31", label: "2026年3月下旬" });
    expect(parsePeriod("2026-03-中旬")).toMatchObject({ key: "2026-03-X2", from: "2026-03-11", to: "2026-03-20" });
    expect(parsePeriod("2026-03-x1")).toMatchObject({ from: "2026-03-01", to: "2026-03-10" });
  });

  it("reads a single day as a one-day period", () => {
    expect(parsePeriod("2026-03-15")).toMatchObject({ kind: "day", from: "2026-03-15", to: "2026-03-15" });
  });

  it("reads the half years of a 半年报: 2026-H1 is January to June, 2026-H2 July to December", () => {
    expect(parsePeriod("2026-H1")).toEqual({ kind: "half", key: "2026-H1", year: 2026, from: "2026-01-01", to: "2026-06-30", label: "2026年上半年" });
    expect(parsePeriod("2026h2")).toMatchObject({ key: "2026-H2", from: "2026-07-01", to: "2026-12-31", label: "2026年下半年" });
  });

  it.each([
    ["2026年", "2026"],
    ["2026年上半年", "2026-H1"],
    ["2026年下半年", "2026-H2"],
    ["2026年第一季度", "2026-Q1"],
    ["2026年第3季度", "2026-Q3"],
    ["2026年四季度", "2026-Q4"],
    ["2026年3月", "2026-03"],
    ["2026年12月", "2026-12"],
    ["2026年3月上旬", "2026-03-X1"],
    ["2026年3月15日", "2026-03-15"],
  ])("reads the report spelling %s as %s", (text, key) => {
    expect(parsePeriod(text).key).toBe(key);
  });

  it("throws CALENDAR_INVALID_PERIOD for 2026-13, 2026-Q5, 2026-03-X4, 2026-02-30 and a range", () => {
    for (const bad of ["2026-13", "2026-Q5", "2026-H3", "2026-03-X4", "2026-02-30", "", "March", "2026-01..2026-02", "2026年13月", "2026年第五季度", "2026年2月30日"]) {
      expect(() => parsePeriod(bad)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_PERIOD" }));
    }
  });
});
