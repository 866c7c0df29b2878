import { describe, expect, it } from "vitest";
import { foreignUnitNote, headerUnit, unitNote, unitSuffix, withoutUnit } from "./amount-unit-note";

describe("unitNote (a row above the header stating the amounts' unit)", () => {
  it.each([
    [["单位：万元"], "万元", 1],
    [["青川市2026年部门预算表", "", "单位：万元"], "万元", 3],
    [["金额单位:元"], "元", 1],
    [["（单位：万元）"], "万元", 1],
    [["单位：人民币万元"], "万元", 1],
    [["编制单位：青川市财政局\u3000\u3000单位：千元"], "千元", 1],
    [["Unit: yuan"], "元", 1],
    [["单位：万元、%"], "万元", 1],
    // As bureaus write them (each was read as 元 before, 10,000 times too small):
    [["单位：万元（保留两位小数）"], "万元", 1],
    [["单位：万元。"], "万元", 1],
    [["单位：（万元）"], "万元", 1],
    [["单位：万元人民币"], "万元", 1],
    [["单位：人民币（万元）"], "万元", 1],
    [["单位：万元(含小数)"], "万元", 1],
    [["单位：万"], "万元", 1],
    [["单位 ： 万元"], "万元", 1],
    [["单位(万元)"], "万元", 1],
    [["金额单位（万元）"], "万元", 1],
    [["单位／万元"], "万元", 1],
    [["单位：亿"], "亿元", 1],
    [["编制单位：万州区财政局", "单位：元"], "元", 2],
  ] as const)("finds the unit in %j", (cells, unit, column) => {
    expect(unitNote(cells)).toMatchObject({ unit, column });
  });

  it.each([[["编制单位：青川市财政局"]], [["单位：个"]], [["青川市 2026 年支付明细表"]], [["单位编码", "金额"]], [["编制单位：万州区财政局"]], [["计量单位", "单位名称"]]])(
    "finds none in %j",
    (cells) => {
      expect(unitNote(cells)).toBeUndefined();
      expect(foreignUnitNote(cells)).toBeUndefined();
    },
  );

  it.each([
    [["单位：美元"], "美元"],
    [["单位：千万元"], "千万元"],
    [["", "金额单位：港元"], "港元"],
    [["单位：十万"], "十万"],
  ] as const)("tells a unit of money it does not read in %j from no unit at all", (cells, unitText) => {
    expect(unitNote(cells)).toBeUndefined();
    expect(foreignUnitNote(cells)).toMatchObject({ unitText });
  });

  it("does not take an organisation's name with 元 in it for a unit", () => {
    expect(foreignUnitNote(["编制单位：元坝区财政局"])).toBeUndefined();
  });
});

describe("headerUnit (a unit in brackets after a header)", () => {
  it.each([
    ["金额(万元)", "金额", "万元"],
    ["金额(单位:万元)", "金额", "万元"],
    ["amount[10kyuan]", "amount", "10kyuan"],
    ["指标金额【元】", "指标金额", "元"],
    ["金额(美元)", "金额", "美元"],
  ])("splits %j into %j and %j", (key, base, unitText) => {
    expect(headerUnit(key)).toEqual({ base, unitText });
  });

  it("splits nothing from a header without a closing bracket", () => {
    expect(headerUnit("金额")).toBeUndefined();
    expect(headerUnit("(万元)")).toBeUndefined();
  });
});

describe("withoutUnit (a unit written after an amount)", () => {
  it("drops the file's own unit and refuses another", () => {
    expect(withoutUnit("1,234.56元", "元")).toBe("1,234.56");
    expect(withoutUnit("12.5 万元", "万元")).toBe("12.5");
    expect(withoutUnit("12.5万元", "元")).toBeUndefined();
    expect(withoutUnit("125000元", "万元")).toBeUndefined();
    expect(unitSuffix("3亿元")).toBe("亿元");
    expect(withoutUnit("12.5", "万元")).toBe("12.5");
  });
});
