import { describe, expect, it } from "vitest";
import { isPeriodLocked } from "../ledger/period-lock";
import { lockForPeriod } from "./lock-for-period";

describe("lockForPeriod", () => {
  it("closes January 2026 for every book", () => {
    expect(lockForPeriod("2026-01")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("closes Q1 2026 for the quota book only", () => {
    const lock = lockForPeriod("2026-Q1", "quota");
    expect(lock).toEqual({ from: "2026-01-01", to: "2026-03-31", book: "quota" });
    expect(isPeriodLocked([lock], "2026-03-31", "quota")).toBe(true);
    expect(isPeriodLocked([lock], "2026-03-31", "plan")).toBe(false);
    expect(isPeriodLocked([lock], "2026-04-01", "quota")).toBe(false);
  });

  it("closes a range 2026-01..2026-06", () => {
    expect(lockForPeriod("2026-01..2026-06")).toEqual({ from: "2026-01-01", to: "2026-06-30" });
  });

  it("throws CALENDAR_INVALID_PERIOD for 2026-M1", () => {
    expect(() => lockForPeriod("2026-M1")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_PERIOD" }));
  });
});
