import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { fenToYuanString } from "./fen-to-yuan-string";
import { yuanToFen } from "./yuan-to-fen";

const withCode = (code: string) => expect.objectContaining({ code });

describe("yuanToFen", () => {
  it.each([
    ["1234.56", 123456n],
    ["-0.5", -50n],
    ["0", 0n],
    ["1.500", 150n],
    ["12345678901234567890.12", 1234567890123456789012n],
  ])("converts %j yuan to %s fen", (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it("converts a Decimal 1234.56 to 123456 fen", () => {
    expect(yuanToFen(D("1234.56"))).toBe(123456n);
  });

  it("is the inverse of fenToYuanString for -98765 fen", () => {
    expect(yuanToFen(fenToYuanString(-98765n))).toBe(-98765n);
  });

  it("rejects 0.125 yuan with MONEY_TOO_MANY_DECIMALS unless a rounding is named", () => {
    expect(() => yuanToFen("0.125")).toThrow(
      expect.objectContaining({ code: "MONEY_TOO_MANY_DECIMALS", details: { input: "0.125" } }),
    );
    expect(yuanToFen("0.125", { rounding: "ROUND_HALF_UP" })).toBe(13n);
    expect(yuanToFen("0.125", { rounding: "ROUND_HALF_EVEN" })).toBe(12n);
  });

  const bad = [["1,234.56"], ["¥5"], ["1e3"], [""]];
  it.each(bad)("rejects %j with MONEY_DECIMAL_INVALID", (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(withCode("MONEY_DECIMAL_INVALID"));
  });
});
