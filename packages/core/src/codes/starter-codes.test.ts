import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CodeKind } from "./code-kind";
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";
import { STARTER_CODES_CSV } from "./starter-codes";

const FILE = new URL("../../data/classification-2026.csv", import.meta.url);

const codesOfLength = (codes: CodeRegistry, kind: CodeKind, length: number): string[] =>
  codes
    .list(kind, 2026)
    .filter((e) => e.code.length === length)
    .map((e) => e.code);

describe("STARTER_CODES_CSV", () => {
  it("is byte-for-byte data/classification-2026.csv", () => {
    expect(STARTER_CODES_CSV).toBe(readFileSync(FILE, "utf8"));
  });

  it("marks itself as [K] from memory, to verify against the official 2026 list", () => {
    expect(STARTER_CODES_CSV).toContain("[K] from memory, verify against the official 2026 list");
  });

  it("loads into a registry without a single problem", () => {
    expect(createCodeRegistry().loadCsv(STARTER_CODES_CSV).added).toBeGreaterThan(500);
  });

  it("has every 支出功能分类 类 from 201 一般公共服务支出 to 233 债务发行费用支出", () => {
    const codes = createCodeRegistry();
    codes.loadCsv(STARTER_CODES_CSV);
    const classes = codesOfLength(codes, "function", 3);
    expect(classes).toEqual([
      "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
      "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230", "231",
      "232", "233",
    ]);
  });

  it("has at least 20 function 项, including those the sample city uses", () => {
    const codes = createCodeRegistry();
    codes.loadCsv(STARTER_CODES_CSV);
    expect(codesOfLength(codes, "function", 7).length).toBeGreaterThanOrEqual(20);
    const used = ["2010101", "2010102", "2010150", "2050101", "2050201", "2050204", "2100101"];
    for (const code of used) {
      expect(codes.check("function", code, 2026, { leaf: true })).toBeUndefined();
    }
  });

  it("has the department economic 类 301..399 and the government 类 501..599 with their 款", () => {
    const codes = createCodeRegistry();
    codes.loadCsv(STARTER_CODES_CSV);
    const dept = codesOfLength(codes, "economic-dept", 3);
    const gov = codesOfLength(codes, "economic-gov", 3);
    expect(dept).toEqual(["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]);
    expect(gov[0]).toBe("501");
    expect(gov.at(-1)).toBe("599");
    for (const c of dept) expect(codes.isLeaf("economic-dept", c, 2026)).toBe(false);
    for (const c of gov) expect(codes.isLeaf("economic-gov", c, 2026)).toBe(false);
  });
});
