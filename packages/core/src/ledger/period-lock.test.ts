import { describe, expect, it } from "vitest";
import { firstOpenDay, isPeriodLocked } from "./period-lock";

const jan = { from: "2026-01-01", to: "2026-01-31" };
const febQuota = { from: "2026-02-01", to: "2026-02-28", book: "quota" };

describe("isPeriodLocked", () => {
  it("closes a day for every book, or for its own book only", () => {
    expect(isPeriodLocked([jan], "2026-01-15", "quota")).toBe(true);
    expect(isPeriodLocked([febQuota], "2026-02-15", "plan")).toBe(false);
  });
});

describe("firstOpenDay", () => {
  it("finds the first day no lock covers, across locks that follow one another or overlap", () => {
    expect(firstOpenDay([jan], "2026-01-01", "2026-03-31")).toBe("2026-02-01");
    expect(firstOpenDay([jan, febQuota], "2026-01-01", "2026-03-31", "quota")).toBe("2026-03-01");
    expect(firstOpenDay([jan, { from: "2026-01-20", to: "2026-02-10" }], "2026-01-01", "2026-02-28")).toBe("2026-02-11");
    expect(firstOpenDay([jan], "2026-01-01", "2026-01-31")).toBeUndefined();
  });

  it("counts a book's lock only for that book, and without a book only locks of every book", () => {
    expect(firstOpenDay([febQuota], "2026-02-01", "2026-02-28", "plan")).toBe("2026-02-01");
    expect(firstOpenDay([febQuota], "2026-02-01", "2026-02-28")).toBe("2026-02-01");
  });

  it("has no open day in an empty range", () => {
    expect(firstOpenDay([], "2026-01-01", "2025-12-31")).toBeUndefined();
  });
});
