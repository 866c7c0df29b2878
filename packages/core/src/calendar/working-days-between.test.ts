import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "./holiday-calendar";
import { workingDaysBetween } from "./working-days-between";

const calendar = createHolidayCalendar([
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: "holiday" as const, name: "国庆节" })),
  { date: "2026-09-20", kind: "workday", name: "国庆节" },
  { date: "2026-10-10", kind: "workday", name: "国庆节" },
]);

describe("workingDaysBetween", () => {
  it("counts one working day from 2026-09-30 to 2026-10-08 across 国庆节", () => {
    expect(workingDaysBetween("2026-09-30", "2026-10-08", calendar)).toBe(1);
  });

  it("counts the 调休 Sunday: 2026-09-18 to 2026-09-21 is two working days", () => {
    expect(workingDaysBetween("2026-09-18", "2026-09-21", calendar)).toBe(2);
  });

  it("is negative backwards and zero for the same day", () => {
    expect(workingDaysBetween("2026-10-08", "2026-09-30", calendar)).toBe(-1);
    expect(workingDaysBetween("2026-10-08", "2026-10-08", calendar)).toBe(0);
  });

  it("counts 5 working days in a plain week, 2026-11-06 (Fri) to 2026-11-13 (Fri)", () => {
    expect(workingDaysBetween("2026-11-06", "2026-11-13", calendar)).toBe(5);
  });

  it("throws CALENDAR_INVALID_DATE for 2026-11-31", () => {
    expect(() => workingDaysBetween("2026-11-01", "2026-11-31", calendar)).toThrow(
      expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }),
    );
  });
});
