import { amountField, codeField, dateField, fundTypeField, textField, yearField } from "../import-fields";
import { defineRowSchema, type RowSchema } from "../row-schema";

/**
 * One row of the `quota` import, typed.
 *
 * @example
 * ```ts
 * for (const row of batch.rows) console.log(row.line, row.value);
 * ```
 */
export interface QuotaRow {
  /** Quota number (指标编号). */
  quota_id: string;
  /** Fiscal year (年度). */
  fiscal_year: number;
  /** Agency (单位编码). */
  agency_code: string;
  /** Fund type code (资金性质). */
  fund_type: string;
  /** Function classification code (功能科目), 3/5/7 digits. */
  function_code: string;
  /** Departmental economic classification code (经济科目), 3/5 digits. */
  economic_code: string;
  /** Project (项目编码). */
  project_code: string;
  /** 政府预算支出经济分类; derived from the departmental code and unit type when absent. */
  gov_economic_code?: string;
  /** 指标来源 (年初预算, 追加, 调剂, 结转, 上级转移支付) as a code or name. */
  source?: string;
  /** 支付方式 (直接支付, 授权支付, 实拨) as a code or name. */
  payment_type?: string;
  /** 是否可执行: 是/否, true/false, 1/0; executable when absent. */
  executable?: string;
  /** Amount in fen. */
  amount: bigint;
  /** Quota document number (指标文号). */
  doc_no: string;
  /** Document date (文号日期), `YYYY-MM-DD`. */
  issued_on?: string;
  /** 源指标 (ORI_BGT_ID): for a 调剂, the quota line the amount moves from. */
  origin_quota_id?: string;
}

/**
 * Quotas (指标): spending authority granted to an agency for a year and classification.
 *
 * @example
 * ```ts
 * readCsvRows(stream, quotaRowSchema, { file: "quotas.csv" });
 * ```
 */
export const quotaRowSchema: RowSchema<QuotaRow> = defineRowSchema("quotas", {
  quota_id: codeField({ aliases: ["指标编号", "指标ID", "指标id", "指标编码", "bgt_id", "quota"], label: "quota number" }),
  fiscal_year: yearField({ aliases: ["年度", "预算年度", "set_year", "year"] }),
  agency_code: codeField({ aliases: ["单位编码", "单位代码", "预算单位编码", "预算单位代码", "agency"], label: "agency code" }),
  fund_type: fundTypeField({ aliases: ["资金性质", "资金性质编码", "资金性质代码", "fund_type_code", "fund"] }),
  function_code: codeField({ aliases: ["功能科目", "功能分类", "支出功能分类", "功能科目编码", "功能科目代码", "功能分类编码", "功能分类代码", "支出功能分类科目", "支出功能分类科目代码", "支出功能分类代码", "exp_func_code"], digits: [3, 5, 7], label: "function classification code" }),
  economic_code: codeField({ aliases: ["经济科目", "经济分类", "部门经济分类", "部门经济科目", "经济科目编码", "经济科目代码", "部门经济分类编码", "部门经济分类代码", "部门预算支出经济分类", "部门预算支出经济分类代码", "部门预算支出经济分类科目代码", "dep_bgt_eco_code"], digits: [3, 5], label: "economic classification code" }),
  gov_economic_code: codeField({ aliases: ["政府经济科目", "政府经济分类", "政府经济分类编码", "政府经济分类代码", "政府预算支出经济分类", "政府预算支出经济分类代码", "政府预算支出经济分类科目代码", "gov_bgt_eco_code"], digits: [3, 5], required: false, label: "government economic code" }),
  source: textField({ aliases: ["指标来源", "指标来源代码", "指标来源编码", "来源", "bgt_source", "source_type_code"], required: false, maxLength: 50 }),
  payment_type: textField({ aliases: ["支付方式", "支付方式代码", "支付方式编码", "pay_type_code", "pay_type"], required: false, maxLength: 50 }),
  executable: textField({ aliases: ["是否可执行", "可执行", "指标可执行标志", "可执行标志", "是否可执行标志", "bgt_exe_flag"], required: false, maxLength: 10 }),
  project_code: codeField({ aliases: ["项目编码", "项目代码", "pro_code", "project"], label: "project code" }),
  amount: amountField({ aliases: ["金额", "指标金额", "amount"], fallbackAliases: ["下达金额", "批复金额"], positive: "a reduction is an adjustments row (收回)" }),
  doc_no: textField({ aliases: ["指标文号", "文号", "本级指标文号", "bgt_doc_no", "cor_bgt_doc_no", "document"], maxLength: 100 }),
  issued_on: dateField({ aliases: ["文号日期", "下达日期", "发文日期", "bgt_doc_date", "doc_date", "issued"], required: false }),
  origin_quota_id: codeField({ aliases: ["源指标", "源指标编号", "调出指标", "ori_bgt_id", "origin"], required: false, label: "quota number" }),
});
