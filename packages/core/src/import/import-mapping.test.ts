import { describe, expect, it } from "vitest";
import { checkImportMapping, parseImportMapping } from "./import-mapping";
import { paymentRowSchema } from "./schemas/payment-row-schema";

describe("parseImportMapping", () => {
  it("parses columns, constants and values", () => {
    const text = '{"columns":{"预算单位":"agency_code","备注":null},"constants":{"fund_type":"111"},"values":{"fund_type":{"一般公共预算资金":"111"}}}';
    expect(parseImportMapping(text)).toEqual({
      columns: { 预算单位: "agency_code", 备注: null },
      constants: { fund_type: "111" },
      values: { fund_type: { 一般公共预算资金: "111" } },
    });
  });

  it("names an unknown top-level key in IMPORT_MAPPING_INVALID", () => {
    expect(() => parseImportMapping('{"column":{}}')).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", details: { path: "column" } }),
    );
  });

  it("names the key of a value of the wrong type", () => {
    expect(() => parseImportMapping('{"constants":{"fund_type":111}}')).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", details: { path: "constants.fund_type" } }),
    );
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseImportMapping("{columns:")).toThrow(expect.objectContaining({ code: "IMPORT_MAPPING_INVALID" }));
  });

  it("gives the line and column of a syntax error, and says an empty file is empty", () => {
    expect(() => parseImportMapping('{\n  "columns": { "单号": "payment_id", }\n}')).toThrow(/^mapping file is not JSON at line 2, column 36: /);
    expect(() => parseImportMapping('{\n  "columns": ')).toThrow(/^mapping file is not JSON at line 2, column 13: Unexpected end/);
    expect(() => parseImportMapping("\r\n")).toThrow("mapping file is empty");
  });

  it("reads a file saved with a UTF-8 byte order mark, as Windows Notepad saves it", () => {
    expect(parseImportMapping('\ufeff{ "constants": { "fund_type": "111" } }')).toEqual({ constants: { fund_type: "111" } });
  });
});

describe("checkImportMapping", () => {
  it("names a column mapped to a field payments lacks", () => {
    expect(() => checkImportMapping({ columns: { 单位: "agnecy_code" } }, paymentRowSchema)).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", details: { path: "columns.单位" } }),
    );
  });

  it("refuses a constant its field rejects, such as paid_on 2026-02-30", () => {
    expect(() => checkImportMapping({ constants: { paid_on: "2026-02-30" } }, paymentRowSchema)).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", details: { path: "constants.paid_on" } }),
    );
  });

  it("accepts values for fund_type", () => {
    expect(() => checkImportMapping({ values: { fund_type: { 政府性基金预算资金: "121" } } }, paymentRowSchema)).not.toThrow();
  });
});

describe("checkImportMapping: units", () => {
  it("accepts a unit for the amount", () => {
    expect(() => checkImportMapping({ units: { amount: "万元" } }, paymentRowSchema)).not.toThrow();
  });

  it("refuses a unit that is not one, naming the units", () => {
    expect(() => checkImportMapping({ units: { amount: "美元" } }, paymentRowSchema)).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", message: 'mapping file: units.amount: "美元" is not a unit of amounts (元, 千元, 万元, 百万元, 亿元)', details: { path: "units.amount" } }),
    );
  });

  it("refuses a unit for a field that is not an amount", () => {
    expect(() => checkImportMapping({ units: { payee_name: "万元" } }, paymentRowSchema)).toThrow(
      expect.objectContaining({ message: "mapping file: units.payee_name: payee_name is not an amount, it takes no unit" }),
    );
  });
});
