import { describe, expect, it } from "vitest";
import { fixedClock, isoNow, systemClock, todayOf } from "./clock";

describe("fixedClock", () => {
  it("stays at its instant until advanced", () => {
    const clock = fixedClock("2026-03-01");
    expect(isoNow(clock)).toBe("2026-03-01T00:00:00.000Z");
    clock.advance(86_400_000);
    expect(todayOf(clock)).toBe("2026-03-02");
    clock.set(0);
    expect(clock.now()).toBe(0);
  });

  it("rejects a string that is not a date, and a number that is not one, with CALENDAR_INVALID_DATE", () => {
    expect(() => fixedClock("31/12/2026")).toThrow(
      expect.objectContaining({
        name: "JincaiError",
        code: "CALENDAR_INVALID_DATE",
        message: 'a clock needs an ISO date, date-time or epoch milliseconds, not string "31/12/2026"',
      }),
    );
    expect(() => fixedClock(Number.NaN)).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
    expect(() => fixedClock("2026-03-01").set("soon")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});

describe("todayOf", () => {
  it("gives the Beijing calendar date", () => {
    expect(todayOf(fixedClock("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(todayOf(fixedClock("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
  });
});

describe("systemClock", () => {
  it("reads the machine time", () => {
    const before = Date.now();
    const t = systemClock().now();
    expect(t).toBeGreaterThanOrEqual(before);
  });
});
