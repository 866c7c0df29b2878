/**
 * Excel's text formula in exports: payment and bank systems write long numbers and codes with
 * leading zeros as `="6222000000000001"` or `="0101"`, so that Excel shows them as text instead
 * of `6.222E+15` or `101`. Excel reads such a cell as the text inside, and so does the import.
 */

/**
 * The text of an Excel text formula (`="0101"` → `0101`, `""` inside → `"`), or the cell itself.
 *
 * @param cell - a trimmed cell
 * @example
 * ```ts
 * excelText('="6222000000000001"'); // "6222000000000001"
 * excelText('="say ""hi"""'); // 'say "hi"'
 * excelText("=SUM(A1:A3)"); // "=SUM(A1:A3)"
 * ```
 */
export function excelText(cell: string): string {
  if (cell.charCodeAt(0) !== 0x3d || cell.charCodeAt(1) !== 0x22 || cell.length < 3 || cell.charCodeAt(cell.length - 1) !== 0x22) return cell;
  const inner = cell.slice(2, -1);
  // A lone quote inside is not a text formula Excel would read as one string.
  if (inner.replaceAll('""', "").includes('"')) return cell;
  return inner.replaceAll('""', '"');
}
