import { describe, expect, it } from "vitest";
import { amountField, codeField } from "./import-fields";
import { defineRowSchema } from "./row-schema";

describe("defineRowSchema", () => {
  it("indexes canonical names and aliases, normalised", () => {
    const schema = defineRowSchema("t", { agency_code: codeField({ aliases: ["单位编码"] }), amount: amountField({ aliases: ["金额"] }) });
    expect(schema.aliasIndex.get("agencycode")).toBe("agency_code");
    expect(schema.aliasIndex.get("单位编码")).toBe("agency_code");
    expect(schema.fastPath).toBe(true);
    expect(schema.rowSchema.parse({ agency_code: "101001", amount: "1.5" })).toEqual({ agency_code: "101001", amount: 150n });
  });

  it("throws when two fields share the alias 编码", () => {
    expect(() =>
      defineRowSchema("t", { a: codeField({ aliases: ["编码"] }), b: codeField({ aliases: ["编码"] }) }),
    ).toThrow(/编码/);
  });
});
