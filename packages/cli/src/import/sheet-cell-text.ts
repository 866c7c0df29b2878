/**
 * The text of a spreadsheet cell as an import reads it: what Excel shows for it, in the forms the
 * CSV import already understands, so every field rule applies to both alike.
 */
import type { CellValue } from "exceljs";

/**
 * The text of a cell value as read by exceljs:
 * - a number with at most 15 significant digits (Excel's precision: `0.1+0.2` is `0.3`); one of
 *   16 digits or more, which Excel cannot hold exactly (a bank account typed as a number), in
 *   Excel's exponent form, so a code column reports it as a number Excel mangled;
 * - a date as `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time of day;
 * - `true`/`false`; rich text and hyperlinks as their text; an error as `#N/A` and the like;
 * - a formula as its last computed result, or `=FORMULA` when the file holds none;
 * - an empty cell as `""`.
 *
 * @example
 * ```ts
 * sheetCellText(0.1 + 0.2); // "0.3"
 * sheetCellText(6222509268374647); // "6.222509268374647E+15"
 * sheetCellText(new Date(Date.UTC(2026, 2, 5))); // "2026-03-05"
 * sheetCellText({ formula: "C2*2", result: 22795.26 }); // "22795.26"
 * ```
 */
export function sheetCellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== undefined && result !== null) return sheetCellText(result as CellValue);
    return `=${"formula" in value ? value.formula : value.sharedFormula}`;
  }
  if ("text" in value) return sheetCellText(value.text as CellValue);
  return String(value);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15) return n.toExponential().toUpperCase();
  return String(Number(n.toPrecision(15)));
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** exceljs reads a date cell as the UTC instant of its serial number. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
}
