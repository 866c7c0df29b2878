import { describe, expect, it } from "vitest";
import {
  assertCodeShape,
  checkCodeShape,
  codeLevelOf,
  parentCodeOf,
  rollupCode,
} from "./code-shape";

describe("checkCodeShape", () => {
  it("accepts 2010101 行政运行 as a function code", () => {
    expect(checkCodeShape("function", "2010101")).toBeUndefined();
  });

  it("accepts the 9-digit revenue 目 101010101", () => {
    expect(checkCodeShape("revenue", "101010101")).toBeUndefined();
  });

  it("rejects non-digits, including a full-width digit and spaces", () => {
    expect(checkCodeShape("function", "20101a1")).toBe("CODE_INVALID_FORMAT");
    expect(checkCodeShape("function", "２０１")).toBe("CODE_INVALID_FORMAT");
    expect(checkCodeShape("function", " 201")).toBe("CODE_INVALID_FORMAT");
    expect(checkCodeShape("function", "")).toBe("CODE_INVALID_FORMAT");
  });

  it("rejects lengths that are not a level of the kind", () => {
    expect(checkCodeShape("function", "2010")).toBe("CODE_INVALID_LENGTH");
    expect(checkCodeShape("function", "201010101")).toBe("CODE_INVALID_LENGTH");
    expect(checkCodeShape("economic-dept", "3010101")).toBe("CODE_INVALID_LENGTH");
  });

  it("reports a kind mismatch for 30101 given as a function code and 50101 as a dept code", () => {
    expect(checkCodeShape("function", "30101")).toBe("CODE_KIND_MISMATCH");
    expect(checkCodeShape("economic-dept", "50101")).toBe("CODE_KIND_MISMATCH");
  });

  it("reports an unknown kind", () => {
    expect(checkCodeShape("budget", "201")).toBe("CODE_KIND_UNKNOWN");
  });
});

describe("assertCodeShape", () => {
  it("throws CODE_INVALID_LENGTH for 3010101 as a dept economic code", () => {
    expect(() => assertCodeShape("economic-dept", "3010101")).toThrow(
      expect.objectContaining({ code: "CODE_INVALID_LENGTH" }),
    );
  });
});

describe("codeLevelOf", () => {
  it("derives 类/款/项/目 from 3/5/7/9 digits", () => {
    expect(codeLevelOf("205")).toEqual({ level: 1, label: "类" });
    expect(codeLevelOf("20502")).toEqual({ level: 2, label: "款" });
    expect(codeLevelOf("2050201")).toEqual({ level: 3, label: "项" });
    expect(codeLevelOf("101010101")).toEqual({ level: 4, label: "目" });
  });

  it("throws CODE_INVALID_LENGTH for 4 digits and CODE_INVALID_FORMAT for letters", () => {
    expect(() => codeLevelOf("2050")).toThrow(
      expect.objectContaining({ code: "CODE_INVALID_LENGTH" }),
    );
    expect(() => codeLevelOf("20x")).toThrow(
      expect.objectContaining({ code: "CODE_INVALID_FORMAT" }),
    );
  });
});

describe("parentCodeOf", () => {
  it("gives 20502 for 2050201 and nothing for the 类 205", () => {
    expect(parentCodeOf("2050201")).toBe("20502");
    expect(parentCodeOf("20502")).toBe("205");
    expect(parentCodeOf("205")).toBeUndefined();
  });
});

describe("rollupCode", () => {
  it("rolls 2050201 小学教育 up to 20502 普通教育 and 205 教育支出", () => {
    expect(rollupCode("2050201", 2)).toBe("20502");
    expect(rollupCode("2050201", 1)).toBe("205");
    expect(rollupCode("2050201", 3)).toBe("2050201");
  });

  it("throws CODE_LEVEL_INVALID below the code's own level or for level 0", () => {
    expect(() => rollupCode("20502", 3)).toThrow(
      expect.objectContaining({ code: "CODE_LEVEL_INVALID" }),
    );
    expect(() => rollupCode("20502", 0)).toThrow(
      expect.objectContaining({ code: "CODE_LEVEL_INVALID" }),
    );
    expect(() => rollupCode("20502", 1.5)).toThrow(
      expect.objectContaining({ code: "CODE_LEVEL_INVALID" }),
    );
  });
});
