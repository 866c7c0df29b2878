import { beforeEach, describe, expect, it } from "vitest";
import type { CodeEntry } from "./code-entry";
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";
import type { EconomicMappingRow } from "./economic-mapping-row";

const e = (code: string, name: string, kind: CodeEntry["kind"]): CodeEntry => ({
  code,
  name,
  kind,
  year: 2026,
});
const row = (deptCode: string, unitType: EconomicMappingRow["unitType"], govCode: string) => ({
  deptCode,
  unitType,
  govCode,
  year: 2026,
});
const throws = (code: string) => expect.objectContaining({ code });

const CODES: CodeEntry[] = [
  e("301", "工资福利支出", "economic-dept"),
  e("30101", "基本工资", "economic-dept"),
  e("30102", "津贴补贴", "economic-dept"),
  e("303", "对个人和家庭的补助", "economic-dept"),
  e("30302", "退休费", "economic-dept"),
  e("501", "机关工资福利支出", "economic-gov"),
  e("50101", "工资奖金津补贴", "economic-gov"),
  e("505", "对事业单位经常性补助", "economic-gov"),
  e("50501", "工资福利支出", "economic-gov"),
  e("509", "对个人和家庭的补助", "economic-gov"),
  e("50905", "离退休费", "economic-gov"),
];

const MAPPING_CSV = [
  "部门经济分类,单位类型,政府经济分类,年度",
  "30101,行政,50101,2026",
  "30101,参公,50101,2026",
  "30101,事业,50501,2026",
  "30302,*,50905,2026",
].join("\n");

let codes: CodeRegistry;
beforeEach(() => {
  codes = createCodeRegistry();
  codes.load(CODES);
});

describe("mapEconomicCode", () => {
  beforeEach(() => {
    codes.loadEconomicMappingCsv(MAPPING_CSV);
  });

  it("maps 30101 基本工资 to 50101 for a 行政 unit and to 50501 for a 事业 unit", () => {
    expect(codes.mapEconomicCode("30101", "administrative", 2026)).toBe("50101");
    expect(codes.mapEconomicCode("30101", "行政", 2026)).toBe("50101");
    expect(codes.mapEconomicCode("30101", "事业单位", 2026)).toBe("50501");
    expect(codes.mapEconomicCode("30101", "civil-service-managed", 2026)).toBe("50101");
  });

  it("uses the * row for 30302 退休费 whatever the unit type", () => {
    expect(codes.mapEconomicCode("30302", "企业", 2026)).toBe("50905");
  });

  it("throws CODE_MAPPING_MISSING for 30101 of an 企业 unit, which has no row", () => {
    expect(() => codes.mapEconomicCode("30101", "企业", 2026)).toThrow(
      throws("CODE_MAPPING_MISSING"),
    );
  });

  it("throws CODE_MAPPING_MISSING for 30102 in 2026, a known code without any row", () => {
    expect(() => codes.mapEconomicCode("30102", "行政", 2026)).toThrow(
      throws("CODE_MAPPING_MISSING"),
    );
  });

  it("throws the code's own problem for a code absent in the year or of the wrong kind", () => {
    expect(() => codes.mapEconomicCode("30199", "行政", 2026)).toThrow(throws("CODE_UNKNOWN"));
    expect(() => codes.mapEconomicCode("50101", "行政", 2026)).toThrow(throws("CODE_KIND_MISMATCH"));
    expect(() => codes.mapEconomicCode("30101", "行政", 2025)).toThrow(throws("CODE_YEAR_UNKNOWN"));
  });

  it("throws ORG_UNIT_TYPE_UNKNOWN for an unknown unit type", () => {
    expect(() => codes.mapEconomicCode("30101", "社团", 2026)).toThrow(
      throws("ORG_UNIT_TYPE_UNKNOWN"),
    );
  });
});

describe("loadEconomicMapping", () => {
  it("loads rows given as objects, and a second identical load changes nothing", () => {
    const rows = [row("30101", "public-institution", "50501")];
    expect(codes.loadEconomicMapping(rows)).toEqual({ added: 1, unchanged: 0 });
    expect(codes.loadEconomicMapping(rows)).toEqual({ added: 0, unchanged: 1 });
  });

  it("throws CODE_DUPLICATE when a row is mapped again to another code", () => {
    codes.loadEconomicMapping([row("30101", "administrative", "50101")]);
    expect(() =>
      codes.loadEconomicMapping([row("30101", "administrative", "50501")]),
    ).toThrow(throws("CODE_DUPLICATE"));
  });

  it("throws CODE_UNKNOWN for a target absent from the 2026 list", () => {
    expect(() =>
      codes.loadEconomicMapping([row("30101", "administrative", "50102")]),
    ).toThrow(throws("CODE_UNKNOWN"));
  });

  it("throws ORG_UNIT_TYPE_UNKNOWN for a unit type that is not a key", () => {
    const row = { deptCode: "30101", unitType: "行政", govCode: "50101", year: 2026 } as never;
    expect(() => codes.loadEconomicMapping([row])).toThrow(throws("ORG_UNIT_TYPE_UNKNOWN"));
  });
});

describe("loadEconomicMappingCsv", () => {
  it("accepts English headers dept_code,unit_type,gov_code,year", () => {
    const csv = "dept_code,unit_type,gov_code,year\n30101,事业,50501,2026\n";
    expect(codes.loadEconomicMappingCsv(csv)).toEqual({ added: 1, unchanged: 0 });
  });

  it("reports a bad row as CODE_LIST_INVALID with its line, and loads no row", () => {
    const csv = "dept_code,unit_type,gov_code,year\n30101,事业,50501,2026\n30101,社团,50101,2026\n";
    expect(() => codes.loadEconomicMappingCsv(csv)).toThrow(
      expect.objectContaining({
        code: "CODE_LIST_INVALID",
        details: expect.objectContaining({ line: 3 }),
      }),
    );
    expect(() => codes.mapEconomicCode("30101", "事业", 2026)).toThrow(
      throws("CODE_MAPPING_MISSING"),
    );
  });
});
