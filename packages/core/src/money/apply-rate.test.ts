import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { applyRate } from "./apply-rate";

const withCode = (code: string) => expect.objectContaining({ code });

describe("applyRate", () => {
  it("takes 3% of 1,234.50 yuan as 37.04 yuan (37.035 rounded half up)", () => {
    expect(applyRate(123450n, "3%")).toBe(3704n);
    expect(applyRate(123450n, "0.03")).toBe(3704n);
  });

  it("rounds 6% of 0.25 yuan (1.5 fen) to 2 fen half up and half even, 1 fen down", () => {
    expect(applyRate(25n, "6%")).toBe(2n);
    expect(applyRate(25n, "6%", { rounding: "ROUND_HALF_EVEN" })).toBe(2n);
    expect(applyRate(25n, "6%", { rounding: "ROUND_DOWN" })).toBe(1n);
    expect(applyRate(25n, "6%", { rounding: "ROUND_UP" })).toBe(2n);
  });

  it("rounds 50% of 5 fen (2.5 fen) to 3 half up and 2 half even, and -5 fen to -3 / -2", () => {
    expect(applyRate(5n, "50%")).toBe(3n);
    expect(applyRate(5n, "50%", { rounding: "ROUND_HALF_EVEN" })).toBe(2n);
    expect(applyRate(-5n, "50%")).toBe(-3n);
    expect(applyRate(-5n, "50%", { rounding: "ROUND_HALF_EVEN" })).toBe(-2n);
  });

  it("applies a Decimal rate and a per-mille rate to a 10 billion yuan total", () => {
    expect(applyRate(1_000_000_000_000n, D("0.0005"))).toBe(500_000_000n);
    expect(applyRate(1_000_000_000_000n, "0.5‰")).toBe(500_000_000n);
  });

  it("rejects the JS number 100 as an amount with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => applyRate(100 as unknown as bigint, "3%")).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  it("rejects a 25-digit amount times a 20-digit rate with MONEY_PRECISION", () => {
    expect(() => applyRate(10n ** 24n + 1n, `0.${"1".repeat(20)}`)).toThrow(
      withCode("MONEY_PRECISION"),
    );
  });
});
