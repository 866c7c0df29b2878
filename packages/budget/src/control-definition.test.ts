import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { controlDefinition, definitionMemo, definitionOfMemo, matchText } from "./control-definition";

describe("controlDefinition and its memo", () => {
  it("records a control's policy and matchers in dimension order, and reads them back", () => {
    const control = agencyControl({ policy: "advisory" });
    expect(controlDefinition(control)).toEqual({ policy: "advisory", match: "agency=101001, economicCode=302*" });
    expect(definitionOfMemo(definitionMemo(control))).toEqual(controlDefinition(control));
    expect(definitionMemo({ ...control, match: [...control.match].reverse() })).toBe(definitionMemo(control));
  });

  it("reads no definition from a memo that records none, as a control defined by an earlier build has", () => {
    expect(definitionOfMemo(undefined)).toBeUndefined();
    expect(definitionOfMemo("limit 1,000.00 -> 2,000.00")).toBeUndefined();
    expect(definitionOfMemo('{"policy":"absolute"}')).toBeUndefined();
  });

  it("shows matchers edited into something that is not a list as their JSON", () => {
    expect(matchText("302" as never)).toBe('"302"');
  });
});
