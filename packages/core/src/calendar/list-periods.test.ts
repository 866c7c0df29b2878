import { describe, expect, it } from "vitest";
import { listPeriods } from "./list-periods";

describe("listPeriods", () => {
  it("lists the four quarters of 2026", () => {
    expect(listPeriods(2026, "quarter").map((p) => p.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  it("lists 36 旬 of 2028 that tile the year without gaps", () => {
    const xun = listPeriods(2028, "xun");
    expect(xun).toHaveLength(36);
    expect(xun[0]).toMatchObject({ key: "2028-01-X1", from: "2028-01-01" });
    expect(xun[5]).toMatchObject({ key: "2028-02-X3", from: "2028-02-21", to: "2028-02-29" });
    expect(xun[35]).toMatchObject({ key: "2028-12-X3", to: "2028-12-31" });
    const days = listPeriods(2028, "day");
    expect(days).toHaveLength(366);
    expect(xun.map((p) => p.from)).toEqual(days.filter((d) => ["01", "11", "21"].includes(d.key.slice(8))).map((d) => d.key));
  });

  it("lists 12 months, one year and 365 days of 2026", () => {
    expect(listPeriods(2026, "month").map((p) => p.to)).toContain("2026-02-28");
    expect(listPeriods(2026, "year")).toHaveLength(1);
    expect(listPeriods(2026, "day")).toHaveLength(365);
  });

  it("lists the two half years of 2026, which tile it", () => {
    expect(listPeriods(2026, "half").map((p) => [p.from, p.to])).toEqual([["2026-01-01", "2026-06-30"], ["2026-07-01", "2026-12-31"]]);
  });

  it("throws CALENDAR_INVALID_YEAR for 2026.5", () => {
    expect(() => listPeriods(2026.5, "month")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_YEAR" }));
  });
});
