import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFen } from "./format-fen";
import { parseFen } from "./parse-fen";

const withCode = (code: string) => expect.objectContaining({ code });

const FULL_WIDTH: Readonly<Record<string, string>> = { ",": "，", ".": "．", "-": "－" };
const toFullWidth = (s: string): string =>
  s
    .replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    .replace(/[,.-]/g, (c) => FULL_WIDTH[c] ?? c);

describe("formatFen", () => {
  it.each([
    [123456n, "1,234.56"],
    [-123456n, "-1,234.56"],
    [0n, "0.00"],
    [5n, "0.05"],
    [-50n, "-0.50"],
    [100n, "1.00"],
    [100000000n, "1,000,000.00"],
    [12345678901234567890n, "123,456,789,012,345,678.90"],
  ])("formats %s fen as %j", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it("formats without grouping: -123456 fen as -1234.56", () => {
    expect(formatFen(-123456n, { grouping: false })).toBe("-1234.56");
  });

  it("rejects the JS number 1234.56 with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => formatFen(1234.56 as unknown as bigint)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  it("round-trips through parseFen with or without grouping, ¥, parentheses, full width", () => {
    const fen = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n });
    fc.assert(
      fc.property(fen, (x) => {
        const text = formatFen(x);
        expect(parseFen(text)).toBe(x);
        expect(parseFen(formatFen(x, { grouping: false }))).toBe(x);
        expect(parseFen(` ¥${text} `)).toBe(x);
        expect(parseFen(toFullWidth(text))).toBe(x);
        const abs = formatFen(x < 0n ? -x : x);
        expect(parseFen(x < 0n ? `（${abs}）` : abs)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it("formats what parseFen reads back to the canonical two-decimal text", () => {
    const text = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 99 }))
      .map(([neg, yuan, cents]) => `${neg ? "-" : ""}${yuan}.${String(cents).padStart(2, "0")}`);
    fc.assert(
      fc.property(text, (t) => {
        const canonical = formatFen(parseFen(t), { grouping: false });
        expect(canonical).toBe(t.replace(/^-(0\.00)$/, "$1"));
      }),
    );
  });
});
