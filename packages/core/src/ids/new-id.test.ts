import { describe, expect, it } from "vitest";
import { fixedClock } from "../time/clock";
import { createIdGenerator } from "./new-id";

describe("createIdGenerator", () => {
  it("makes 26-character Crockford ids that sort in creation order within one millisecond", () => {
    const next = createIdGenerator(fixedClock("2026-01-01"));
    const ids = Array.from({ length: 1000 }, () => next());
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it("sorts by time across milliseconds", () => {
    const clock = fixedClock("2026-01-01");
    const next = createIdGenerator(clock, { random: (b) => b.fill(255) });
    const a = next();
    clock.advance(1);
    const b = next();
    expect(a < b).toBe(true);
  });

  it("increments the random part within one millisecond", () => {
    const next = createIdGenerator(fixedClock("2026-01-01"), { random: (b) => b.fill(254) });
    const a = next();
    const b = next();
    expect(a < b).toBe(true);
  });
});
