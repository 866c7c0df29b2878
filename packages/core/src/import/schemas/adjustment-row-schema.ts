import { amountField, codeField, dateField, textField } from "../import-fields";
import { defineRowSchema, type RowSchema } from "../row-schema";

/**
 * One row of the `adjustments` import (指标调整明细, BA_BGT_ADJSUB), typed.
 *
 * @example
 * ```ts
 * for (const row of batch.rows) console.log(row.line, row.value.from_quota_id, row.value.amount);
 * ```
 */
export interface AdjustmentRow {
  /** Adjustment number (调整单号, ADJ_SUB_ID): the idempotency key. */
  adjustment_id: string;
  /** Batch (调整批次, BAT_NUM). */
  batch_no?: string;
  /** Date (调整日期), `YYYY-MM-DD`. */
  adjusted_on: string;
  /** The quota the amount leaves (源指标, ORI_BGT_ID). */
  from_quota_id: string;
  /** The quota that receives it (调入指标, BGT_ID); empty for a 收回 to the year's 指标来源. */
  to_quota_id?: string;
  /** Amount in fen (调入金额). */
  amount: bigint;
}

/**
 * Quota adjustments: amounts moved between loaded quota lines (调剂) or given back (收回).
 *
 * @example
 * ```ts
 * readCsvRows(stream, adjustmentRowSchema, { file: "adjustments.csv" });
 * ```
 */
export const adjustmentRowSchema: RowSchema<AdjustmentRow> = defineRowSchema("adjustments", {
  adjustment_id: codeField({ aliases: ["调整单号", "调整明细号", "调整编号", "adj_sub_id", "adjustment"], label: "adjustment number" }),
  batch_no: textField({ aliases: ["调整批次", "批次号", "bat_num", "batch"], required: false, maxLength: 100 }),
  adjusted_on: dateField({ aliases: ["调整日期", "adj_date", "date"] }),
  from_quota_id: codeField({ aliases: ["源指标", "源指标编号", "调出指标", "ori_bgt_id", "from"], label: "quota number" }),
  to_quota_id: codeField({ aliases: ["调入指标", "调入指标编号", "bgt_id", "to"], required: false, label: "quota number" }),
  amount: amountField({ aliases: ["金额", "调整金额", "调入金额", "add_amount", "amount"], positive: "a 收回 is a row without 调入指标" }),
});
