import { describe, expect, it } from "vitest";
import { parseFen, safeParseFen } from "./parse-fen";

const withCode = (code: string) => expect.objectContaining({ code });

describe("parseFen", () => {
  it.each([
    ["1234.56", 123456n],
    ["1,234.56", 123456n],
    ["-0.5", -50n],
    ["¥1,234.56", 123456n],
    ["￥1,234.56", 123456n],
    ["１２３４.５６", 123456n],
    ["１，２３４．５６", 123456n],
    ["－１２３４．５", -123450n],
    ["(1,234.56)", -123456n],
    ["（1,234.56）", -123456n],
    ["（￥1,234.56）", -123456n],
    ["  1234.56 \t", 123456n],
    ["\u30001,234.56\u3000", 123456n],
    ["-¥1,234.56", -123456n],
    ["¥-1,234.56", -123456n],
    ["¥ 1,234.56", 123456n],
    ["+12", 1200n],
    ["0", 0n],
    ["-0.00", 0n],
    ["0.05", 5n],
    ["1.5", 150n],
    ["007.10", 710n],
    ["1,234,567,890.12", 123456789012n],
    ["1.500", 150n],
  ])("parses %j as %s fen", (text, fen) => {
    expect(parseFen(text)).toBe(fen);
  });

  it("parses a national total beyond 2^53 fen exactly: 12,345,678,901,234,567.89", () => {
    expect(parseFen("12,345,678,901,234,567.89")).toBe(1234567890123456789n);
    expect(parseFen("-99999999999999999999.99")).toBe(-9999999999999999999999n);
  });

  it.each([
    [""],
    ["   "],
    ["abc"],
    ["12a"],
    ["1 234.56"],
    ["1,23.45"],
    ["12,34"],
    ["1,2345.00"],
    ["1234,567"],
    [",123"],
    ["1,,234"],
    ["0,123.00"],
    ["1.234,56"],
    ["1,234.5,6"],
    ["--5"],
    ["+-5"],
    ["(-5)"],
    ["-(5)"],
    ["(5"],
    ["5)"],
    ["(5）"],
    ["¥¥5"],
    ["1e5"],
    ["1E-2"],
    [".5"],
    ["5."],
    ["1.2.3"],
    ["5元"],
    ["NaN"],
    ["Infinity"],
    ["0x10"],
    ["-"],
    ["¥"],
    ["()"],
  ])("rejects %j with MONEY_PARSE", (text) => {
    expect(() => parseFen(text)).toThrow(
      expect.objectContaining({ code: "MONEY_PARSE", details: { input: text } }),
    );
  });

  it("rejects a JS number with MONEY_PARSE", () => {
    expect(() => parseFen(1234.56 as unknown as string)).toThrow(withCode("MONEY_PARSE"));
  });

  it.each([["0.125"], ["1,234.561"], ["-0.005"], ["１.００１"]])(
    "rejects %j with MONEY_TOO_MANY_DECIMALS when no rounding is named",
    (text) => {
      expect(() => parseFen(text)).toThrow(
        expect.objectContaining({ code: "MONEY_TOO_MANY_DECIMALS", details: { input: text } }),
      );
    },
  );

  it.each([
    ["0.125", "ROUND_HALF_UP", 13n],
    ["0.125", "ROUND_HALF_EVEN", 12n],
    ["(1,234.565)", "ROUND_HALF_UP", -123457n],
    ["-1,234.565", "ROUND_HALF_EVEN", -123456n],
    ["１２.３４９", "ROUND_UP", 1235n],
    ["12.349", "ROUND_DOWN", 1234n],
  ] as const)("rounds %j with %s to %s fen", (text, rounding, fen) => {
    expect(parseFen(text, { rounding })).toBe(fen);
  });

  it("rejects an unknown rounding mode with MONEY_ROUNDING_INVALID", () => {
    expect(() => parseFen("1.005", { rounding: "HALF_UP" as never })).toThrow(
      withCode("MONEY_ROUNDING_INVALID"),
    );
  });
});

describe("safeParseFen", () => {
  it("returns { ok: true, value } for ¥1,234.56", () => {
    expect(safeParseFen("¥1,234.56")).toEqual({ ok: true, value: 123456n });
  });

  it("returns MONEY_PARSE for 12,34 without throwing", () => {
    const result = safeParseFen("12,34");
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ error: { code: "MONEY_PARSE", details: { input: "12,34" } } });
  });

  it("builds the error without a stack trace and leaves Error.stackTraceLimit as it was", () => {
    const before = Error.stackTraceLimit;
    expect(safeParseFen("abc")).toMatchObject({ ok: false, error: { name: "JincaiError" } });
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("returns MONEY_TOO_MANY_DECIMALS for 0.005 and rounds it when asked", () => {
    expect(safeParseFen("0.005")).toMatchObject({
      ok: false,
      error: { code: "MONEY_TOO_MANY_DECIMALS" },
    });
    expect(safeParseFen("0.005", { rounding: "ROUND_HALF_UP" })).toEqual({ ok: true, value: 1n });
  });

  it("returns MONEY_PRECISION for a 45-digit amount that needs rounding", () => {
    const text = `${"9".repeat(45)}.001`;
    expect(safeParseFen(text, { rounding: "ROUND_HALF_UP" })).toMatchObject({
      ok: false,
      error: { code: "MONEY_PRECISION" },
    });
  });
});

describe("parseFen in a larger unit", () => {
  it.each([
    ["12.5", "万元", 12_500_000n],
    ["1,234.567891", "万元", 123_456_789_1n],
    ["0.000001", "万元", 1n],
    ["(3.2)", "万元", -3_200_000n],
    ["１２．５", "万元", 12_500_000n],
    ["7", "千元", 700_000n],
    ["0.00001", "千元", 1n],
    ["1.5", "百万元", 150_000_000n],
    ["2.75", "亿元", 27_500_000_000n],
    ["1234.56", "元", 123456n],
  ] as const)("reads %j %s as %s fen", (text, unit, fen) => {
    expect(parseFen(text, { unit })).toBe(fen);
  });

  it("reads a national total in 亿元 beyond 2^53 fen exactly", () => {
    expect(parseFen("123,456,789.12345678", { unit: "亿元" })).toBe(1_234_567_891_234_567_800n);
  });

  it("refuses a 万元 amount finer than a fen with MONEY_TOO_MANY_DECIMALS naming the unit", () => {
    const result = safeParseFen("12.5000001", { unit: "万元" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("MONEY_TOO_MANY_DECIMALS");
    expect(result.error.message).toBe('more than 6 decimals in 万元 and no rounding mode: "12.5000001"');
    expect(result.error.details).toEqual({ input: "12.5000001", unit: "万元" });
  });

  it("accepts trailing zeros past a unit's decimals, as in 元", () => {
    expect(parseFen("12.50000000", { unit: "万元" })).toBe(12_500_000n);
  });

  it("rounds a 万元 amount finer than a fen when a rounding mode is named", () => {
    expect(parseFen("0.0000015", { unit: "万元", rounding: "ROUND_HALF_UP" })).toBe(2n);
    expect(parseFen("0.0000015", { unit: "万元", rounding: "ROUND_HALF_EVEN" })).toBe(2n);
    expect(parseFen("0.0000025", { unit: "万元", rounding: "ROUND_HALF_EVEN" })).toBe(2n);
  });
});
