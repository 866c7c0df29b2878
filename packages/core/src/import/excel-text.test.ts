import { describe, expect, it } from "vitest";
import { excelText } from "./excel-text";

describe("excelText (Excel's text formula in exports)", () => {
  it.each([
    ['="6222000000000001"', "6222000000000001"],
    ['="0101"', "0101"],
    ['=""', ""],
    ['="', '="'],
    ['="say ""hi"""', 'say "hi"'],
    ['="a"&"b"', '="a"&"b"'],
    ["=SUM(A1:A3)", "=SUM(A1:A3)"],
    ["6222", "6222"],
    ["", ""],
  ])("reads %j as %j", (cell, text) => {
    expect(excelText(cell)).toBe(text);
  });
});
