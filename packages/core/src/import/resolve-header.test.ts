import { describe, expect, it } from "vitest";
import { resolveHeader } from "./resolve-header";
import { paymentRowSchema } from "./schemas/payment-row-schema";

const HEADER = ["支付编号", "单位编码", "资金性质", "功能科目", "金额", "支付日期", "收款人", "收款账号"];

describe("resolveHeader", () => {
  it("maps Chinese headers to field positions", () => {
    const { plan, issues } = resolveHeader(HEADER, paymentRowSchema, undefined, "p.csv", 1);
    expect(issues).toEqual([]);
    expect(plan?.positions.slice(0, 10)).toEqual([0, -1, 1, 2, 3, -1, 4, 5, 6, 7]);
  });

  it("lets a mapping column win over the alias 单位编码, warning that 单位编码 is ignored", () => {
    const { plan, issues } = resolveHeader([...HEADER, "预算单位"], paymentRowSchema, { columns: { 预算单位: "agency_code" } }, "p.csv", 1);
    expect(plan?.positions[2]).toBe(8);
    expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([["IMPORT_UNKNOWN_COLUMN", "warning", 2]]);
  });

  it("reports IMPORT_DUPLICATE_COLUMN when a column and a constant both give fund_type", () => {
    const { plan, issues } = resolveHeader(HEADER, paymentRowSchema, { constants: { fund_type: "111" } }, "p.csv", 1);
    expect(plan).toBeUndefined();
    expect(issues.map((i) => [i.code, i.field, i.column])).toEqual([["IMPORT_DUPLICATE_COLUMN", "fund_type", 3]]);
  });
});

describe("resolveHeader: the unit of the amounts", () => {
  const header = (amount: string): string[] => HEADER.map((h) => (h === "金额" ? amount : h));
  const amountUnit = (r: ReturnType<typeof resolveHeader>) => r.plan?.units[r.plan.fields.indexOf("amount")];
  const note = { unit: "万元" as const, column: 1, text: "单位：万元", line: 2 };

  it("reads the unit from the amount's header, full-width brackets too", () => {
    const r = resolveHeader(header("金额（万元）"), paymentRowSchema, undefined, "p.csv", 3);
    expect(r.issues).toEqual([]);
    expect(r.plan?.positions[r.plan.fields.indexOf("amount")]).toBe(4);
    expect(amountUnit(r)).toEqual({ unit: "万元", from: "header", line: 3, column: 5, text: "金额（万元）" });
  });

  it("takes 金额(元) as an amount in 元, stated", () => {
    expect(amountUnit(resolveHeader(header("金额(元)"), paymentRowSchema, undefined, "p.csv", 1))?.unit).toBe("元");
  });

  it("takes the unit of a note above the header when the header states none", () => {
    expect(amountUnit(resolveHeader(HEADER, paymentRowSchema, undefined, "p.csv", 3, note))).toEqual({ ...note, from: "note" });
  });

  it("lets the header's unit win over the note's", () => {
    expect(amountUnit(resolveHeader(header("金额（元）"), paymentRowSchema, undefined, "p.csv", 3, note))?.unit).toBe("元");
  });

  it("takes the mapping's unit for a file that states none", () => {
    const r = resolveHeader(HEADER, paymentRowSchema, { units: { amount: "万元" } }, "p.csv", 1);
    expect(amountUnit(r)).toEqual({ unit: "万元", from: "mapping" });
  });

  it("refuses a mapping whose unit disagrees with the note, at the note's line", () => {
    const r = resolveHeader(HEADER, paymentRowSchema, { units: { amount: "元" } }, "p.csv", 3, note);
    expect(r.plan).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.line, i.column, i.message])).toEqual([
      ["IMPORT_AMOUNT_UNIT", 2, 1, 'the mapping\'s units.amount is 元 but line 2 says "单位：万元": fix the mapping or the file'],
    ]);
  });

  it("refuses a mapping whose unit disagrees with the header's", () => {
    const r = resolveHeader(header("金额（万元）"), paymentRowSchema, { units: { amount: "千元" } }, "p.csv", 1);
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([["IMPORT_AMOUNT_UNIT", 5]]);
  });

  it("refuses a bracketed unit that is not one, naming the units", () => {
    const r = resolveHeader(header("金额（美元）"), paymentRowSchema, undefined, "p.csv", 1);
    expect(r.plan).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      ["IMPORT_AMOUNT_UNIT", 5, 'column "金额（美元）": "美元" is not a unit of amounts (元, 千元, 万元, 百万元, 亿元)'],
    ]);
  });

  it("finds a mapped column with a unit after it", () => {
    const r = resolveHeader(header("支付金额(万元)").map((h) => (h === "单位编码" ? "预算单位" : h)), paymentRowSchema, { columns: { 预算单位: "agency_code" } }, "p.csv", 1);
    expect(r.issues).toEqual([]);
    expect(amountUnit(r)?.unit).toBe("万元");
  });

  it("reads a bracket after a field that takes no unit as an unknown header", () => {
    const r = resolveHeader([...HEADER, "支付日期(万元)"], paymentRowSchema, undefined, "p.csv", 1);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["IMPORT_UNKNOWN_COLUMN", "warning"]]);
    expect(amountUnit(r)).toBeUndefined();
  });
});
