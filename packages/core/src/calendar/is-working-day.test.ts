import { describe, expect, it } from "vitest";
import { CN_HOLIDAYS_2026 } from "./cn-holidays-2026";
import { createHolidayCalendar } from "./holiday-calendar";
import { isWorkingDay } from "./is-working-day";

const calendar = createHolidayCalendar([
  { date: "2026-10-01", kind: "holiday", name: "国庆节" },
  { date: "2026-10-05", kind: "holiday", name: "国庆节" },
  { date: "2026-09-20", kind: "workday", name: "国庆节" },
]);

describe("isWorkingDay", () => {
  it("works Monday 2026-09-21 and rests Saturday 2026-09-19 by the plain week", () => {
    expect(isWorkingDay("2026-09-21", calendar)).toBe(true);
    expect(isWorkingDay("2026-09-19", calendar)).toBe(false);
  });

  it("rests Monday 2026-10-05 (国庆节) and works Sunday 2026-09-20 (调休)", () => {
    expect(isWorkingDay("2026-10-05", calendar)).toBe(false);
    expect(isWorkingDay("2026-09-20", calendar)).toBe(true);
  });

  it("follows the shipped 2026 list: 2026-02-16 (除夕) off, Saturday 2026-02-28 worked", () => {
    const cn = createHolidayCalendar(CN_HOLIDAYS_2026);
    expect(isWorkingDay("2026-02-16", cn)).toBe(false);
    expect(isWorkingDay("2026-02-28", cn)).toBe(true);
  });

  it("throws CALENDAR_YEAR_NOT_COVERED for 2027-01-04 on a strict 2026 calendar", () => {
    const strict = createHolidayCalendar(CN_HOLIDAYS_2026, { strict: true });
    expect(isWorkingDay("2026-12-31", strict)).toBe(true);
    expect(() => isWorkingDay("2027-01-04", strict)).toThrow(expect.objectContaining({ code: "CALENDAR_YEAR_NOT_COVERED" }));
  });

  it("throws CALENDAR_INVALID_DATE for 2026-09-31", () => {
    expect(() => isWorkingDay("2026-09-31", calendar)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});
