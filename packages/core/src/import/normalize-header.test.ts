import { describe, expect, it } from "vitest";
import { normalizeHeader } from "./normalize-header";

describe("normalizeHeader", () => {
  it("matches Agency Code, agency_code and AGENCY-CODE, and 单位编码* with ＢＯＭ and spaces", () => {
    expect(normalizeHeader(" Agency Code ")).toBe("agencycode");
    expect(normalizeHeader("AGENCY-CODE")).toBe(normalizeHeader("agency_code"));
    expect(normalizeHeader("\uFEFF单位编码* ")).toBe("单位编码");
    expect(normalizeHeader("金额（元）")).toBe("金额(元)");
  });
});
