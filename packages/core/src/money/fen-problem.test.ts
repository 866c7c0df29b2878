import { describe, expect, it } from "vitest";
import { fenProblem } from "./fen-problem";

describe("fenProblem", () => {
  it("names a JS number, a string, null and undefined given for an amount of fen", () => {
    expect(fenProblem(100)).toBe("amount must be a bigint of fen, not number 100");
    expect(fenProblem("5", "limit")).toBe('limit must be a bigint of fen, not string "5"');
    expect(fenProblem(null)).toBe("amount must be a bigint of fen, not null");
    expect(fenProblem(undefined)).toBe("amount must be a bigint of fen, not undefined");
  });

  it("shows a zero or negative bigint in yuan", () => {
    expect(fenProblem(0n)).toBe("amount must be greater than zero, not 0.00");
    expect(fenProblem(-500n, "refund")).toBe("refund must be greater than zero, not -5.00");
  });
});
