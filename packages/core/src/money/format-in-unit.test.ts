import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMOUNT_UNITS, amountUnitDecimals } from "./amount-unit";
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

  it("gives back the fen of any amount in any unit when every decimal of the unit is shown", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.constantFrom(...AMOUNT_UNITS.map((u) => u.unit)), (fen, unit) => {
        expect(parseFen(formatInUnit(fen, unit, { decimals: amountUnitDecimals(unit) }), { unit })).toBe(fen);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds to within half a shown unit of the exact amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (fen) => {
        const shown = parseFen(formatInUnit(fen, "万元"), { unit: "万元" });
        const step = 10_000n; // 0.01 万元 in fen
        const diff = shown > fen ? shown - fen : fen - shown;
        expect(diff * 2n <= step).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
