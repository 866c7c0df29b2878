import { describe, expect, it } from "vitest";
import { executionRate } from "./execution-rate";

describe("executionRate", () => {
  it("rounds 2/3 half up to 0.6667", () => expect(executionRate(2n, 3n)).toBe("0.6667"));
  it("rounds 0.00005 up to 0.0001", () => expect(executionRate(5n, 100_000n)).toBe("0.0001"));
  it("gives 0.75 with 2 decimals for 75,000 of 100,000 fen", () => expect(executionRate(75_000n, 100_000n, 2)).toBe("0.75"));
  it("gives 1 with 0 decimals for a fully executed line", () => expect(executionRate(7n, 7n, 0)).toBe("1"));
  it("gives 0.0000 for a zero amount", () => expect(executionRate(0n, 0n)).toBe("0.0000"));
  it("keeps the sign of a negative figure", () => expect(executionRate(-1n, 3n)).toBe("-0.3333"));
  it("rejects 13 decimals", () =>
    expect(() => executionRate(1n, 2n, 13)).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "executionRate: decimals must be an integer from 0 to 12, not number 13" }),
    ));
  it("names the number given for fen from plain JavaScript instead of a raw TypeError", () => {
    const untyped = executionRate as (...args: unknown[]) => string;
    expect(() => untyped(2, 3n)).toThrow(
      expect.objectContaining({ name: "JincaiError", code: "BUDGET_INVALID_AMOUNT", message: "executionRate: consumed must be a bigint of fen, not number 2" }),
    );
    expect(() => untyped(2n, 3)).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "executionRate: amount must be a bigint of fen, not number 3" }),
    );
  });
  it("rejects a negative amount in yuan", () =>
    expect(() => executionRate(1n, -500n)).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "executionRate: amount must not be negative, not -5.00" }),
    ));
});
