import { accountField, amountField, codeField, dateField, fundTypeField, textField } from "../import-fields";
import { defineRowSchema, type RowSchema } from "../row-schema";

/**
 * One row of the `payment` import, typed.
 *
 * @example
 * ```ts
 * for (const row of batch.rows) console.log(row.line, row.value);
 * ```
 */
export interface PaymentRow {
  /** Payment request or voucher number (支付申请编号/凭证号). */
  payment_id: string;
  /** The quota paid from (指标编号). */
  quota_id?: string;
  /** Paying agency (单位编码). */
  agency_code: string;
  /** Fund type code (资金性质), e.g. `111`. */
  fund_type: string;
  /** Function classification code (功能科目), 3/5/7 digits. */
  function_code: string;
  /** Departmental economic classification code (经济科目), 3/5 digits. */
  economic_code?: string;
  /** Amount in fen. */
  amount: bigint;
  /** Payment date, `YYYY-MM-DD`. */
  paid_on: string;
  /** Payee (收款人): every payment names one. */
  payee_name: string;
  /** Payee account number (收款账号): every payment names one. */
  payee_account: string;
  /** 项目编码. */
  project_code?: string;
  /** 政府预算支出经济分类. */
  gov_economic_code?: string;
  /** 状态: 已支付/paid (default), 已提交/submitted, 已退票/refunded. */
  status?: string;
  /** 退票日期 of a refunded payment. */
  refund_date?: string;
  /** 退票金额 of a partly refunded payment, in fen; without it the whole payment came back. */
  refund_amount?: bigint;
  /** 退票编号: tells two refunds of one payment apart (without it, `<payment number>-R`). */
  refund_number?: string;
  /** Purpose (摘要/用途). */
  summary?: string;
}

/**
 * Payments (国库集中支付 支付明细): one paid amount against a quota, with its classification.
 *
 * @example
 * ```ts
 * readCsvRows(stream, paymentRowSchema, { file: "payments.csv" });
 * ```
 */
export const paymentRowSchema: RowSchema<PaymentRow> = defineRowSchema("payments", {
  payment_id: codeField({ aliases: ["支付单号", "支付申请编号", "支付申请号", "支付编号", "凭证号", "支付凭证号", "payment_no", "voucher_no", "pay_app_no"], fallbackAliases: ["pay_cert_no"], label: "payment number" }),
  quota_id: codeField({ aliases: ["指标编号", "指标ID", "指标id", "指标编码", "bgt_id", "quota"], required: false, label: "quota number" }),
  agency_code: codeField({ aliases: ["单位编码", "单位代码", "预算单位编码", "预算单位代码", "agency"], label: "agency code" }),
  fund_type: fundTypeField({ aliases: ["资金性质", "资金性质编码", "资金性质代码", "fund_type_code", "fund"] }),
  function_code: codeField({ aliases: ["功能科目", "功能分类", "支出功能分类", "功能科目编码", "功能科目代码", "功能分类编码", "功能分类代码", "支出功能分类科目", "exp_func_code"], digits: [3, 5, 7], label: "function classification code" }),
  economic_code: codeField({ aliases: ["经济科目", "经济分类", "部门经济分类", "经济科目编码", "经济科目代码", "部门经济分类编码", "部门经济分类代码", "部门预算支出经济分类", "dep_bgt_eco_code"], digits: [3, 5], required: false, label: "economic classification code" }),
  amount: amountField({ aliases: ["金额", "支付金额", "pay_amt", "amount"], fallbackAliases: ["pay_app_amt"], positive: "a refund is a row with status 已退票 and its 退票日期" }),
  paid_on: dateField({ aliases: ["支付日期", "日期", "pay_date", "date"], fallbackAliases: ["支付时间", "xpay_date", "vou_date"] }),
  payee_name: textField({ aliases: ["收款人", "收款人名称", "收款人全称", "收款单位", "payee", "payee_acct_name"], maxLength: 200 }),
  payee_account: accountField({ aliases: ["收款账号", "收款人账号", "收款账户", "收款人账户", "payee_acct_no"] }),
  project_code: codeField({ aliases: ["项目编码", "项目代码", "pro_code", "project"], required: false, label: "project code" }),
  gov_economic_code: codeField({ aliases: ["政府经济科目", "政府经济分类", "政府经济分类编码", "政府经济分类代码", "政府预算支出经济分类", "gov_bgt_eco_code"], digits: [3, 5], required: false, label: "government economic code" }),
  status: textField({ aliases: ["状态", "支付状态", "pay_status"], required: false, maxLength: 20 }),
  refund_date: dateField({ aliases: ["退票日期", "refunded_on"], required: false }),
  refund_amount: amountField({ aliases: ["退票金额", "退款金额", "refund_amt", "refunded_amount"], required: false, positive: "leave it empty when the whole payment came back" }),
  refund_number: codeField({ aliases: ["退票编号", "退票单号", "退票凭证号", "refund_no"], required: false, label: "refund number" }),
  summary: textField({ aliases: ["摘要", "用途", "资金用途", "use_des", "description"], required: false }),
});
