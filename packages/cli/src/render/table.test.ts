import { describe, expect, it } from "vitest";
import { csvLine } from "./csv-line";
import { renderTable } from "./table";

describe("renderTable", () => {
  it("aligns Chinese text by terminal cells, two per character", () => {
    const out = renderTable([{ title: "单位" }, { title: "金额", align: "right" }], [["市教育局", "1,000.00"], ["101001", "5.00"]]);
    expect(out.split("\n")).toEqual(["单位          金额", "--------  --------", "市教育局  1,000.00", "101001        5.00"]);
  });
});

describe("csvLine", () => {
  it("quotes cells with commas, quotes and line breaks", () => {
    expect(csvLine(["a", "b,c", 'say "hi"', "x\ny"])).toBe('a,"b,c","say ""hi""","x\ny"');
  });
});
