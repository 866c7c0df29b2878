import { describe, expect, it } from "vitest";
import { percentOf } from "./percent-of";

describe("percentOf", () => {
  it("gives 1,700.00 of 1,000.00 as 170.0", () => {
    expect(percentOf(170_000n, 100_000n)).toBe("170.0");
  });

  it("truncates 999.99 of 1,000.00 to 99.9, so a limit not reached never reads 100.0", () => {
    expect(percentOf(99_999n, 100_000n)).toBe("99.9");
  });

  it("gives a control that has given back more than it used as a negative share", () => {
    expect(percentOf(-1_500n, 100_000n)).toBe("-1.5");
  });
});
