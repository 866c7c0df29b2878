import { describe, expect, it } from "vitest";
import { asOfMonths } from "./as-of-months";

describe("asOfMonths", () => {
  it("folds June up to 2026-06-20 on top of the whole months before June", () => {
    expect(asOfMonths("2026-06-20")).toEqual({ upTo: "2026-06", monthStart: "2026-06-01" });
  });

  it("folds only 2026-03-01 itself on the first day of March", () => {
    expect(asOfMonths("2026-03-01")).toEqual({ upTo: "2026-03", monthStart: "2026-03-01" });
  });

  it("counts March whole on 2026-03-31 and February whole on 2028-02-29 (leap year)", () => {
    expect(asOfMonths("2026-03-31")).toEqual({ upTo: "2026-04" });
    expect(asOfMonths("2026-02-28")).toEqual({ upTo: "2026-03" });
    expect(asOfMonths("2028-02-28")).toEqual({ upTo: "2028-02", monthStart: "2028-02-01" });
    expect(asOfMonths("2028-02-29")).toEqual({ upTo: "2028-03" });
  });

  it("moves to January of the next year on 2026-12-31, and past every month of 9999 on 9999-12-31", () => {
    expect(asOfMonths("2026-12-31")).toEqual({ upTo: "2027-01" });
    expect(asOfMonths("9999-12-31")).toEqual({ upTo: "9999-13" });
  });

  it("leaves 2026-02-30, 2026/06/20 and 20260620 to the plain fold", () => {
    expect(asOfMonths("2026-02-30")).toBeUndefined();
    expect(asOfMonths("2026/06/20")).toBeUndefined();
    expect(asOfMonths("20260620")).toBeUndefined();
  });
});
