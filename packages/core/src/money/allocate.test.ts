import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "./decimal";
import { allocate } from "./allocate";

const withCode = (code: string) => expect.objectContaining({ code });

describe("allocate", () => {
  it("splits 100.00 yuan three ways as 33.34 + 33.33 + 33.33, the tie going to the first", () => {
    expect(allocate(10000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
  });

  it("gives the leftover fen to the largest remainder: 1.00 yuan by 1:2 is 0.33 + 0.67", () => {
    expect(allocate(100n, [1n, 2n])).toEqual([33n, 67n]);
  });

  it("splits by decimal-string weights 0.5 / 0.25 / 0.25 and mixed weights 1 / 0.5", () => {
    expect(allocate(100n, ["0.5", "0.25", "0.25"])).toEqual([50n, 25n, 25n]);
    expect(allocate(100n, [1n, "0.5"])).toEqual([67n, 33n]);
    expect(allocate(100n, [D("0.2"), D("0.8")])).toEqual([20n, 80n]);
  });

  it("splits a negative total -100.00 yuan as the negation of the positive split", () => {
    expect(allocate(-10000n, [1n, 1n, 1n])).toEqual([-3334n, -3333n, -3333n]);
  });

  it("gives zero weights nothing: 5 fen over 0 / 1 / 1 is 0 / 3 / 2", () => {
    expect(allocate(5n, [0n, 1n, 1n])).toEqual([0n, 3n, 2n]);
    expect(allocate(0n, [1n, 2n])).toEqual([0n, 0n]);
  });

  it.each([
    ["all-zero weights", [0n, "0.00"]],
    ["no weights", []],
    ["a negative weight", [1n, -1n]],
    ["a negative decimal weight", ["0.5", "-0.5"]],
    ["a JS number weight", [1n, 2 as unknown as bigint]],
    ["a non-decimal weight", ["1/3"]],
    ["an exponent weight", ["1e2"]],
  ])("rejects %s with MONEY_ALLOCATE_WEIGHTS", (_, weights) => {
    expect(() => allocate(100n, weights)).toThrow(withCode("MONEY_ALLOCATE_WEIGHTS"));
  });

  it("rejects the JS number 100 as a total with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => allocate(100 as unknown as bigint, [1n])).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  const weight = fc.oneof(
    fc.bigInt({ min: 0n, max: 1000n }),
    fc.tuple(fc.nat(999), fc.nat(999)).map(([i, f]) => `${i}.${String(f).padStart(3, "0")}`),
  );

  it("sums to the total with each part within one fen of its exact share (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.array(weight, { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const w = weights.map((x) =>
            typeof x === "bigint" ? x * 1000n : BigInt(x.replace(".", "")),
          );
          const sum = w.reduce((a, b) => a + b, 0n);
          fc.pre(sum > 0n);
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((part, i) => {
            const wi = w[i] ?? 0n;
            const diff = part * sum - total * wi;
            expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
            if (wi === 0n) expect(part).toBe(0n);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
