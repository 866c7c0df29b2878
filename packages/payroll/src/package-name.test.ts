import { describe, expect, it } from "vitest";
import { PACKAGE_NAME } from "./package-name";

describe("PACKAGE_NAME", () => {
  it("names the published package", () => {
    expect(PACKAGE_NAME).toBe("@jincai/payroll");
  });
});
