import { describe, expect, it } from "vitest";
import { formatInUnit } from "./format-in-unit";
import { parseFen } from "./parse-fen";

describe("formatInUnit", () => {
  it.each([
    [12_845_678n, "万元", "12.85"],
    [12_845_000n, "万元", "12.85"],
    [12_844_999n, "万元", "12.84"],
    [-12_845_000n, "万元", "-12.85"],
    [123_456_789_00n, "万元", "12,345.68"],
    [49n, "万元", "0.00"],
    [123456n, "元", "1,234.56"],
    [150_000_000_000n, "亿元", "15.00"],
    [700_000n, "千元", "7.00"],
  ] as const)("shows %s fen in %s as %s (四舍五入)", (fen, unit, text) => {
    expect(formatInUnit(fen, unit)).toBe(text);
  });

  it("shows more decimals, exactly when the unit has them", () => {
    expect(formatInUnit(12_345_678_900n, "万元", { decimals: 4 })).toBe("12,345.6789");
    expect(formatInUnit(123456n, "元", { decimals: 4, grouping: false })).toBe("1234.5600");
    expect(formatInUnit(12_345_000n, "万元", { decimals: 0 })).toBe("12");
  });

  it("rounds as asked", () => {
    expect(formatInUnit(12_845_000n, "万元", { rounding: "ROUND_HALF_EVEN" })).toBe("12.84");
    expect(formatInUnit(12_849_999n, "万元", { rounding: "ROUND_DOWN" })).toBe("12.84");
  });

  it("gives back the fen when every decimal of the unit is shown", () => {
    for (const fen of [0n, 1n, -1n, 12_345_678_901n]) expect(parseFen(formatInUnit(fen, "万元", { decimals: 6 }), { unit: "万元" })).toBe(fen);
  });
});
