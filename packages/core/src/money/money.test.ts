import { describe, expect, it } from "vitest";
import { isMoney, money, parseMoney } from "./money";

const withCode = (code: string) => expect.objectContaining({ code });

describe("money", () => {
  it("makes a frozen CNY amount of 1,234.56 yuan by default", () => {
    const m = money(123456n);
    expect(m).toEqual({ fen: 123456n, currency: "CNY" });
    expect(Object.isFrozen(m)).toBe(true);
  });

  it("keeps another currency: 5.00 USD", () => {
    expect(money(500n, "USD")).toEqual({ fen: 500n, currency: "USD" });
  });

  it("rejects the JS number 1234.56 with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => money(1234.56 as unknown as bigint)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });

  it.each([["cny"], ["RMB1"], [""], ["元"]])("rejects currency %j: MONEY_CURRENCY_INVALID", (c) => {
    expect(() => money(1n, c)).toThrow(withCode("MONEY_CURRENCY_INVALID"));
  });
});

describe("isMoney", () => {
  it("recognises money(1n) and refuses a number fen", () => {
    expect(isMoney(money(1n))).toBe(true);
    expect(isMoney({ fen: 1, currency: "CNY" })).toBe(false);
    expect(isMoney({ fen: 1n, currency: "rmb" })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });
});

describe("parseMoney", () => {
  it("parses ¥1,234.56 as CNY and 12.50 with currency USD", () => {
    expect(parseMoney("¥1,234.56")).toEqual({ fen: 123456n, currency: "CNY" });
    expect(parseMoney("12.50", { currency: "USD" })).toEqual({ fen: 1250n, currency: "USD" });
  });

  it("rounds 0.125 half even when asked and rejects garbage with MONEY_PARSE", () => {
    expect(parseMoney("0.125", { rounding: "ROUND_HALF_EVEN" }).fen).toBe(12n);
    expect(() => parseMoney("12元")).toThrow(withCode("MONEY_PARSE"));
  });
});
