import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { controlsInForce } from "./controls-in-force";

describe("controlsInForce", () => {
  const retired = agencyControl({ id: "C302", retired: "2026-07-01" });
  const kept = agencyControl({ id: "C301" });
  const controls = [retired, kept];

  it("keeps a control on the days before its retirement and drops it from that day", () => {
    expect(controlsInForce(controls, "2026-06-30")).toBe(controls);
    expect(controlsInForce(controls, "2026-07-01").map((c) => c.id)).toEqual(["C301"]);
    expect(controlsInForce(controls, "2026-12-31").map((c) => c.id)).toEqual(["C301"]);
  });

  it("gives the same list for every date after the same retirements, so reservations can share their levels", () => {
    expect(controlsInForce(controls, "2026-07-01")).toBe(controlsInForce(controls, "2026-09-30"));
  });
});
