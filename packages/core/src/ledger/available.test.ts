import { describe, expect, it } from "vitest";
import { ZERO_BALANCE } from "./account";
import { available } from "./available";

describe("available", () => {
  it("leaves 500.00 yuan of a 1,000.00 quota with 300.00 paid and 200.00 reserved", () => {
    expect(available({ ...ZERO_BALANCE, creditsPosted: 100_000n, debitsPosted: 30_000n, debitsPending: 20_000n })).toBe(50_000n);
  });
});
