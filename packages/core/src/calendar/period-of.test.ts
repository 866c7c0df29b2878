import { describe, expect, it } from "vitest";
import { periodOf } from "./period-of";

describe("periodOf", () => {
  it("puts the 10th in 上旬, the 11th and 20th in 中旬, the 21st in 下旬", () => {
    expect(periodOf("2026-03-10", "xun")).toBe("2026-03-X1");
    expect(periodOf("2026-03-11", "xun")).toBe("2026-03-X2");
    expect(periodOf("2026-03-20", "xun")).toBe("2026-03-X2");
    expect(periodOf("2026-03-21", "xun")).toBe("2026-03-X3");
    expect(periodOf("2026-03-31", "xun")).toBe("2026-03-X3");
  });

  it("puts 29 February 2028 in February's 下旬", () => {
    expect(periodOf("2028-02-29", "xun")).toBe("2028-02-X3");
  });

  it("puts 31 March in Q1 and 1 April in Q2", () => {
    expect(periodOf("2026-03-31", "quarter")).toBe("2026-Q1");
    expect(periodOf("2026-04-01", "quarter")).toBe("2026-Q2");
    expect(periodOf("2026-12-31", "quarter")).toBe("2026-Q4");
  });

  it("puts 30 June in the first half year and 1 July in the second", () => {
    expect(periodOf("2026-06-30", "half")).toBe("2026-H1");
    expect(periodOf("2026-07-01", "half")).toBe("2026-H2");
  });

  it("gives the month, the year and the day itself", () => {
    expect(periodOf("2026-05-31", "month")).toBe("2026-05");
    expect(periodOf("2026-05-31", "year")).toBe("2026");
    expect(periodOf("2026-05-31", "day")).toBe("2026-05-31");
  });

  it("throws CALENDAR_INVALID_DATE for 2026-02-29", () => {
    expect(() => periodOf("2026-02-29", "xun")).toThrow(expect.objectContaining({ code: "CALENDAR_INVALID_DATE" }));
  });
});
