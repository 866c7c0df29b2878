import { describe, expect, it } from "vitest";
import { AMOUNT_UNITS, amountUnitDecimals, amountUnitNames, findAmountUnit } from "./amount-unit";

describe("amount units", () => {
  it.each([
    ["元", "元"],
    ["人民币元", "元"],
    ["万元", "万元"],
    [" 人民币 万元 ", "万元"],
    ["10k yuan", "万元"],
    ["10,000 Yuan", "万元"],
    ["千元", "千元"],
    ["百万元", "百万元"],
    ["亿元", "亿元"],
    ["Yuan", "元"],
    // A money table's 单位：万 (and 金额（万）) means 万元.
    ["万", "万元"],
    ["亿", "亿元"],
  ] as const)("finds %j as %s", (name, unit) => {
    expect(findAmountUnit(name)).toBe(unit);
  });

  it.each(["美元", "千万", "%", "", "个"])("finds no unit in %j", (name) => {
    expect(findAmountUnit(name)).toBeUndefined();
  });

  it("gives each unit the decimals that keep it exact to the fen", () => {
    expect(AMOUNT_UNITS.map((u) => [u.unit, amountUnitDecimals(u.unit)])).toEqual([
      ["元", 2], ["千元", 5], ["万元", 6], ["百万元", 8], ["亿元", 10],
    ]);
    expect(amountUnitNames()).toBe("元, 千元, 万元, 百万元, 亿元");
  });
});
