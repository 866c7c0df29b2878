import { FUND_TYPES, buildAgencyTree, createStarterCodeRegistry } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { summaryNames } from "./summary-names";

const agencies = [
  { code: "101", name: "青川市人民政府办公室", unitType: "administrative" as const, divisionCode: "990100" },
  { code: "101001", name: "市政府办公室本级", unitType: "administrative" as const, divisionCode: "990100", parentCode: "101" },
];
const ref = {
  codes: createStarterCodeRegistry({ years: [2026] }),
  agencies: buildAgencyTree(agencies),
  agencyCodes: new Set(agencies.map((a) => a.code)),
  fundTypes: new Set(FUND_TYPES.map((f) => f.code)),
  importedCodes: [],
};

describe("summaryNames", () => {
  const nameOf = summaryNames(ref, 2026);

  it("names agencies, function and economic codes at any level, and fund types", () => {
    expect(nameOf("agency", "101001")).toBe("市政府办公室本级");
    expect(nameOf("functionCode", "201")).toBe("一般公共服务支出");
    expect(nameOf("functionCode", "2010301")).toBe("行政运行");
    expect(nameOf("economicCode", "301")).toBe("工资福利支出");
    expect(nameOf("economicCode", "30101")).toBe("基本工资");
    expect(nameOf("fundType", "111")).toBe("一般公共预算资金");
  });

  it("has no name for unknown codes, projects, months or an empty key", () => {
    expect(nameOf("agency", "999999")).toBeUndefined();
    expect(nameOf("functionCode", "2999999")).toBeUndefined();
    expect(nameOf("project", "JB0000")).toBeUndefined();
    expect(nameOf("month", "2026-03")).toBeUndefined();
    expect(nameOf("agency", "")).toBeUndefined();
  });
});
