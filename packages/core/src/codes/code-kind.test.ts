import { describe, expect, it } from "vitest";
import { CODE_KINDS, codeKindSpec, findCodeKind } from "./code-kind";

describe("codeKindSpec", () => {
  it("gives revenue four levels 3/5/7/9 and economic kinds two levels 3/5", () => {
    expect(codeKindSpec("revenue")?.lengths).toEqual([3, 5, 7, 9]);
    expect(codeKindSpec("economic-gov")?.lengths).toEqual([3, 5]);
  });

  it("returns undefined for a Chinese alias (aliases are for findCodeKind)", () => {
    expect(codeKindSpec("收入")).toBeUndefined();
  });
});

describe("findCodeKind", () => {
  it("finds kinds by key, Chinese name and short form", () => {
    expect(findCodeKind("function")).toBe("function");
    expect(findCodeKind("支出功能分类")).toBe("function");
    expect(findCodeKind(" 部门经济 ")).toBe("economic-dept");
    expect(findCodeKind("政府预算支出经济分类")).toBe("economic-gov");
  });

  it("finds kinds as the README and code lists name them (支出功能, 功能科目, 部门经济科目, 政府经济科目, 收入科目)", () => {
    expect(["支出功能", "功能科目", "部门经济科目", "政府经济科目", "收入科目"].map(findCodeKind)).toEqual(["function", "function", "economic-dept", "economic-gov", "revenue"]);
  });

  it("returns undefined for an unknown kind", () => {
    expect(findCodeKind("会计科目")).toBeUndefined();
  });

  it("keeps every leading digit distinct so kind mismatches are detectable", () => {
    expect(new Set(CODE_KINDS.map((k) => k.leadingDigit)).size).toBe(CODE_KINDS.length);
  });
});
