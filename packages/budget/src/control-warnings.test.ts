import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { controlWarnings } from "./control-warnings";

const thresholds = [
  { percent: 80, severity: "info" as const },
  { percent: 90, severity: "warning" as const },
  { percent: 100, severity: "critical" as const },
];

describe("controlWarnings", () => {
  const control = agencyControl({ limit: 1_000_000n, thresholds });

  it("raises nothing below 80 %", () => {
    expect(controlWarnings(control, 1_000_000n, 700_000n)).toEqual([]);
  });

  it("raises the 90 % warning when usage goes from 75 % to 92 %", () => {
    expect(controlWarnings(control, 250_000n, 170_000n)).toEqual([
      { code: "BUDGET_THRESHOLD_REACHED", controlId: "101001-302", severity: "warning", percent: 90, used: 920_000n, limit: 1_000_000n, crossed: true },
    ]);
  });

  it("raises the 100 % critical warning at exactly the limit, without crossing when already there", () => {
    expect(controlWarnings(control, 0n, 0n)[0]).toMatchObject({ percent: 100, severity: "critical", crossed: false });
  });

  it("warns that an advisory control is over its limit", () => {
    const advisory = agencyControl({ limit: 1_000_000n, policy: "advisory" });
    expect(controlWarnings(advisory, 100_000n, 300_000n)).toEqual([
      { code: "BUDGET_ADVISORY_EXCEEDED", controlId: "101001-302", severity: "critical", used: 1_200_000n, limit: 1_000_000n, crossed: true },
    ]);
  });
});
