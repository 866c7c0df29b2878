import { describe, expect, it } from "vitest";
import { FUND_TYPES, findFundType, getFundType } from "./fund-type";
import type { FundType } from "./fund-type";

describe("findFundType", () => {
  it("finds 一般公共预算 by code 111, full name, short name and key", () => {
    for (const value of ["111", "一般公共预算资金", "一般公共预算", "general-public-budget"]) {
      expect(findFundType(value)?.key).toBe("general-public-budget");
    }
  });

  it("finds 一般公共预算 by its name before 2014, 公共财政预算(资金), as older exports write it", () => {
    expect(findFundType("公共财政预算资金")?.code).toBe("111");
    expect(findFundType("公共财政预算")?.code).toBe("111");
  });

  it("finds 政府性基金预算资金 by name for the CSV import, giving code 121", () => {
    expect(findFundType("政府性基金预算资金")?.code).toBe("121");
  });

  it("finds the fund type of the provincial sub-code 11111 经费拨款补助 by prefix", () => {
    expect(findFundType("11111")?.key).toBe("general-public-budget");
  });

  it("returns undefined for 预算外资金 and for the bare digit 1", () => {
    expect(findFundType("预算外资金")).toBeUndefined();
    expect(findFundType("1")).toBeUndefined();
  });

  it("uses a local table when one is given", () => {
    const local: FundType[] = [{ ...(FUND_TYPES[0] as FundType), code: "01" }];
    expect(findFundType("01", local)?.key).toBe("general-public-budget");
    expect(findFundType("111", local)).toBeUndefined();
  });

  it("marks only the codes seen in real data as S", () => {
    expect(FUND_TYPES.filter((f) => f.source === "S").map((f) => f.code)).toEqual(["111", "121"]);
  });
});

describe("getFundType", () => {
  it("throws ORG_FUND_TYPE_UNKNOWN for 预算外资金", () => {
    expect(() => getFundType("预算外资金")).toThrow(
      expect.objectContaining({ code: "ORG_FUND_TYPE_UNKNOWN" }),
    );
  });
});
