import { describe, expect, it } from "vitest";
import { money } from "./money";
import {
  absMoney,
  addMoney,
  compareMoney,
  isZeroMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
} from "./money-arithmetic";

const withCode = (code: string) => expect.objectContaining({ code });

const mismatch = expect.objectContaining({
  code: "MONEY_CURRENCY_MISMATCH",
  details: { left: "CNY", right: "USD" },
});

describe("addMoney", () => {
  it("adds 1.00 and 2.50 yuan to 3.50 yuan", () => {
    expect(addMoney(money(100n), money(250n))).toEqual(money(350n));
  });

  it("rejects CNY + USD with MONEY_CURRENCY_MISMATCH", () => {
    expect(() => addMoney(money(1n), money(1n, "USD"))).toThrow(mismatch);
  });

  it("rejects a forged amount with a number fen with MONEY_AMOUNT_NOT_BIGINT", () => {
    const forged = { fen: 1, currency: "CNY" } as unknown as ReturnType<typeof money>;
    expect(() => addMoney(money(1n), forged)).toThrow(withCode("MONEY_AMOUNT_NOT_BIGINT"));
  });
});

describe("subtractMoney", () => {
  it("subtracts 2.50 from 1.00 yuan to -1.50 yuan", () => {
    expect(subtractMoney(money(100n), money(250n))).toEqual(money(-150n));
  });

  it("rejects CNY − USD with MONEY_CURRENCY_MISMATCH", () => {
    expect(() => subtractMoney(money(1n), money(1n, "USD"))).toThrow(mismatch);
  });
});

describe("negateMoney", () => {
  it("turns 1.50 yuan into -1.50 yuan and keeps the currency", () => {
    expect(negateMoney(money(150n, "USD"))).toEqual(money(-150n, "USD"));
  });
});

describe("absMoney", () => {
  it("turns -1.50 yuan into 1.50 yuan", () => {
    expect(absMoney(money(-150n))).toEqual(money(150n));
    expect(absMoney(money(150n))).toEqual(money(150n));
  });
});

describe("compareMoney", () => {
  it("orders 0.01 before 0.02 yuan and rejects CNY vs USD", () => {
    expect(compareMoney(money(1n), money(2n))).toBe(-1);
    expect(compareMoney(money(2n), money(2n))).toBe(0);
    expect(compareMoney(money(3n), money(2n))).toBe(1);
    expect(() => compareMoney(money(1n), money(1n, "USD"))).toThrow(mismatch);
  });
});

describe("isZeroMoney", () => {
  it("is true for 0.00 yuan only", () => {
    expect(isZeroMoney(money(0n))).toBe(true);
    expect(isZeroMoney(money(-1n))).toBe(false);
  });
});

describe("sumMoney", () => {
  it("sums a province's 3 lines of 10 trillion yuan exactly", () => {
    const line = money(1_000_000_000_000_000n);
    expect(sumMoney([line, line, line])).toEqual(money(3_000_000_000_000_000n));
  });

  it("returns 0.00 CNY for no items, or 0.00 in the named currency", () => {
    expect(sumMoney([])).toEqual(money(0n));
    expect(sumMoney([], "USD")).toEqual(money(0n, "USD"));
  });

  it("rejects a USD item among CNY items with MONEY_CURRENCY_MISMATCH", () => {
    expect(() => sumMoney([money(1n), money(1n, "USD")])).toThrow(mismatch);
    expect(() => sumMoney([money(1n, "USD")], "CNY")).toThrow(mismatch);
  });
});
