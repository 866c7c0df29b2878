import { describe, expect, it } from "vitest";
import { resolveHeader } from "./resolve-header";
import { paymentRowSchema } from "./schemas/payment-row-schema";
import { quotaRowSchema } from "./schemas/quota-row-schema";

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

  it("refuses a mapping whose column the file lacks, naming the column another field would have been read from", () => {
    const { plan, issues } = resolveHeader(HEADER, paymentRowSchema, { columns: { 批复数: "amount", 备注: null } }, "p.csv", 1);
    expect(plan).toBeUndefined();
    expect(issues.map((i) => [i.code, i.field, i.column])).toEqual([["IMPORT_MISSING_COLUMN", "amount", 1]]);
    expect(issues[0]?.message).toBe(`the mapping's column "批复数" (for amount) is not in the file, and amount would be read from "金额" instead; headers seen: ${HEADER.map((h) => `"${h}"`).join(", ")}`);
  });

  it("reports IMPORT_DUPLICATE_COLUMN when a column and a constant both give fund_type", () => {
    const { plan, issues } = resolveHeader(HEADER, paymentRowSchema, { constants: { fund_type: "111" } }, "p.csv", 1);
    expect(plan).toBeUndefined();
    expect(issues.map((i) => [i.code, i.field, i.column])).toEqual([["IMPORT_DUPLICATE_COLUMN", "fund_type", 3]]);
  });
});

describe("resolveHeader: a file not separated by commas", () => {
  it("says a header of one cell holding tabs or semicolons is a file separated by them", () => {
    for (const [separator, by] of [["\t", "tabs"], [";", "semicolons"]] as const) {
      const r = resolveHeader([HEADER.join(separator)], paymentRowSchema, undefined, "p.txt", 1);
      const missing = r.issues.find((i) => i.code === "IMPORT_MISSING_COLUMN");
      expect(missing?.message).toMatch(new RegExp(`\\(the header is one cell: the file is separated by ${by}, not commas; save it from Excel as CSV, 逗号分隔\\)$`));
    }
    const commas = resolveHeader(["支付编号", "金额"], paymentRowSchema, undefined, "p.csv", 1);
    expect(commas.issues.find((i) => i.code === "IMPORT_MISSING_COLUMN")?.message).not.toContain("the header is one cell");
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

  it("refuses a second amount column that states no unit beside one in 万元, rather than read it in 元", () => {
    const r = resolveHeader([...header("金额（万元）"), "退票金额"], paymentRowSchema, undefined, "p.csv", 1);
    expect(r.plan).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.column, i.field, i.message])).toEqual([
      ["IMPORT_AMOUNT_UNIT", 9, "refund_amount", 'column "退票金额" states no unit, but "金额（万元）" is in 万元: which unit is it in? (write 退票金额（万元） or 退票金额（元）, or 单位：万元 above the header)'],
    ]);
    // Stated in the header, by a note or by the mapping, or beside a column in 元: no doubt.
    expect(resolveHeader([...header("金额（万元）"), "退票金额（万元）"], paymentRowSchema, undefined, "p.csv", 1).issues).toEqual([]);
    expect(resolveHeader([...header("金额（万元）"), "退票金额"], paymentRowSchema, undefined, "p.csv", 3, note).issues).toEqual([]);
    expect(resolveHeader([...header("金额（万元）"), "退票金额"], paymentRowSchema, { units: { refund_amount: "万元" } }, "p.csv", 1).issues).toEqual([]);
    expect(resolveHeader([...header("金额（元）"), "退票金额"], paymentRowSchema, undefined, "p.csv", 1).issues).toEqual([]);
  });

  it("finds a mapped column with a unit after it", () => {
    const r = resolveHeader(header("支付金额(万元)").map((h) => (h === "单位编码" ? "预算单位" : h)), paymentRowSchema, { columns: { 预算单位: "agency_code" } }, "p.csv", 1);
    expect(r.issues).toEqual([]);
    expect(amountUnit(r)?.unit).toBe("万元");
  });

  it("takes the unit of the column the mapping reads, not of an alias column it overrides", () => {
    const r = resolveHeader([...header("金额（万元）"), "amt"], paymentRowSchema, { columns: { amt: "amount" } }, "p.csv", 1);
    expect(r.plan?.positions[r.plan.fields.indexOf("amount")]).toBe(8);
    expect(amountUnit(r)).toBeUndefined();
    const ignored = resolveHeader([...header("金额（美元）"), "amt"], paymentRowSchema, { columns: { amt: "amount" } }, "p.csv", 1);
    expect(ignored.issues.map((i) => [i.code, i.severity])).toEqual([["IMPORT_UNKNOWN_COLUMN", "warning"]]);
  });

  it("reads a bracket after a field that takes no unit as an unknown header", () => {
    const r = resolveHeader([...HEADER, "支付日期(万元)"], paymentRowSchema, undefined, "p.csv", 1);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["IMPORT_UNKNOWN_COLUMN", "warning"]]);
    expect(amountUnit(r)).toBeUndefined();
  });
});

describe("resolveHeader: exports of the 预算管理一体化 system", () => {
  const fieldsOf = (header: string[]) => {
    const { plan, issues } = resolveHeader(header, paymentRowSchema, undefined, "p.csv", 1);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    return Object.fromEntries(plan!.fields.map((f, i) => [f, plan!.positions[i]]).filter(([, p]) => (p as number) >= 0));
  };

  it("reads its data-element names (PAY_APP_NO, XPAY_DATE, PAYEE_ACCT_NAME …) without a mapping", () => {
    const header = ["PAY_APP_NO", "XPAY_DATE", "BGT_ID", "AGENCY_CODE", "FUND_TYPE_CODE", "EXP_FUNC_CODE", "DEP_BGT_ECO_CODE", "PRO_CODE", "PAYEE_ACCT_NAME", "PAYEE_ACCT_NO", "PAY_APP_AMT", "USE_DES"];
    expect(fieldsOf(header)).toEqual({
      payment_id: 0, paid_on: 1, quota_id: 2, agency_code: 3, fund_type: 4, function_code: 5, economic_code: 6,
      project_code: 7, payee_name: 8, payee_account: 9, amount: 10, summary: 11,
    });
  });

  it("reads a second-choice title (支付时间, PAY_CERT_NO, PAY_APP_AMT) only when no first-choice column is there, ignoring it with a warning otherwise", () => {
    const both = resolveHeader([...HEADER, "支付时间"], paymentRowSchema, undefined, "p.csv", 1);
    expect(both.plan?.positions[both.plan.fields.indexOf("paid_on")]).toBe(5);
    expect(both.issues.map((i) => [i.code, i.severity, i.column, i.message])).toEqual([
      ["IMPORT_UNKNOWN_COLUMN", "warning", 9, 'column "支付时间" ignored: paid_on is read from "支付日期"'],
    ]);
    const only = resolveHeader(HEADER.map((h) => (h === "支付日期" ? "支付时间" : h)), paymentRowSchema, undefined, "p.csv", 1);
    expect(only.issues).toEqual([]);
    expect(only.plan?.positions[only.plan.fields.indexOf("paid_on")]).toBe(5);
    const two = resolveHeader([...HEADER.filter((h) => h !== "支付日期"), "支付时间", "XPAY_DATE"], paymentRowSchema, undefined, "p.csv", 1);
    expect(two.issues.map((i) => [i.code, i.column])).toEqual([["IMPORT_DUPLICATE_COLUMN", 9]]);
  });

  it("reads the code column of a dimension exported as code and name (资金性质代码 beside 资金性质), ignoring the other with a warning", () => {
    const r = resolveHeader([...HEADER, "资金性质代码"], paymentRowSchema, undefined, "p.csv", 1);
    expect(r.plan?.positions[r.plan.fields.indexOf("fund_type")]).toBe(8);
    expect(r.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      ["IMPORT_UNKNOWN_COLUMN", 3, 'column "资金性质" ignored: fund_type is read from its code column "资金性质代码"'],
    ]);
    const twoCodes = resolveHeader([...HEADER, "资金性质代码", "资金性质编码"], paymentRowSchema, undefined, "p.csv", 1);
    expect(twoCodes.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["IMPORT_DUPLICATE_COLUMN"]);
  });

  it("reads its Chinese column titles (支付申请号, 预算单位代码, 功能分类代码, 收款人全称 …) without a mapping", () => {
    const header = ["支付申请号", "支付时间", "预算单位代码", "资金性质代码", "功能分类代码", "部门经济分类代码", "政府经济分类代码", "收款人全称", "收款人账户", "支付金额"];
    expect(fieldsOf(header)).toEqual({
      payment_id: 0, paid_on: 1, agency_code: 2, fund_type: 3, function_code: 4, economic_code: 5, gov_economic_code: 6,
      payee_name: 7, payee_account: 8, amount: 9,
    });
  });
});

describe("resolveHeader: quota exports", () => {
  const header = ["BGT_ID", "SET_YEAR", "AGENCY_CODE", "FUND_TYPE_CODE", "EXP_FUNC_CODE", "SOURCE_TYPE_CODE", "BGT_DOC_NO", "DEP_BGT_ECO_CODE", "PRO_CODE"];
  const amountAt = (h: string[]) => {
    const { plan, issues } = resolveHeader(h, quotaRowSchema, undefined, "q.csv", 1);
    return { position: plan?.positions[plan.fields.indexOf("amount")], warnings: issues.map((i) => i.message) };
  };

  it("reads 下达金额 or 批复金额 as the amount when the file has no 指标金额, and ignores them beside one", () => {
    expect(amountAt([...header, "下达金额"])).toEqual({ position: 9, warnings: [] });
    expect(amountAt([...header, "批复金额", "指标金额"])).toEqual({ position: 10, warnings: ['column "批复金额" ignored: amount is read from "指标金额"'] });
  });

  it("reads SOURCE_TYPE_CODE as the 指标来源", () => {
    const { plan } = resolveHeader([...header, "AMOUNT"], quotaRowSchema, undefined, "q.csv", 1);
    expect(plan?.positions[plan.fields.indexOf("source")]).toBe(5);
  });
});
