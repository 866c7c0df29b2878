import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { divideFen } from "./divide-fen";
import { parseFen } from "./parse-fen";
import { ROUNDING_MODES, decimalRounding, roundToFen, type RoundingMode } from "./rounding-mode";

const withCode = (code: string) => expect.objectContaining({ code });

describe("ROUNDING_MODES", () => {
  it("lists the nine decimal.js modes, HALF_UP and HALF_EVEN included", () => {
    expect(ROUNDING_MODES).toHaveLength(9);
    expect(ROUNDING_MODES).toContain("ROUND_HALF_UP");
    expect(ROUNDING_MODES).toContain("ROUND_HALF_EVEN");
  });
});

describe("decimalRounding", () => {
  it("rejects an unknown name and prototype keys with MONEY_ROUNDING_INVALID", () => {
    for (const bad of ["HALF_UP", "toString", "__proto__"]) {
      expect(() => decimalRounding(bad as RoundingMode)).toThrow(
        withCode("MONEY_ROUNDING_INVALID"),
      );
    }
  });
});

describe("roundToFen", () => {
  // Yuan text with a third decimal, rounded to fen: the 0.005 cases of 四舍五入 vs banker's.
  it.each([
    ["0.005", 1n, 0n],
    ["0.015", 2n, 2n],
    ["0.025", 3n, 2n],
    ["0.035", 4n, 4n],
    ["0.0049", 0n, 0n],
    ["0.0051", 1n, 1n],
    ["-0.005", -1n, 0n],
    ["-0.015", -2n, -2n],
    ["-0.025", -3n, -2n],
    ["1234.565", 123457n, 123456n],
  ])("rounds %j yuan to %s fen half up and %s fen half even", (yuan, halfUp, halfEven) => {
    expect(parseFen(yuan, { rounding: "ROUND_HALF_UP" })).toBe(halfUp);
    expect(parseFen(yuan, { rounding: "ROUND_HALF_EVEN" })).toBe(halfEven);
  });

  const modes: readonly RoundingMode[] = [
    "ROUND_HALF_UP",
    "ROUND_HALF_EVEN",
    "ROUND_HALF_DOWN",
    "ROUND_HALF_CEIL",
    "ROUND_HALF_FLOOR",
    "ROUND_UP",
    "ROUND_DOWN",
    "ROUND_CEIL",
    "ROUND_FLOOR",
  ];
  it.each([
    // fen:      HALF_UP HALF_EVEN HALF_DOWN HALF_CEIL HALF_FLOOR UP DOWN CEIL FLOOR
    ["2.5", [3n, 2n, 2n, 3n, 2n, 3n, 2n, 3n, 2n]],
    ["-2.5", [-3n, -2n, -2n, -2n, -3n, -3n, -2n, -2n, -3n]],
    ["3.5", [4n, 4n, 3n, 4n, 3n, 4n, 3n, 4n, 3n]],
    ["2.4", [2n, 2n, 2n, 2n, 2n, 3n, 2n, 3n, 2n]],
    ["-2.6", [-3n, -3n, -3n, -3n, -3n, -3n, -2n, -2n, -3n]],
    ["7", [7n, 7n, 7n, 7n, 7n, 7n, 7n, 7n, 7n]],
  ] as const)("rounds %s fen in every mode", (fen, expected) => {
    modes.forEach((mode, i) => expect(roundToFen(D(fen), mode)).toBe(expected[i]));
  });

  it("rounds 2.5 fen from a division (5 fen ÷ 2) half up to 3 and half even to 2", () => {
    expect(divideFen(5n, 2n, { rounding: "ROUND_HALF_UP" })).toBe(3n);
    expect(divideFen(5n, 2n, { rounding: "ROUND_HALF_EVEN" })).toBe(2n);
    expect(divideFen(-5n, 2n, { rounding: "ROUND_HALF_UP" })).toBe(-3n);
    expect(divideFen(-5n, 2n, { rounding: "ROUND_HALF_EVEN" })).toBe(-2n);
  });
});
