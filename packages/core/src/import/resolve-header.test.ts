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
