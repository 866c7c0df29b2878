import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absFen, compareFen, sumFen } from "./fen-arithmetic";

const withCode = (code: string) => expect.objectContaining({ code });

describe("sumFen", () => {
  it("adds 1,234.56 − 0.56 + 1.00 yuan to 1,235.00 yuan", () => {
    expect(sumFen([123456n, -56n, 100n])).toBe(123500n);
  });

  it("returns 0 fen for no amounts and sums a generator", () => {
    expect(sumFen([])).toBe(0n);
    function* rows(): Generator<bigint> {
      for (let i = 0; i < 1000; i++) yield 100n;
    }
    expect(sumFen(rows())).toBe(100000n);
  });

  it("sums 100,000 national-scale amounts past 2^63 without overflow", () => {
    const big = 9_000_000_000_000_000_000n;
    expect(sumFen(Array.from({ length: 100_000 }, () => big))).toBe(big * 100_000n);
  });

  it("matches a plain bigint reduce (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt()), (xs) => {
        expect(sumFen(xs)).toBe(xs.reduce((a, b) => a + b, 0n));
      }),
    );
  });

  it("rejects a JS number item with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => sumFen([1n, 2 as unknown as bigint])).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });
});

describe("absFen", () => {
  it("turns -1,234.56 yuan into 1,234.56 yuan", () => {
    expect(absFen(-123456n)).toBe(123456n);
    expect(absFen(5n)).toBe(5n);
  });
});

describe("compareFen", () => {
  it("sorts 3.00, -0.05 and 0.20 yuan ascending", () => {
    expect([300n, -5n, 20n].sort(compareFen)).toEqual([-5n, 20n, 300n]);
    expect(compareFen(7n, 7n)).toBe(0);
  });

  it("rejects a JS number with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => compareFen(1n, 1 as unknown as bigint)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });
});
