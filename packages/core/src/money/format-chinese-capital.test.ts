import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChineseCapital } from "./format-chinese-capital";
import { parseFen } from "./parse-fen";

const withCode = (code: string) => expect.objectContaining({ code });

const DIGIT = "零壹贰叁肆伍陆柒捌玖";
const YI = 100_000_000n;
const SMALL: Readonly<Record<string, bigint>> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** Test-only reader of 大写金额, independent of the formatter, for the round-trip property. */
function readCapital(text: string): bigint {
  const negative = text.startsWith("负");
  let total = 0n;
  let wan = 0n;
  let small = 0n;
  let digit = 0n;
  let fen = 0n;
  const whole = (): bigint => total + wan + small + digit;
  for (const ch of negative ? text.slice(1) : text) {
    const d = DIGIT.indexOf(ch);
    if (d >= 0) digit = BigInt(d);
    else if (SMALL[ch] !== undefined) [small, digit] = [small + digit * SMALL[ch], 0n];
    else if (ch === "万") [wan, small, digit] = [wan + (small + digit) * 10_000n, 0n, 0n];
    else if (ch === "亿") [total, wan, small, digit] = [whole() * YI, 0n, 0n, 0n];
    else if (ch === "元") [fen, total, wan, small, digit] = [whole() * 100n, 0n, 0n, 0n, 0n];
    else if (ch === "角") [fen, digit] = [fen + digit * 10n, 0n];
    else if (ch === "分") [fen, digit] = [fen + digit, 0n];
    else if (ch !== "整") throw new Error(`unexpected ${ch}`);
  }
  return negative ? -fen : fen;
}

describe("formatChineseCapital", () => {
  it.each([
    ["0", "零元整"],
    ["0.05", "伍分"],
    ["0.50", "伍角"],
    ["0.55", "伍角伍分"],
    ["1.50", "壹元伍角"],
    ["10", "壹拾元整"],
    ["15", "壹拾伍元整"],
    ["1,234.56", "壹仟贰佰叁拾肆元伍角陆分"],
    ["1,005", "壹仟零伍元整"],
    ["10,100", "壹万零壹佰元整"],
    ["100,000", "壹拾万元整"],
    ["100,003", "壹拾万零叁元整"],
    ["1,000,001.01", "壹佰万零壹元零壹分"],
    ["1,409.50", "壹仟肆佰零玖元伍角"],
    ["6,007.14", "陆仟零柒元壹角肆分"],
    ["1,680.32", "壹仟陆佰捌拾元叁角贰分"],
    ["107,000.53", "壹拾万柒仟元伍角叁分"],
    ["1,070,000,000", "壹拾亿柒仟万元整"],
    ["16,409.02", "壹万陆仟肆佰零玖元零贰分"],
    ["325.04", "叁佰贰拾伍元零肆分"],
    ["120,000,000", "壹亿贰仟万元整"],
    ["100,200,000", "壹亿零贰拾万元整"],
    ["102,000,000", "壹亿零贰佰万元整"],
    ["1,000,000,000,000", "壹万亿元整"],
    ["1,234,500,000,000", "壹万贰仟叁佰肆拾伍亿元整"],
    ["1,000,000,010,000", "壹万亿零壹万元整"],
    ["-0.05", "负伍分"],
    ["-1,234.56", "负壹仟贰佰叁拾肆元伍角陆分"],
    ["-10", "负壹拾元整"],
  ])("writes ¥%s as %s", (amount, capital) => {
    expect(formatChineseCapital(parseFen(amount))).toBe(capital);
  });

  it("rejects the JS number 10 with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => formatChineseCapital(10 as unknown as bigint)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  it("reads back to the same fen and never doubles or trails 零 (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (fen) => {
        const text = formatChineseCapital(fen);
        expect(readCapital(text)).toBe(fen);
        if (fen !== 0n) expect(text).not.toMatch(/零零|零[万亿元角分整]|^负?零/);
        expect(text.endsWith("整")).toBe(fen % 100n === 0n);
      }),
      { numRuns: 3000 },
    );
  });
});
