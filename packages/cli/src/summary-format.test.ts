import { describe, expect, it } from "vitest";
import { summaryFormat } from "./summary-format";

describe("summaryFormat", () => {
  it("writes a workbook for --output 执行情况.xlsx without --format, and CSV or JSON for .csv and .json", () => {
    expect(summaryFormat(undefined, "执行情况.xlsx")).toBe("xlsx");
    expect(summaryFormat(undefined, "out/Summary.XLSX")).toBe("xlsx");
    expect(summaryFormat(undefined, "summary.csv")).toBe("csv");
    expect(summaryFormat(undefined, "summary.json")).toBe("json");
  });

  it("keeps the table for standard output and for files of other names", () => {
    expect(summaryFormat(undefined, undefined)).toBe("table");
    expect(summaryFormat(undefined, "summary.txt")).toBe("table");
    expect(summaryFormat("csv", "summary.txt")).toBe("csv");
  });

  it("refuses a format the output's name contradicts, an unknown format and a workbook without a file", () => {
    expect(() => summaryFormat("csv", "执行情况.xlsx")).toThrow("--output 执行情况.xlsx: its extension says xlsx, but --format is csv");
    expect(() => summaryFormat("xlsx", "summary.csv")).toThrow(expect.objectContaining({ code: "CLI_USAGE" }));
    expect(() => summaryFormat("pdf", undefined)).toThrow("--format: use table, csv, json or xlsx");
    expect(() => summaryFormat("xlsx", undefined)).toThrow("--format xlsx: name the workbook with --output FILE");
  });
});
