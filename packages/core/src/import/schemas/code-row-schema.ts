import { codeField, textField, yearField } from "../import-fields";
import { defineRowSchema, type RowSchema } from "../row-schema";

/**
 * One row of the `code` import, typed.
 *
 * @example
 * ```ts
 * for (const row of batch.rows) console.log(row.line, row.value);
 * ```
 */
export interface CodeRow {
  /** Classification code (科目编码). */
  code: string;
  /** Name (科目名称). */
  name: string;
  /** Which classification (分类), as written in the file. */
  kind?: string;
  /** Year of the list (年度). */
  fiscal_year?: number;
  /** Parent code (上级编码). */
  parent_code?: string;
}

/**
 * Classification codes (政府收支分类科目) of one year, as in the official yearly list.
 *
 * @example
 * ```ts
 * readCsvRows(stream, codeRowSchema, { file: "codes-2026.csv" });
 * ```
 */
export const codeRowSchema: RowSchema<CodeRow> = defineRowSchema("codes", {
  code: codeField({ aliases: ["科目编码", "编码", "chr_code"], label: "classification code" }),
  name: textField({ aliases: ["科目名称", "名称", "chr_name"], maxLength: 200 }),
  kind: textField({ aliases: ["类型", "分类", "科目类型", "科目类别", "类别"], required: false, maxLength: 50 }),
  fiscal_year: yearField({ aliases: ["年度", "set_year", "year"], required: false }),
  parent_code: codeField({ aliases: ["上级编码", "上级科目编码", "parent"], required: false, label: "classification code" }),
});
