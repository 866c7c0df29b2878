import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { controlStanding } from "./control-standing";

const thresholds = [
  { percent: 80, severity: "info" as const },
  { percent: 90, severity: "warning" as const },
  { percent: 100, severity: "critical" as const },
];

describe("controlStanding", () => {
  // 10,000.00 yuan.
  const advisory = agencyControl({ limit: 1_000_000n, policy: "advisory", thresholds });
  const absolute = agencyControl({ limit: 1_000_000n, policy: "absolute", thresholds });

  it("says nothing of a control that reached no threshold and is within its limit", () => {
    expect(controlStanding(advisory, 100_000n, 700_000n)).toBeUndefined();
  });

  it("says nothing of a control that was already at every threshold it is at now", () => {
    expect(controlStanding(absolute, 850_000n, 880_000n)).toBeUndefined();
  });

  it("names every threshold crossed from 75 % to 95 %, with the highest one's severity", () => {
    expect(controlStanding(absolute, 750_000n, 950_000n)).toEqual({
      controlId: "101001-302", policy: "absolute", limit: 1_000_000n, usedBefore: 750_000n, used: 950_000n,
      thresholdsCrossed: [80, 90], status: "threshold", crossed: false, severity: "warning",
    });
  });

  it("counts a threshold reached exactly at its percent (8,000.00 of 10,000.00 is 80 %)", () => {
    expect(controlStanding(absolute, 0n, 800_000n)?.thresholdsCrossed).toEqual([80]);
    expect(controlStanding(absolute, 0n, 799_999n)).toBeUndefined();
  });

  it("says an advisory control taken past its limit was crossed, with every threshold on the way", () => {
    expect(controlStanding(advisory, 300_000n, 1_200_000n)).toMatchObject({
      status: "over-limit", crossed: true, thresholdsCrossed: [80, 90, 100], severity: "critical", used: 1_200_000n,
    });
  });

  it("says an advisory control exactly at its limit is not past it", () => {
    expect(controlStanding(advisory, 900_000n, 1_000_000n)).toMatchObject({ status: "threshold", thresholdsCrossed: [100], severity: "critical" });
  });

  it("says an advisory control already past its limit is still past it, not crossed, even when the run added nothing", () => {
    expect(controlStanding(advisory, 1_200_000n, 1_200_000n)).toMatchObject({ status: "over-limit", crossed: false, thresholdsCrossed: [] });
    expect(controlStanding(advisory, 1_000_001n, 1_200_000n)).toMatchObject({ status: "over-limit", crossed: false });
  });

  it("says an advisory control brought back within its limit (refunds) is within it", () => {
    expect(controlStanding(advisory, 1_200_000n, 950_000n)).toMatchObject({ status: "within-limit", crossed: false, severity: "info", thresholdsCrossed: [] });
  });

  it("never says a tracking control is past a limit: only its thresholds", () => {
    const track = agencyControl({ limit: 1_000_000n, policy: "track", thresholds });
    expect(controlStanding(track, 1_200_000n, 1_300_000n)).toBeUndefined();
    expect(controlStanding(track, 0n, 1_300_000n)).toMatchObject({ status: "threshold", thresholdsCrossed: [80, 90, 100], severity: "critical" });
  });

  it("says nothing of a control without thresholds unless it is an advisory one past its limit", () => {
    expect(controlStanding(agencyControl({ limit: 1_000_000n }), 0n, 1_000_000n)).toBeUndefined();
    expect(controlStanding(agencyControl({ limit: 1_000_000n, policy: "advisory" }), 0n, 1_000_001n)).toMatchObject({ status: "over-limit", thresholdsCrossed: [] });
  });
});
