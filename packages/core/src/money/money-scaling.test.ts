import { describe, expect, it } from "vitest";
import { money } from "./money";
import { allocateMoney, divideMoney, multiplyMoney } from "./money-scaling";

const withCode = (code: string) => expect.objectContaining({ code });

describe("multiplyMoney", () => {
  it("takes 3% of 1,234.50 USD as 37.04 USD", () => {
    expect(multiplyMoney(money(123450n, "USD"), "3%")).toEqual(money(3704n, "USD"));
  });

  it("rounds 50% of 0.05 yuan half even to 0.02 yuan", () => {
    expect(multiplyMoney(money(5n), "0.5", { rounding: "ROUND_HALF_EVEN" })).toEqual(money(2n));
  });
});

describe("divideMoney", () => {
  it("divides 1.00 yuan by 3 into 0.33 yuan", () => {
    expect(divideMoney(money(100n), 3n)).toEqual(money(33n));
  });

  it("rejects division by zero with MONEY_DIVISION_BY_ZERO", () => {
    expect(() => divideMoney(money(100n), "0")).toThrow(withCode("MONEY_DIVISION_BY_ZERO"));
  });
});

describe("allocateMoney", () => {
  it("splits 1.00 yuan by 1:2 into 0.33 and 0.67 yuan", () => {
    expect(allocateMoney(money(100n), [1n, 2n])).toEqual([money(33n), money(67n)]);
  });

  it("rejects all-zero weights with MONEY_ALLOCATE_WEIGHTS", () => {
    expect(() => allocateMoney(money(100n), [0n])).toThrow(withCode("MONEY_ALLOCATE_WEIGHTS"));
  });
});
