import { describe, expect, it } from "vitest";
import { headerUnit, unitNote, unitSuffix, withoutUnit } from "./amount-unit-note";

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
  ] as const)("finds the unit in %j", (cells, unit, column) => {
    expect(unitNote(cells)).toMatchObject({ unit, column });
  });

  it.each([[["编制单位：青川市财政局"]], [["单位：个"]], [["青川市 2026 年支付明细表"]], [["单位编码", "金额"]]])(
    "finds none in %j",
    (cells) => {
      expect(unitNote(cells)).toBeUndefined();
    },
  );
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
