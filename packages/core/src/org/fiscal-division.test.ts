import { describe, expect, it } from "vitest";
import {
  describeDivision,
  divisionLevelOf,
  isDivisionCode,
  parentDivisionCodeOf,
} from "./fiscal-division";

const throws = (code: string) => expect.objectContaining({ code });

describe("isDivisionCode", () => {
  it("accepts 320505 and rejects 5 digits, letters and a 00 prefix", () => {
    expect(isDivisionCode("320505")).toBe(true);
    expect(isDivisionCode("32050")).toBe(false);
    expect(isDivisionCode("32050a")).toBe(false);
    expect(isDivisionCode("000100")).toBe(false);
  });
});

describe("divisionLevelOf", () => {
  it("reads 320000 as a province, 320500 as a city and 320505 as a county", () => {
    expect(divisionLevelOf("320000")).toBe("province");
    expect(divisionLevelOf("320500")).toBe("city");
    expect(divisionLevelOf("320505")).toBe("county");
  });

  it("reads 110101 东城区 of the municipality 110000 as a county", () => {
    expect(divisionLevelOf("110101")).toBe("county");
  });

  it("throws ORG_DIVISION_INVALID for a 4-digit code", () => {
    expect(() => divisionLevelOf("3205")).toThrow(throws("ORG_DIVISION_INVALID"));
  });
});

describe("parentDivisionCodeOf", () => {
  it("gives the city for a county, the province for a city, nothing for a province", () => {
    expect(parentDivisionCodeOf("320505")).toBe("320500");
    expect(parentDivisionCodeOf("320500")).toBe("320000");
    expect(parentDivisionCodeOf("320000")).toBeUndefined();
  });
});

describe("describeDivision", () => {
  it("describes 320505 虎丘区 as a 县-level division under 320500", () => {
    expect(describeDivision("320505", "虎丘区")).toEqual({
      code: "320505",
      name: "虎丘区",
      level: "county",
      levelLabel: "县",
      parentCode: "320500",
    });
  });

  it("gives a province no parentCode", () => {
    expect(describeDivision("320000", "江苏省")).not.toHaveProperty("parentCode");
  });
});
