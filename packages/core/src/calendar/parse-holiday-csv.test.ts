import { describe, expect, it } from "vitest";
import { holidayEntriesFromRows, parseHolidayCsv } from "./parse-holiday-csv";

describe("parseHolidayCsv", () => {
  it("reads a header, a BOM, comments, blank lines and Chinese kinds", () => {
    const text = "\uFEFFdate,kind,name\n# 2027 元旦\n2027-01-01,holiday,元旦\n\n2027-01-04,班,元旦\n";
    expect(parseHolidayCsv(text)).toEqual([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2027-01-04", kind: "workday", name: "元旦" },
    ]);
  });

  it("throws CALENDAR_HOLIDAY_ROW_INVALID listing lines 2 and 3", () => {
    const text = "日期,类型,名称\n2027-02-30,holiday,春节\n2027-02-06,rest,春节\n2027-02-07,休,春节\n";
    try {
      parseHolidayCsv(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "CALENDAR_HOLIDAY_ROW_INVALID" });
      expect((e as { details: { issues: { line: number }[] } }).details.issues.map((i) => i.line)).toEqual([2, 3]);
    }
  });
});

describe("holidayEntriesFromRows", () => {
  it("turns rows with 上班 and 放假 into entries", () => {
    expect(holidayEntriesFromRows([["2026-10-10", "上班", "国庆节"], [" 2026-10-01 ", "放假", "国庆节"]])).toEqual([
      { date: "2026-10-10", kind: "workday", name: "国庆节" },
      { date: "2026-10-01", kind: "holiday", name: "国庆节" },
    ]);
  });

  it("throws CALENDAR_HOLIDAY_ROW_INVALID for a row without a kind", () => {
    expect(() => holidayEntriesFromRows([["2026-10-01"]])).toThrow(
      expect.objectContaining({ code: "CALENDAR_HOLIDAY_ROW_INVALID" }),
    );
  });
});
