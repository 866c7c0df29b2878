import { describe, expect, it } from "vitest";
import { JincaiError, isJincaiError } from "./jincai-error";

describe("JincaiError", () => {
  it("carries a stable code, a message and structured details", () => {
    const e = new JincaiError("MONEY_PARSE", "not an amount", { details: { input: "12a" } });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe("MONEY_PARSE");
    expect(e.details).toEqual({ input: "12a" });
    expect(e.name).toBe("JincaiError");
  });

  it("keeps the cause and serialises to JSON without it", () => {
    const cause = new Error("disk full");
    const e = new JincaiError("STORE_IO", "write failed", { cause });
    expect(e.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: "STORE_IO", message: "write failed", details: {} });
  });
});

describe("isJincaiError", () => {
  it("recognises the class and an optional code", () => {
    const e = new JincaiError("CODE_UNKNOWN", "x");
    expect(isJincaiError(e)).toBe(true);
    expect(isJincaiError(e, "CODE_UNKNOWN")).toBe(true);
    expect(isJincaiError(e, "MONEY_PARSE")).toBe(false);
  });

  it("recognises an error of another package copy by its shape", () => {
    expect(isJincaiError({ name: "JincaiError", code: "X", message: "m" })).toBe(true);
    expect(isJincaiError(new Error("plain"))).toBe(false);
    expect(isJincaiError(null)).toBe(false);
  });
});
