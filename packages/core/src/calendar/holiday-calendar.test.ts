import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "./holiday-calendar";

describe("createHolidayCalendar", () => {
  it("sorts entries, finds them by date and covers the years they fall in", () => {
    const calendar = createHolidayCalendar([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2026-10-10", kind: "workday", name: "国庆节" },
    ]);
    expect(calendar.entries.map((e) => e.date)).toEqual(["2026-10-10", "2027-01-01"]);
    expect(calendar.entryOf("2026-10-10")).toEqual({ date: "2026-10-10", kind: "workday", name: "国庆节" });
    expect(calendar.entryOf("2026-10-11")).toBeUndefined();
    expect(calendar.years).toEqual([2026, 2027]);
    expect(calendar.strict).toBe(false);
  });

  it("throws CALENDAR_HOLIDAY_DUPLICATE when 2026-10-01 appears twice", () => {
    const entry = { date: "2026-10-01", kind: "holiday", name: "国庆节" } as const;
    expect(() => createHolidayCalendar([entry, entry])).toThrow(
      expect.objectContaining({ code: "CALENDAR_HOLIDAY_DUPLICATE" }),
    );
  });

  it("throws CALENDAR_INVALID_DATE for 2026-02-30 and CALENDAR_HOLIDAY_ROW_INVALID for kind rest", () => {
    expect(() => createHolidayCalendar([{ date: "2026-02-30", kind: "holiday", name: "x" }])).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }),
    );
    const bad = { date: "2026-02-20", kind: "rest", name: "x" } as unknown as { date: string; kind: "holiday"; name: string };
    expect(() => createHolidayCalendar([bad])).toThrow(expect.objectContaining({ code: "CALENDAR_HOLIDAY_ROW_INVALID" }));
  });
});
