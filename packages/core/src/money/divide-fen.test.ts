import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { divideFen } from "./divide-fen";

const withCode = (code: string) => expect.objectContaining({ code });

describe("divideFen", () => {
  it("divides 1.00 yuan by 3 into 33 fen, by 6 into 17 fen half up", () => {
    expect(divideFen(100n, 3n)).toBe(33n);
    expect(divideFen(100n, 6n)).toBe(17n);
    expect(divideFen(100n, 6n, { rounding: "ROUND_DOWN" })).toBe(16n);
  });

  it("divides 120,000.00 yuan by 12 months into 10,000.00 yuan", () => {
    expect(divideFen(12_000_000n, "12")).toBe(1_000_000n);
  });

  it("divides by a decimal factor of 1.5 and by a Decimal 0.25", () => {
    expect(divideFen(100n, "1.5")).toBe(67n);
    expect(divideFen(100n, D("0.25"))).toBe(400n);
  });

  it("rounds exact halves of huge amounts exactly: (10^30 + 1) fen ÷ 2", () => {
    expect(divideFen(10n ** 30n + 1n, 2n)).toBe(5n * 10n ** 29n + 1n);
    expect(divideFen(10n ** 30n + 1n, 2n, { rounding: "ROUND_HALF_EVEN" })).toBe(5n * 10n ** 29n);
  });

  it("rejects division by zero with MONEY_DIVISION_BY_ZERO", () => {
    expect(() => divideFen(100n, 0n)).toThrow(withCode("MONEY_DIVISION_BY_ZERO"));
    expect(() => divideFen(100n, "0.00")).toThrow(withCode("MONEY_DIVISION_BY_ZERO"));
  });

  it("rejects the JS number 3 as a divisor with MONEY_DECIMAL_INVALID", () => {
    expect(() => divideFen(100n, 3 as unknown as bigint)).toThrow(
      withCode("MONEY_DECIMAL_INVALID"),
    );
  });

  it("rejects the JS number 100 as an amount with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => divideFen(100 as unknown as bigint, 3n)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  it("rejects 10^40 fen ÷ 7 with MONEY_PRECISION: a 40-digit quotient could round wrongly", () => {
    expect(divideFen(10n ** 39n, 7n)).toBe(142857142857142857142857142857142857143n);
    expect(() => divideFen(10n ** 40n, 7n)).toThrow(withCode("MONEY_PRECISION"));
  });
});
