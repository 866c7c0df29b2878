import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCodeRegistry } from "./code-registry";
import { STARTER_CODES_CSV } from "./starter-codes";
import { STARTER_ECONOMIC_MAPPING_CSV } from "./starter-economic-mapping";

const FILE = new URL("../../data/economic-mapping-2026.csv", import.meta.url);

describe("STARTER_ECONOMIC_MAPPING_CSV", () => {
  it("is byte-for-byte data/economic-mapping-2026.csv", () => {
    expect(STARTER_ECONOMIC_MAPPING_CSV).toBe(readFileSync(FILE, "utf8"));
  });

  it("marks itself as [K] from memory, to verify against the official 2026 list", () => {
    const marker = "[K] from memory, verify against the official 2026 list";
    expect(STARTER_ECONOMIC_MAPPING_CSV).toContain(marker);
  });

  it("maps every department economic 款 for 行政, 参公 and 事业 units, except 312's own rows", () => {
    const codes = createCodeRegistry();
    codes.loadCsv(STARTER_CODES_CSV);
    codes.loadEconomicMappingCsv(STARTER_ECONOMIC_MAPPING_CSV);
    for (const { code } of codes.list("economic-dept", 2026)) {
      if (code === "312") continue;
      for (const unit of ["行政", "参公", "事业"]) {
        const gov = codes.mapEconomicCode(code, unit, 2026);
        expect(codes.check("economic-gov", gov, 2026)).toBeUndefined();
      }
    }
  });

  it("maps wages 30101 to 50101 for 行政 and 50501 for 事业, as real payloads show", () => {
    const codes = createCodeRegistry();
    codes.loadCsv(STARTER_CODES_CSV);
    codes.loadEconomicMappingCsv(STARTER_ECONOMIC_MAPPING_CSV);
    expect(codes.mapEconomicCode("30101", "行政", 2026)).toBe("50101");
    expect(codes.mapEconomicCode("30108", "事业", 2026)).toBe("50501");
  });
});
