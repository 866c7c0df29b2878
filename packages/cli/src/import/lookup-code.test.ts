import { PAYMENT_TYPES, QUOTA_SOURCES } from "@jincai/budget";
import { describe, expect, it } from "vitest";
import { lookupCode } from "./lookup-code";

describe("lookupCode (指标来源 and 支付方式 as files write them)", () => {
  it.each([
    ["4", "4"],
    ["carryForward", "4"],
    ["结转", "4"],
    ["上年结转", "4"],
    ["结转结余", "4"],
    ["年初批复", "1"],
    ["追加指标", "2"],
    ["调剂指标", "3"],
    ["中央转移支付", "5"],
    [" 上级补助 ", "5"],
  ])("reads 指标来源 %j as %s", (text, code) => {
    expect(lookupCode(QUOTA_SOURCES, text)).toBe(code);
  });

  it.each([
    ["财政直接支付", "11"],
    ["直接支付", "11"],
    ["直接", "11"],
    ["授权", "12"],
    ["实拨", "2"],
  ])("reads 支付方式 %j as %s", (text, code) => {
    expect(lookupCode(PAYMENT_TYPES, text)).toBe(code);
  });

  it("finds nothing for a name it does not know", () => {
    expect(lookupCode(QUOTA_SOURCES, "单位自筹")).toBeUndefined();
    expect(lookupCode(PAYMENT_TYPES, "单位自行支付")).toBeUndefined();
  });
});
