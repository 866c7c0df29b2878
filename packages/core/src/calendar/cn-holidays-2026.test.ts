import { getDay } from "date-fns";
import { describe, expect, it } from "vitest";
import { CN_HOLIDAYS_2026 } from "./cn-holidays-2026";
import { createHolidayCalendar } from "./holiday-calendar";
import { _toDate } from "./iso-date";

describe("CN_HOLIDAYS_2026", () => {
  it("builds a calendar: valid 2026 dates, none twice", () => {
    const calendar = createHolidayCalendar(CN_HOLIDAYS_2026);
    expect(calendar.years).toEqual([2026]);
  });

  it("has 33 days off in seven breaks and six worked weekend days", () => {
    const off = CN_HOLIDAYS_2026.filter((e) => e.kind === "holiday");
    const count = (name: string) => off.filter((e) => e.name === name).length;
    expect([count("元旦"), count("春节"), count("清明节"), count("劳动节")]).toEqual([3, 9, 3, 5]);
    expect([count("端午节"), count("中秋节"), count("国庆节")]).toEqual([3, 3, 7]);
    const worked = CN_HOLIDAYS_2026.filter((e) => e.kind === "workday");
    expect(worked.map((e) => e.date)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    for (const e of worked) expect([0, 6]).toContain(getDay(_toDate(e.date)));
  });
});
