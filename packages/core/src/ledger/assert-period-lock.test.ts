import { describe, expect, it } from "vitest";
import { assertPeriodLock } from "./assert-period-lock";

describe("assertPeriodLock", () => {
  it("throws PERIOD_LOCK_INVALID for 2026-02-30 or an empty book", () => {
    expect(() => assertPeriodLock({ from: "2026-02-01", to: "2026-02-30" })).toThrow(expect.objectContaining({ code: "PERIOD_LOCK_INVALID" }));
    expect(() => assertPeriodLock({ from: "2026-02-01", to: "2026-02-28", book: "" })).toThrow(expect.objectContaining({ code: "PERIOD_LOCK_INVALID" }));
    expect(() => assertPeriodLock({ from: "2026-02-01", to: "2026-02-28", book: "quota" })).not.toThrow();
  });
});
