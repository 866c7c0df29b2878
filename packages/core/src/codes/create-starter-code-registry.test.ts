import { describe, expect, it } from "vitest";
import { createStarterCodeRegistry } from "./create-starter-code-registry";

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
});
