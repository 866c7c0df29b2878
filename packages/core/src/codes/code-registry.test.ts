import { beforeEach, describe, expect, it } from "vitest";
import type { CodeEntry } from "./code-entry";
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";

const fn = (code: string, name: string, year = 2026): CodeEntry => ({
  code,
  name,
  kind: "function",
  year,
});

const EDUCATION: CodeEntry[] = [
  fn("205", "教育支出"),
  fn("20502", "普通教育"),
  fn("2050201", "学前教育"),
  fn("2050202", "小学教育"),
  fn("2050203", "初中教育"),
  fn("20501", "教育管理事务"),
  fn("2050101", "行政运行"),
  { code: "301", name: "工资福利支出", kind: "economic-dept", year: 2026 },
  { code: "30101", name: "基本工资", kind: "economic-dept", year: 2026 },
];

const throws = (code: string) => expect.objectContaining({ code });

let codes: CodeRegistry;
beforeEach(() => {
  codes = createCodeRegistry();
  codes.load(EDUCATION);
});

describe("check", () => {
  it("accepts the leaf 2050202 小学教育 in 2026", () => {
    expect(codes.check("function", "2050202", 2026, { leaf: true })).toBeUndefined();
  });

  it("reports CODE_NOT_LEAF for the 款 20502 when a leaf is required, else accepts it", () => {
    expect(codes.check("function", "20502", 2026, { leaf: true })).toBe("CODE_NOT_LEAF");
    expect(codes.check("function", "20502", 2026)).toBeUndefined();
  });

  it("reports CODE_UNKNOWN for 2050204 高中教育, absent from this 2026 list", () => {
    expect(codes.check("function", "2050204", 2026)).toBe("CODE_UNKNOWN");
  });

  it("reports CODE_YEAR_UNKNOWN for 2050202 in 2027, a year with no list", () => {
    expect(codes.check("function", "2050202", 2027)).toBe("CODE_YEAR_UNKNOWN");
  });

  it("works when detached from the registry, as hot import loops use it", () => {
    const { check } = codes;
    expect(check("function", "2050201", 2026, { leaf: true })).toBeUndefined();
  });

  it("reports shape problems before looking anything up", () => {
    expect(codes.check("function", "20502x1", 2026)).toBe("CODE_INVALID_FORMAT");
    expect(codes.check("function", "205020", 2026)).toBe("CODE_INVALID_LENGTH");
    expect(codes.check("function", "30101", 2026)).toBe("CODE_KIND_MISMATCH");
  });
});

describe("validate", () => {
  it("returns the entry of 2050203 初中教育", () => {
    expect(codes.validate("function", "2050203", 2026, { leaf: true }).name).toBe("初中教育");
  });

  it("throws the check problem as the error code", () => {
    expect(() => codes.validate("function", "205", 2026, { leaf: true })).toThrow(
      throws("CODE_NOT_LEAF"),
    );
    expect(() => codes.validate("function", "2059999", 2026)).toThrow(throws("CODE_UNKNOWN"));
  });

  it("says the year must be a number when plain JavaScript gives the text \"2026\"", () => {
    const untyped = "2026" as unknown as number;
    expect(() => codes.validate("function", "2050203", untyped)).toThrow(
      expect.objectContaining({
        code: "CODE_YEAR_INVALID",
        message: 'function code "2050203": the year must be an integer (a number such as 2026), not string "2026"',
      }),
    );
    expect(codes.check("function", "2050203", untyped)).toBe("CODE_YEAR_INVALID");
    expect(codes.check("function", "2050203", 2026.5)).toBe("CODE_YEAR_INVALID");
  });
});

describe("find", () => {
  it("finds 30101 基本工资 and returns undefined for a malformed or absent code", () => {
    expect(codes.find("economic-dept", "30101", 2026)?.name).toBe("基本工资");
    expect(codes.find("economic-dept", "3x101", 2026)).toBeUndefined();
    expect(codes.find("economic-dept", "30102", 2026)).toBeUndefined();
  });
});

describe("levelOf", () => {
  it("labels 20502 as 款 and 2050201 as 项", () => {
    expect(codes.levelOf("function", "20502")).toEqual({ level: 2, label: "款" });
    expect(codes.levelOf("function", "2050201")).toEqual({ level: 3, label: "项" });
  });

  it("throws CODE_INVALID_LENGTH for a 9-digit function code (functions stop at 项)", () => {
    expect(() => codes.levelOf("function", "205020101")).toThrow(throws("CODE_INVALID_LENGTH"));
  });
});

describe("parentOf", () => {
  it("gives 20502 普通教育 for 2050202 and nothing for the 类 205", () => {
    expect(codes.parentOf("function", "2050202", 2026)?.name).toBe("普通教育");
    expect(codes.parentOf("function", "205", 2026)).toBeUndefined();
  });
});

describe("childrenOf", () => {
  it("lists the 项 of 20502 in code order", () => {
    const names = codes.childrenOf("function", "20502", 2026).map((e) => e.code);
    expect(names).toEqual(["2050201", "2050202", "2050203"]);
  });

  it("lists the 款 of 205 even though they were loaded out of order", () => {
    const children = codes.childrenOf("function", "205", 2026).map((e) => e.code);
    expect(children).toEqual(["20501", "20502"]);
  });
});

describe("ancestorsOf", () => {
  it("gives 205 then 20502 for 2050201", () => {
    const names = codes.ancestorsOf("function", "2050201", 2026).map((e) => e.name);
    expect(names).toEqual(["教育支出", "普通教育"]);
  });

  it("throws CODE_UNKNOWN for a code absent in the year", () => {
    expect(() => codes.ancestorsOf("function", "2050299", 2026)).toThrow(throws("CODE_UNKNOWN"));
  });
});

describe("isLeaf", () => {
  it("says 2050101 行政运行 is a leaf and 20501 is not", () => {
    expect(codes.isLeaf("function", "2050101", 2026)).toBe(true);
    expect(codes.isLeaf("function", "20501", 2026)).toBe(false);
  });

  it("says the economic 款 30101 基本工资 is a leaf in 2026", () => {
    expect(codes.isLeaf("economic-dept", "30101", 2026)).toBe(true);
  });
});

describe("rollup", () => {
  it("rolls 2050202 up to its 类 205", () => {
    expect(codes.rollup("2050202", 1)).toBe("205");
  });
});

describe("list", () => {
  it("lists every 2026 function code in code order, and nothing for 2027", () => {
    expect(codes.list("function", 2026).map((e) => e.code)).toEqual([
      "205", "20501", "2050101", "20502", "2050201", "2050202", "2050203",
    ]);
    expect(codes.list("function", 2027)).toEqual([]);
  });
});

describe("years", () => {
  it("lists loaded years ascending", () => {
    codes.load([fn("205", "教育支出", 2025)]);
    expect(codes.years()).toEqual([2025, 2026]);
  });
});

describe("load with rename (an official list over the starter list)", () => {
  it("refuses a loaded code under another name by default, and renames it with rename, keeping its place in the tree", () => {
    expect(() => codes.load([fn("20502", "普通教育（改）")])).toThrow(throws("CODE_DUPLICATE"));
    expect(codes.load([fn("20502", "普通教育（改）"), fn("2050201", "学前教育")], { rename: true })).toEqual({ added: 1, unchanged: 1 });
    expect(codes.find("function", "20502", 2026)?.name).toBe("普通教育（改）");
    expect(codes.childrenOf("function", "20502", 2026).map((c) => c.code)).toEqual(["2050201", "2050202", "2050203"]);
    expect(codes.childrenOf("function", "205", 2026).map((c) => [c.code, c.name])).toEqual([["20501", "教育管理事务"], ["20502", "普通教育（改）"]]);
    expect(codes.parentOf("function", "2050202", 2026)?.name).toBe("普通教育（改）");
    expect(codes.check("function", "20502", 2026, { leaf: true })).toBe("CODE_NOT_LEAF");
  });
});
