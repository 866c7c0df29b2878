import { describe, expect, it } from "vitest";
import { sheetCellText } from "./sheet-cell-text";

describe("sheetCellText", () => {
  it("reads numbers as Excel shows them: 15 significant digits, so 0.1+0.2 is 0.3 and 11397.63 stays", () => {
    expect(sheetCellText(0.1 + 0.2)).toBe("0.3");
    expect(sheetCellText(11397.63)).toBe("11397.63");
    expect(sheetCellText(2010101)).toBe("2010101");
    expect(sheetCellText(-5)).toBe("-5");
  });

  it("writes a 16-digit account number typed as a number in Excel's exponent form, so a code column names the damage", () => {
    expect(sheetCellText(6222509268374647)).toBe("6.222509268374647E+15");
  });

  it("reads a date cell as YYYY-MM-DD, with the time of day only when it has one", () => {
    expect(sheetCellText(new Date(Date.UTC(2026, 2, 5)))).toBe("2026-03-05");
    expect(sheetCellText(new Date(Date.UTC(2026, 2, 6, 10, 30)))).toBe("2026-03-06 10:30:00");
  });

  it("reads rich text, hyperlinks, booleans, errors and empty cells as text", () => {
    expect(sheetCellText({ richText: [{ text: "青川" }, { text: "办公" }] })).toBe("青川办公");
    expect(sheetCellText({ text: "青川银行", hyperlink: "https://example.invalid" })).toBe("青川银行");
    expect(sheetCellText(true)).toBe("true");
    expect(sheetCellText({ error: "#N/A" })).toBe("#N/A");
    expect(sheetCellText(null)).toBe("");
    expect(sheetCellText(undefined)).toBe("");
  });

  it("reads a formula as its computed result, or as =FORMULA when the file holds no result", () => {
    expect(sheetCellText({ formula: "C2*2", result: 22795.26 })).toBe("22795.26");
    expect(sheetCellText({ formula: "C2*2", result: undefined } as never)).toBe("=C2*2");
    expect(sheetCellText({ sharedFormula: "C2", result: new Date(Date.UTC(2026, 0, 1)) } as never)).toBe("2026-01-01");
  });
});
