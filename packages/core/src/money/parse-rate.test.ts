import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { parseRate } from "./parse-rate";

const withCode = (code: string) => expect.objectContaining({ code });

describe("parseRate", () => {
  it.each([
    ["0.03", "0.03"],
    ["3%", "0.03"],
    ["3％", "0.03"],
    [" 12.5 % ", "0.125"],
    ["0.5‰", "0.0005"],
    ["-1%", "-0.01"],
    ["100%", "1"],
  ])("reads %j as %s", (rate, value) => {
    expect(parseRate(rate).toString()).toBe(value);
  });

  it("accepts a Decimal rate of 0.06", () => {
    expect(parseRate(D("0.06")).toString()).toBe("0.06");
  });

  const bad = [["%"], ["3%%"], ["three"], ["1e-2"], ["3 %%"], [""]];
  it.each(bad)("rejects %j with MONEY_DECIMAL_INVALID", (rate) => {
    expect(() => parseRate(rate)).toThrow(withCode("MONEY_DECIMAL_INVALID"));
  });

  it("rejects the JS number 0.03 with MONEY_DECIMAL_INVALID", () => {
    expect(() => parseRate(0.03 as unknown as string)).toThrow(
      withCode("MONEY_DECIMAL_INVALID"),
    );
  });
});
