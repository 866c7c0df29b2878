import { describe, expect, it } from "vitest";
import { findUnitType, getUnitType } from "./unit-type";

describe("findUnitType", () => {
  it("finds 事业 by key, short name and full name", () => {
    expect(findUnitType("public-institution")?.name).toBe("事业");
    expect(findUnitType("事业")?.key).toBe("public-institution");
    expect(findUnitType("事业单位")?.key).toBe("public-institution");
  });

  it("finds 参公 by its full name 参照公务员法管理事业单位", () => {
    expect(findUnitType("参照公务员法管理事业单位")?.key).toBe("civil-service-managed");
  });

  it("finds 事业单位 named by funding or 公益 class, and 国有企业, as exports name them", () => {
    for (const name of ["全额拨款事业单位", "差额拨款事业单位", "自收自支事业单位", "公益一类事业单位"]) expect(findUnitType(name)?.key).toBe("public-institution");
    expect(findUnitType("国有企业")?.key).toBe("enterprise");
  });

  it("returns undefined for 社团", () => {
    expect(findUnitType("社团")).toBeUndefined();
  });
});

describe("getUnitType", () => {
  it("throws ORG_UNIT_TYPE_UNKNOWN for 社团", () => {
    expect(() => getUnitType("社团")).toThrow(
      expect.objectContaining({ code: "ORG_UNIT_TYPE_UNKNOWN" }),
    );
  });
});
