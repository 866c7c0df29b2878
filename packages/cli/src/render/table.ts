/**
 * Plain-text tables aligned for CJK text: column widths are measured in terminal cells
 * (a Chinese character takes two) with string-width, not in UTF-16 code units.
 */
import stringWidth from "string-width";

/** One column of a table. */
export interface TableColumn {
  /** Header text. */
  readonly title: string;
  /** Right-align (numbers, amounts). */
  readonly align?: "left" | "right";
}

/**
 * Renders rows of cells as an aligned table with a header rule.
 *
 * @example
 * ```ts
 * renderTable([{ title: "单位" }, { title: "金额", align: "right" }], [["市教育局", "1,000.00"]]);
 * // "单位          金额\n--------  --------\n市教育局  1,000.00"
 * ```
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c) => stringWidth(c.title));
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell));
    });
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? "left"))
      .join("  ")
      .trimEnd();
  const out = [line(columns.map((c) => c.title)), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const row of rows) out.push(line(row));
  return out.join("\n");
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "right" ? fill + text : text + fill;
}
