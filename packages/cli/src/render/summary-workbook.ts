/**
 * The execution summary as an `.xlsx` workbook for finance staff (exceljs, as for reading): one
 * sheet with the bilingual column titles of the table, classification codes as text (so Excel
 * keeps their leading digits as written), amounts as numbers (in 元, or the unit the titles name) with thousands separators,
 * the execution rate as a percentage, and a bold total row.
 */
import type ExcelJS from "exceljs";

/** One line of the workbook: its grouping cells and its figures. */
export interface SummaryWorkbookRow {
  /** The grouping cells (codes, month), in column order. */
  readonly keys: readonly string[];
  /** Quota, reserved, paid, frozen, available and non-executable as decimal text without grouping (`1234.56`), in the titles' unit. */
  readonly amounts: readonly string[];
  /** The execution rate as a ratio with 4 decimals (`"0.7512"`). */
  readonly rate: string;
}

const AMOUNT_FORMAT = "#,##0.00";
const RATE_FORMAT = "0.00%";

/**
 * Builds the summary workbook; the last row is the total.
 *
 * @param titles - Column titles: the grouping columns, then one per amount of a row, and the rate.
 * @param rows - The lines, the total last.
 * @param note - A line written under the total, such as the period the figures cover.
 * @example
 * ```ts
 * const wb = await summaryWorkbook(["单位 agency", "指标 quota", "已占用 reserved", "已支付 paid", "冻结 frozen", "可用 available", "不可执行 non-executable", "执行率 rate"],
 *   [{ keys: ["101001"], amounts: ["1000.00", "0.00", "250.00", "0.00", "750.00", "0.00"], rate: "0.2500" }]);
 * await wb.xlsx.writeFile("summary.xlsx");
 * ```
 */
export async function summaryWorkbook(titles: readonly string[], rows: readonly SummaryWorkbookRow[], note?: string): Promise<ExcelJS.Workbook> {
  // Loaded on first use: exceljs costs every other command about 0.3 s and 20 MB at start.
  const { default: excel } = await import("exceljs");
  const wb = new excel.Workbook();
  wb.creator = "jincai";
  const ws = wb.addWorksheet("执行情况 summary", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...titles]).font = { bold: true };
  // The figure columns: a row's amounts, then the rate.
  const keyColumns = titles.length - (rows[0]?.amounts.length ?? 0) - 1;
  for (const row of rows) {
    const cells: ExcelJS.CellValue[] = [...row.keys];
    while (cells.length < keyColumns) cells.push("");
    for (const amount of row.amounts) cells.push(Number(amount));
    cells.push(Number(row.rate));
    ws.addRow(cells);
  }
  ws.lastRow!.font = { bold: true };
  // A line under the total (e.g. the period the figures cover), in italics.
  if (note !== undefined) ws.addRow([note]).font = { italic: true };
  titles.forEach((title, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(12, title.length + 6);
    if (i >= keyColumns) column.numFmt = i === titles.length - 1 ? RATE_FORMAT : AMOUNT_FORMAT;
  });
  return wb;
}
