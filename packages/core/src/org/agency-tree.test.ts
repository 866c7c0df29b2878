import { describe, expect, it } from "vitest";
import type { AgencyInput } from "./agency";
import { buildAgencyTree, validateAgencies } from "./agency-tree";
import { buildDivisionTree } from "./division-tree";

const throws = (code: string) => expect.objectContaining({ code });
const unit = (code: string, name: string, parentCode?: string, unitType = "事业"): AgencyInput =>
  parentCode === undefined
    ? { code, name, unitType, divisionCode: "320500" }
    : { code, name, parentCode, unitType, divisionCode: "320500" };

const EDUCATION: AgencyInput[] = [
  unit("205001", "市第一中学", "205"),
  unit("205", "市教育局", undefined, "行政"),
  unit("205002", "市实验小学", "205"),
  unit("205002001", "市实验小学分校", "205002"),
  unit("201", "市财政局", undefined, "行政"),
];

const CYCLE: AgencyInput[] = [unit("205", "市教育局", "205001"), unit("205001", "市第一中学", "205")];

describe("validateAgencies", () => {
  it("finds nothing wrong with the education bureau and its schools", () => {
    expect(validateAgencies(EDUCATION)).toEqual([]);
  });

  it("reports both units of a two-unit cycle as ORG_CYCLE", () => {
    const issues = validateAgencies(CYCLE);
    expect(issues.map((i) => i.code)).toEqual(["ORG_CYCLE", "ORG_CYCLE"]);
  });

  it("reports a unit that is its own parent as ORG_CYCLE", () => {
    expect(validateAgencies([unit("205", "市教育局", "205")])[0]?.code).toBe("ORG_CYCLE");
  });
});

describe("buildAgencyTree", () => {
  it("finds the 主管部门 市教育局 of the branch school two levels down", () => {
    const tree = buildAgencyTree(EDUCATION);
    expect(tree.departmentOf("205002001").name).toBe("市教育局");
    expect(tree.departmentOf("205").code).toBe("205");
  });

  it("lists the departments and the descendants of 市教育局 depth first", () => {
    const tree = buildAgencyTree(EDUCATION);
    expect(tree.departments().map((a) => a.code)).toEqual(["201", "205"]);
    expect(tree.descendantsOf("205").map((a) => a.code)).toEqual(["205001", "205002", "205002001"]);
    expect(tree.childrenOf("205002").map((a) => a.name)).toEqual(["市实验小学分校"]);
    expect(tree.ancestorsOf("205002001").map((a) => a.code)).toEqual(["205", "205002"]);
  });

  it("resolves Chinese unit types to keys", () => {
    const tree = buildAgencyTree(EDUCATION);
    expect(tree.get("205").unitType).toBe("administrative");
    expect(tree.get("205001").unitType).toBe("public-institution");
  });

  it("throws ORG_PARENT_UNKNOWN for a school under a bureau that is not loaded", () => {
    expect(() => buildAgencyTree([unit("210001", "市人民医院", "210")])).toThrow(
      throws("ORG_PARENT_UNKNOWN"),
    );
  });

  it("throws ORG_CYCLE for a cycle", () => {
    expect(() => buildAgencyTree(CYCLE)).toThrow(
      throws("ORG_CYCLE"),
    );
  });

  it("throws ORG_AGENCY_DUPLICATE for 205001 twice", () => {
    expect(() => buildAgencyTree([...EDUCATION, unit("205001", "市第一中学", "205")])).toThrow(
      throws("ORG_AGENCY_DUPLICATE"),
    );
  });

  it("throws ORG_AGENCY_INVALID for an empty name or a code with spaces", () => {
    expect(() => buildAgencyTree([unit("205", " ")])).toThrow(throws("ORG_AGENCY_INVALID"));
    expect(() => buildAgencyTree([unit(" 205", "市教育局")])).toThrow(throws("ORG_AGENCY_INVALID"));
  });

  it("throws ORG_UNIT_TYPE_UNKNOWN for the unit type 社团", () => {
    expect(() => buildAgencyTree([unit("205", "市教育局", undefined, "社团")])).toThrow(
      throws("ORG_UNIT_TYPE_UNKNOWN"),
    );
  });

  it("throws ORG_DIVISION_INVALID for a 4-digit division code", () => {
    const bad = { ...unit("205", "市教育局"), divisionCode: "3205" };
    expect(() => buildAgencyTree([bad])).toThrow(throws("ORG_DIVISION_INVALID"));
  });

  it("throws ORG_DIVISION_UNKNOWN when the division is not in the given division tree", () => {
    const divisions = buildDivisionTree([{ code: "320505", name: "虎丘区" }]);
    expect(() => buildAgencyTree(EDUCATION, { divisions })).toThrow(throws("ORG_DIVISION_UNKNOWN"));
  });

  it("throws ORG_DIVISION_MISMATCH for a county school under a city bureau", () => {
    const school = { ...unit("205003", "虎丘区小学", "205"), divisionCode: "320505" };
    expect(() => buildAgencyTree([...EDUCATION, school])).toThrow(throws("ORG_DIVISION_MISMATCH"));
  });

  it("throws ORG_AGENCY_UNKNOWN when asked for a unit it does not hold", () => {
    const tree = buildAgencyTree(EDUCATION);
    expect(tree.find("999")).toBeUndefined();
    expect(() => tree.departmentOf("999")).toThrow(throws("ORG_AGENCY_UNKNOWN"));
  });

  it("keeps every issue in details.issues", () => {
    const bad = [unit("205", "市教育局"), unit("205", "市教育局"), unit("210001", "市人民医院", "210")];
    expect(() => buildAgencyTree(bad)).toThrow(
      expect.objectContaining({
        code: "ORG_AGENCY_DUPLICATE",
        details: expect.objectContaining({ issues: [expect.anything(), expect.anything()] }),
      }),
    );
  });
});
