import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { D, Dec } from "./decimal";

const withCode = (code: string) => expect.objectContaining({ code });

describe("Dec", () => {
  it("keeps 40 significant digits and rounds half up, independent of the global Decimal", () => {
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
    expect(new Dec(1).div(3).toString()).toBe(`0.${"3".repeat(40)}`);
  });

  it("adds 0.1 and 0.2 to exactly 0.3", () => {
    expect(new Dec("0.1").plus("0.2").toString()).toBe("0.3");
  });
});

describe("D", () => {
  it.each([
    ["1234.56", "1234.56"],
    ["-0.03", "-0.03"],
    ["+7", "7"],
    ["0012.500", "12.5"],
  ])("reads %j as %s", (text, value) => {
    expect(D(text).toString()).toBe(value);
  });

  it("reads 123n and a foreign Decimal into a Dec", () => {
    expect(D(123n).toString()).toBe("123");
    const foreign = new Decimal("2.5");
    expect(D(foreign)).toBeInstanceOf(Dec);
    expect(D(foreign).toString()).toBe("2.5");
  });

  const bad: [unknown][] = [[0.1], ["1e5"], ["NaN"], ["Infinity"], ["0x10"], [""], [" 1"], [null]];
  it.each(bad)("rejects %j with MONEY_DECIMAL_INVALID", (value) => {
    expect(() => D(value as string)).toThrow(withCode("MONEY_DECIMAL_INVALID"));
  });

  it("rejects an infinite Decimal with MONEY_DECIMAL_INVALID", () => {
    expect(() => D(new Decimal(Infinity))).toThrow(withCode("MONEY_DECIMAL_INVALID"));
  });

  it("rejects 41 significant digits with MONEY_PRECISION instead of rounding them", () => {
    const digits41 = `1${"0".repeat(39)}1`;
    expect(() => D(digits41)).toThrow(withCode("MONEY_PRECISION"));
    expect(() => D(BigInt(digits41))).toThrow(withCode("MONEY_PRECISION"));
    expect(() => D(new Decimal(digits41))).toThrow(withCode("MONEY_PRECISION"));
    expect(D(`1${"0".repeat(60)}`).toFixed()).toBe(`1${"0".repeat(60)}`);
  });
});
