import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays } from "./add-working-days";
import { CN_HOLIDAYS_2026 } from "./cn-holidays-2026";
import { createHolidayCalendar } from "./holiday-calendar";
import type { HolidayEntry } from "./holiday-calendar";
import { workingDaysBetween } from "./working-days-between";

// 国庆节 2026 as a fixture: off 1–7 October, worked Sunday 20 September and Saturday 10 October.
const national: HolidayEntry[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: "holiday" as const, name: "国庆节" })),
  { date: "2026-09-20", kind: "workday", name: "国庆节" },
  { date: "2026-10-10", kind: "workday", name: "国庆节" },
];
const calendar = createHolidayCalendar(national);

describe("addWorkingDays", () => {
  it("jumps from Wednesday 2026-09-30 over 国庆节 to Thursday 2026-10-08", () => {
    expect(addWorkingDays("2026-09-30", 1, calendar)).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 3, calendar)).toBe("2026-10-10");
    expect(addWorkingDays("2026-09-30", 4, calendar)).toBe("2026-10-12");
  });

  it("counts the 调休 Sunday 2026-09-20: Friday 09-18 plus one is Sunday 09-20", () => {
    expect(addWorkingDays("2026-09-18", 1, calendar)).toBe("2026-09-20");
    expect(addWorkingDays("2026-09-18", 2, calendar)).toBe("2026-09-21");
  });

  it("goes backwards: 2026-10-08 minus one is 2026-09-30, 2026-09-21 minus one is Sunday 2026-09-20", () => {
    expect(addWorkingDays("2026-10-08", -1, calendar)).toBe("2026-09-30");
    expect(addWorkingDays("2026-09-21", -1, calendar)).toBe("2026-09-20");
    expect(addWorkingDays("2026-09-21", -2, calendar)).toBe("2026-09-18");
  });

  it("returns the date itself for zero, even a holiday", () => {
    expect(addWorkingDays("2026-10-03", 0, calendar)).toBe("2026-10-03");
  });

  it("crosses the year end after 元旦 2026 to the worked Sunday 2026-01-04", () => {
    expect(addWorkingDays("2025-12-31", 1, createHolidayCalendar(CN_HOLIDAYS_2026))).toBe("2026-01-04");
  });

  it("is undone by workingDaysBetween for any working-day target in autumn 2026", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: -30, max: 30 }), (offset, n) => {
        const start = addWorkingDays("2026-08-03", offset, calendar);
        const target = addWorkingDays(start, n, calendar);
        expect(workingDaysBetween(start, target, calendar)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it("throws CALENDAR_INVALID_AMOUNT for 1.5 days", () => {
    expect(() => addWorkingDays("2026-09-30", 1.5, calendar)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_AMOUNT" }),
    );
  });

  it("throws CALENDAR_NO_WORKING_DAY when a list closes all of 2026 and 2027", () => {
    const closed: HolidayEntry[] = [];
    for (let i = 0; i < 730; i++) {
      const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      closed.push({ date: d, kind: "holiday", name: "closed" });
    }
    expect(() => addWorkingDays("2025-12-31", 1, createHolidayCalendar(closed))).toThrow(
      expect.objectContaining({ code: "CALENDAR_NO_WORKING_DAY" }),
    );
  });
});
