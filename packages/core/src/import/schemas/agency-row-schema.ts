import { codeField, textField } from "../import-fields";
import { defineRowSchema, type RowSchema } from "../row-schema";

/**
 * One row of the `agency` import, typed.
 *
 * @example
 * ```ts
 * for (const row of batch.rows) console.log(row.line, row.value);
 * ```
 */
export interface AgencyRow {
  /** Agency code (单位编码). */
  agency_code: string;
  /** Agency name (单位名称). */
  agency_name: string;
  /** Parent agency code (上级单位编码). */
  parent_code?: string;
  /** Unit type text (单位类型), e.g. 行政, 事业. */
  agency_type?: string;
  /** 财政区划 (6 digits); the configured division when absent. */
  division?: string;
}

/**
 * Agencies (预算单位): the organisation tree of a division.
 *
 * @example
 * ```ts
 * readCsvRows(stream, agencyRowSchema, { file: "agencies.csv" });
 * ```
 */
export const agencyRowSchema: RowSchema<AgencyRow> = defineRowSchema("agencies", {
  agency_code: codeField({ aliases: ["单位编码", "单位代码", "预算单位编码", "预算单位代码", "agency"], label: "agency code" }),
  agency_name: textField({ aliases: ["单位名称", "预算单位名称", "agency_name", "name"], maxLength: 200 }),
  parent_code: codeField({ aliases: ["上级单位编码", "上级单位代码", "上级单位", "主管部门编码", "主管部门代码", "上级编码", "parent"], required: false, label: "agency code" }),
  agency_type: textField({ aliases: ["单位类型", "单位性质", "type"], required: false, maxLength: 50 }),
  division: codeField({ aliases: ["财政区划", "区划", "财政区划编码", "mof_div_code"], digits: [6], required: false, label: "division code" }),
});
