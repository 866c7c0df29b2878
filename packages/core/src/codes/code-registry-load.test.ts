import { beforeEach, describe, expect, it } from "vitest";
import { isJincaiError } from "../errors/jincai-error";
import type { CodeEntry } from "./code-entry";
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";

const fn = (code: string, name: string, year = 2026): CodeEntry => ({
  code,
  name,
  kind: "function",
  year,
});
const throws = (code: string) => expect.objectContaining({ code });

function caught(f: () => unknown): Record<string, unknown> {
  try {
    f();
  } catch (e) {
    if (isJincaiError(e)) return { code: e.code, ...e.details };
    throw e;
  }
  throw new Error("expected a JincaiError");
}

let codes: CodeRegistry;
beforeEach(() => {
  codes = createCodeRegistry();
});

describe("load", () => {
  it("adds 201 and 20101 and reports them as added, then unchanged on a second load", () => {
    const list = [fn("201", "一般公共服务支出"), fn("20101", "人大事务")];
    expect(codes.load(list)).toEqual({ added: 2, unchanged: 0 });
    expect(codes.load(list)).toEqual({ added: 0, unchanged: 2 });
  });

  it("throws CODE_PARENT_MISSING for 2010101 without 20101, and loads nothing", () => {
    expect(() => codes.load([fn("201", "一般公共服务支出"), fn("2010101", "行政运行")])).toThrow(
      throws("CODE_PARENT_MISSING"),
    );
    expect(codes.years()).toEqual([]);
  });

  it("accepts a child whose parent was loaded earlier", () => {
    codes.load([fn("201", "一般公共服务支出"), fn("20101", "人大事务")]);
    codes.load([fn("2010101", "行政运行")]);
    expect(codes.isLeaf("function", "20101", 2026)).toBe(false);
  });

  it("throws CODE_DUPLICATE for the same code twice in a batch", () => {
    expect(() => codes.load([fn("201", "一般公共服务支出"), fn("201", "一般公共服务支出")])).toThrow(
      throws("CODE_DUPLICATE"),
    );
  });

  it("throws CODE_DUPLICATE when a loaded code comes again with another name", () => {
    codes.load([fn("201", "一般公共服务支出")]);
    expect(() => codes.load([fn("201", "一般公共服务")])).toThrow(throws("CODE_DUPLICATE"));
  });

  it("keeps the same code in two years apart", () => {
    codes.load([fn("201", "一般公共服务支出", 2025), fn("201", "一般公共服务支出", 2026)]);
    expect(codes.years()).toEqual([2025, 2026]);
  });

  it("throws CODE_KIND_MISMATCH for 30101 loaded as a function code", () => {
    expect(() => codes.load([fn("30101", "基本工资")])).toThrow(throws("CODE_KIND_MISMATCH"));
  });

  it("throws CODE_KIND_UNKNOWN for an entry whose kind is not a classification", () => {
    const entry = { code: "201", name: "x", kind: "budget", year: 2026 } as unknown as CodeEntry;
    expect(() => codes.load([entry])).toThrow(throws("CODE_KIND_UNKNOWN"));
  });

  it("throws CODE_LIST_INVALID for an empty name or a year that is not four digits", () => {
    expect(() => codes.load([fn("201", " ")])).toThrow(throws("CODE_LIST_INVALID"));
    expect(() => codes.load([fn("201", "一般公共服务支出", 26)])).toThrow(throws("CODE_LIST_INVALID"));
  });

  it("reports every problem of the batch in details.issues, by index", () => {
    const batch = [fn("2010", "x"), fn("201", "一般公共服务支出"), fn("20199x", "y")];
    const err = caught(() => codes.load(batch));
    const issues = err["issues"] as { index: number; code: string }[];
    expect(issues.map((i) => [i.index, i.code])).toEqual([
      [0, "CODE_INVALID_LENGTH"],
      [2, "CODE_INVALID_FORMAT"],
    ]);
  });
});

describe("loadCsv", () => {
  it("loads English headers, a BOM and # comments", () => {
    const csv =
      "\uFEFF# [K] sample\ncode,name,kind,year\n" +
      "201,一般公共服务支出,function,2026\n20101,人大事务,function,2026\n";
    expect(codes.loadCsv(csv)).toEqual({ added: 2, unchanged: 0 });
  });

  it("loads Chinese headers 编码/名称/类型/年度 and Chinese kind names", () => {
    const csv = "编码,名称,类型,年度\n301,工资福利支出,部门预算支出经济分类,2025\n30101,基本工资,部门经济,2025\n";
    codes.loadCsv(csv);
    expect(codes.validate("economic-dept", "30101", 2025).name).toBe("基本工资");
  });

  it("rejects a bad row with CODE_LIST_INVALID and its line number, loading nothing", () => {
    const csv = [
      "code,name,kind,year",
      "201,一般公共服务支出,function,2026",
      "20101,人大事务,function,2026",
      "2010a01,行政运行,function,2026",
    ].join("\n");
    const err = caught(() => codes.loadCsv(csv));
    expect(err).toMatchObject({ code: "CODE_LIST_INVALID", line: 4 });
    expect(err["issues"]).toEqual([
      expect.objectContaining({ line: 4, code: "CODE_INVALID_FORMAT" }),
    ]);
    expect(codes.years()).toEqual([]);
  });

  it("gives line numbers that count comment and blank lines", () => {
    const csv =
      "# note\ncode,name,kind,year\n\n" +
      "201,一般公共服务支出,function,2026\n2010101,行政运行,function,2026\n";
    expect(caught(() => codes.loadCsv(csv))).toMatchObject({ code: "CODE_LIST_INVALID", line: 5 });
  });

  it("reports an unknown kind, a bad year and a short row, each with its line", () => {
    const csv = "code,name,kind,year\n201,一般公共服务支出,其他科目,2026\n202,外交支出,function,26\n203,国防支出\n";
    const issues = caught(() => codes.loadCsv(csv))["issues"] as { line: number }[];
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it("throws CODE_LIST_INVALID with the header line when a column is missing", () => {
    expect(caught(() => codes.loadCsv("code,name,year\n201,x,2026\n"))).toMatchObject({
      code: "CODE_LIST_INVALID",
      line: 1,
    });
  });

  it("throws CODE_LIST_INVALID for an unclosed quote", () => {
    expect(() => codes.loadCsv('code,name,kind,year\n201,"一般,function,2026\n')).toThrow(
      throws("CODE_LIST_INVALID"),
    );
  });
});
