import { describe, expect, it } from "vitest";
import { isIsoDate } from "./is-iso-date";

describe("isIsoDate", () => {
  it("accepts 2024-02-29 and rejects 2026-02-29, 2026-2-1 and 0000-01-01", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(["2026-02-29", "2026-2-1", "0000-01-01", "2026-04-31", "2026-01-0a", 20260101].map(isIsoDate)).toEqual([
      false, false, false, false, false, false,
    ]);
  });
});
