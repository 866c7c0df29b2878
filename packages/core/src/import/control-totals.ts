/**
 * Totals rows (合计) of exports: a payment system's or Excel's export often ends with a row
 * whose first cell is 合计 or 总计 and whose amount column is the sum of the rows above, and
 * grouped exports put a 小计 (or 本页合计) after each group or page. Such a row is not data: the
 * reader skips it, and uses it as a control total, the batch-file check banks use: when its
 * amount is not the sum of the rows it totals, rows were lost or changed on the way
 * (`IMPORT_TOTAL_MISMATCH`). A 合计 totals every data row above it; a 小计 those since the previous
 * 小计 or 合计. (Exports that put the 合计 under the header, or each 小计 above its group, are
 * read the other way round by read-record-rows.) Rows whose amount cannot be read make the sum
 * unknown, and the total is not checked.
 */
import type { AmountUnit } from "../money/amount-unit";
import { safeParseFen } from "../money/parse-fen";
import { withoutUnit } from "./amount-unit-note";
import { excelText } from "./excel-text";

/** What a totals row totals: every row above (`grand`), or the rows since the last totals row (`group`). */
export type TotalsScope = "grand" | "group";

/** A totals row's label and where it is. */
export interface TotalsLabel {
  /** The label as written (`合计`, `小 计`, `Total`). */
  readonly text: string;
  /** 1-based column of the label. */
  readonly column: number;
  /** What the row totals. */
  readonly scope: TotalsScope;
}

/** Labels compared without spaces or a trailing colon, case-insensitively. */
const LABELS: ReadonlyMap<string, TotalsScope> = new Map([
  ["合计", "grand"], ["总计", "grand"], ["共计", "grand"], ["总合计", "grand"], ["total", "grand"], ["grandtotal", "grand"],
  ["小计", "group"], ["本页合计", "group"], ["本页小计", "group"], ["subtotal", "group"], ["pagetotal", "group"],
]);
/** First characters of the labels (a data row's first cell, a payment number, is rejected on one compare). */
const FIRST = new Set([..."合总共小本tTgGsSpP \u3000"].map((c) => c.charCodeAt(0)));

/**
 * The totals label of a row whose first non-empty cell is one, else undefined.
 *
 * @example
 * ```ts
 * totalsLabel(["合 计", "", "30.00"]); // { text: "合 计", column: 1, scope: "grand" }
 * totalsLabel(["ZF202600000001", "2026-03-01"]); // undefined
 * ```
 */
export function totalsLabel(cells: readonly string[]): TotalsLabel | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell === "") continue;
    if (cell.length > 16 || !FIRST.has(cell.charCodeAt(0))) return undefined;
    const scope = LABELS.get(cell.replace(/[\s\u3000:：]/g, "").toLowerCase());
    return scope === undefined ? undefined : { text: cell.trim(), column: i + 1, scope };
  }
  return undefined;
}

/** The sum of some rows' amounts, unknown when one of them had none. */
export interface RowsSum {
  /** Fen, or undefined when a row's amount could not be read. */
  readonly amount: bigint | undefined;
  /** How many rows. */
  readonly rows: number;
}

/** Running sums of a file's amounts for its totals rows. */
export interface ControlTotals {
  /** Adds a data row's amount (undefined when the row has none that can be read). */
  add(amount: bigint | undefined): void;
  /** The sum a totals row of `scope` must show; starts the next group. */
  close(scope: TotalsScope): RowsSum;
}

const SAFE = 2n ** 52n;
const LIMIT = 2 ** 52;

/**
 * Creates the running sums of one file.
 *
 * @example
 * ```ts
 * const totals = createControlTotals();
 * totals.add(1_000n);
 * totals.add(2_050n);
 * totals.close("group"); // { amount: 3050n, rows: 2 }
 * ```
 */
export function createControlTotals(): ControlTotals {
  // One running sum; a group's sum is the difference since its start. Rows add into a double
  // while it stays an exact integer (|x| < 2^53; each amount below 2^52 fen, the running value
  // moved into the bigint before it passes 2^52), so a million rows allocate no bigint.
  let big = 0n;
  let small = 0;
  let rows = 0;
  let lastUnknown = 0; // the count of rows when a row without an amount was last added (0: none)
  let groupSum = 0n;
  let groupRows = 0;
  const total = (): bigint => big + BigInt(small);
  return {
    add(amount) {
      rows++;
      if (amount === undefined) lastUnknown = rows;
      else if (amount < SAFE && amount > -SAFE) {
        small += Number(amount);
        if (small >= LIMIT || small <= -LIMIT) {
          big += BigInt(small);
          small = 0;
        }
      } else big += amount;
    },
    close(scope) {
      const sum = total();
      const from = scope === "grand" ? { sum: 0n, rows: 0 } : { sum: groupSum, rows: groupRows };
      const known = lastUnknown <= from.rows;
      groupSum = sum;
      groupRows = rows;
      return { amount: known ? sum - from.sum : undefined, rows: rows - from.rows };
    },
  };
}

/**
 * The amount of a cell as the import reads amounts (in 元, or the file's unit), or undefined
 * when it is not one.
 *
 * @example
 * ```ts
 * cellAmount(" 1,200.50 "); // 120050n
 * cellAmount("12.5", "万元"); // 12500000n
 * cellAmount("约三千"); // undefined
 * ```
 */
export function cellAmount(cell: string | undefined, unit?: AmountUnit): bigint | undefined {
  const text = withoutUnit(cell === undefined ? "" : excelText(cell.trim()), unit ?? "元") ?? "";
  if (text === "") return undefined;
  const parsed = safeParseFen(text, unit === undefined || unit === "元" ? undefined : { unit });
  return parsed.ok ? parsed.value : undefined;
}
