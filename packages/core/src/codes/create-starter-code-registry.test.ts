import { describe, expect, it } from "vitest";
import { parseEconomicMappingCsv } from "./_economic-map";
import { parseCodeListCsv } from "./_parse-code-list-csv";
import { createCodeRegistry } from "./code-registry";
import { createStarterCodeRegistry } from "./create-starter-code-registry";
import { STARTER_CODES_CSV } from "./starter-codes";
import { STARTER_ECONOMIC_MAPPING_CSV } from "./starter-economic-mapping";

describe("createStarterCodeRegistry", () => {
  it("loads 2026 by default", () => {
    const codes = createStarterCodeRegistry();
    expect(codes.years()).toEqual([2026]);
    expect(codes.validate("function", "2010101", 2026, { leaf: true }).name).toBe("行政运行");
  });

  it("loads the starter list and mapping as 2025 too", () => {
    const codes = createStarterCodeRegistry({ years: [2025, 2026] });
    expect(codes.years()).toEqual([2025, 2026]);
    expect(codes.validate("function", "2050202", 2025).name).toBe("小学教育");
    expect(codes.mapEconomicCode("30101", "事业", 2025)).toBe("50501");
  });

  it("holds exactly what the CSV reader reads from the embedded tables (they are split plainly)", () => {
    const viaCsv = createCodeRegistry();
    viaCsv.load(parseCodeListCsv(STARTER_CODES_CSV).entries);
    viaCsv.loadEconomicMapping(parseEconomicMappingCsv(STARTER_ECONOMIC_MAPPING_CSV).rows);
    const starter = createStarterCodeRegistry();
    for (const kind of ["revenue", "function", "economic-dept", "economic-gov"] as const) {
      expect(starter.list(kind, 2026)).toEqual(viaCsv.list(kind, 2026));
    }
    const mapped = (codes: typeof starter, code: string, unit: string): string => {
      try {
        return codes.mapEconomicCode(code, unit, 2026);
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (const unit of ["行政", "事业", "参公", "企业"]) {
      for (const e of viaCsv.list("economic-dept", 2026)) expect(mapped(starter, e.code, unit)).toBe(mapped(viaCsv, e.code, unit));
    }
    expect(STARTER_CODES_CSV).not.toMatch(/"/);
    expect(STARTER_ECONOMIC_MAPPING_CSV).not.toMatch(/"/);
  });
});
