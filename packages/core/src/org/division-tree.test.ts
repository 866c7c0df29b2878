import { describe, expect, it } from "vitest";
import { buildDivisionTree, validateDivisions } from "./division-tree";

const throws = (code: string) => expect.objectContaining({ code });

const CITY = [
  { code: "320505", name: "虎丘区" },
  { code: "320500", name: "苏州市" },
  { code: "320506", name: "吴中区" },
  { code: "320581", name: "常熟市" },
];

describe("validateDivisions", () => {
  it("finds nothing wrong with a city and its counties", () => {
    expect(validateDivisions(CITY)).toEqual([]);
  });

  it("reports a malformed code, an empty name and a duplicate, by index", () => {
    const issues = validateDivisions([
      { code: "3205", name: "苏州市" },
      { code: "320500", name: " " },
      { code: "320505", name: "虎丘区" },
      { code: "320505", name: "虎丘区" },
    ]);
    expect(issues.map((i) => [i.index, i.code])).toEqual([
      [0, "ORG_DIVISION_INVALID"],
      [1, "ORG_DIVISION_INVALID"],
      [3, "ORG_DIVISION_DUPLICATE"],
    ]);
  });
});

describe("buildDivisionTree", () => {
  it("makes the city 320500 a root when the province is not loaded", () => {
    const tree = buildDivisionTree(CITY);
    expect(tree.roots().map((d) => d.code)).toEqual(["320500"]);
    expect(tree.childrenOf("320500").map((d) => d.name)).toEqual(["虎丘区", "吴中区", "常熟市"]);
  });

  it("lists descendants of the province 320000 through its city", () => {
    const tree = buildDivisionTree([{ code: "320000", name: "江苏省" }, ...CITY]);
    expect(tree.descendantsOf("320000").map((d) => d.code)).toEqual([
      "320500", "320505", "320506", "320581",
    ]);
  });

  it("throws ORG_DIVISION_DUPLICATE for 320505 twice", () => {
    expect(() => buildDivisionTree([...CITY, { code: "320505", name: "虎丘区" }])).toThrow(
      throws("ORG_DIVISION_DUPLICATE"),
    );
  });

  it("throws ORG_DIVISION_UNKNOWN when asked for a division it does not hold", () => {
    const tree = buildDivisionTree(CITY);
    expect(tree.find("320507")).toBeUndefined();
    expect(() => tree.get("320507")).toThrow(throws("ORG_DIVISION_UNKNOWN"));
  });
});
