/**
 * Where an import file states the unit of its amounts: a note above the header ("单位：万元",
 * "金额单位：万元", often in the same cell as "编制单位：某某局"), or the amount column's own
 * header ("金额（万元）"). The header is the more specific of the two, and a mapping file may state
 * it for files that say nothing (`units`); see resolveHeader for how they combine.
 */
import { AMOUNT_UNITS, findAmountUnit, type AmountUnit } from "../money/amount-unit";

/**
 * A unit as a file states it.
 *
 * @example
 * ```ts
 * const note: UnitNote = { unit: "万元", column: 6, text: "单位：万元" };
 * ```
 */
export interface UnitNote {
  /** The unit. */
  readonly unit: AmountUnit;
  /** 1-based column of the cell that states it. */
  readonly column: number;
  /** The cell's text, trimmed. */
  readonly text: string;
}

/** Where a note may name its unit: after "单位" or "unit". */
const NOTE_START = /单位|unit/gi;
/** What may stand between "单位" and the unit: a colon, a bracket, a slash, 为, 人民币 (单位：人民币（万元）). */
const NOTE_LEAD = /^[\s:：=＝/／为是]*(?:人民币|rmb)?[\s(（[［【]*/i;
/** The unit's text: up to the next separator, bracket or full stop (单位：万元（保留两位小数）). */
const NOTE_TOKEN = /^[^\s,，;；、:：/／|()（）[\]［］【】。.]+/;

/**
 * The unit texts a cell names after each "单位"/"unit" in it: `单位：万元。` → `万元`,
 * `单位：人民币（万元）` → `万元`, `金额单位（万元）` → `万元`, `单位：万元人民币` → `万元`,
 * `编制单位：青川市财政局` → `青川市财政局` (no unit: the caller looks each up).
 */
function noteTexts(cell: string): string[] {
  const texts: string[] = [];
  for (const match of cell.matchAll(NOTE_START)) {
    const rest = cell.slice(match.index + match[0].length).replace(NOTE_LEAD, "");
    const token = NOTE_TOKEN.exec(rest)?.[0].replace(/(?:人民币|rmb)$/i, "");
    if (token !== undefined && token !== "") texts.push(token);
  }
  return texts;
}

/**
 * Whether a note's text that is no unit Jincai reads still reads as a unit of money (`美元`,
 * `港元`, `千万元`, `十万`): the file states a unit, and reading its amounts in 元 would be wrong.
 * An organisation's name after 编制单位 is longer or ends otherwise (`元坝区财政局`).
 */
function looksLikeUnit(text: string): boolean {
  return (text.endsWith("元") && text.length <= 4) || /^[十百千万亿]+$/.test(text) || /^(?:usd|dollars?|美金|eur|hkd)$/i.test(text);
}

/**
 * The unit a row above the header states ("单位：万元"), or undefined when it states none. A
 * "单位：" followed by anything but a unit ("编制单位：青川市财政局") states none. Notes are
 * written many ways: `单位：万元。`, `单位：（万元）`, `单位：人民币万元`, `单位(万元)`,
 * `单位 ： 万`, `金额单位／万元` all name 万元.
 *
 * @param cells - the row's cells
 * @example
 * ```ts
 * unitNote(["青川市2026年部门预算表", "", "单位：万元"]); // { unit: "万元", column: 3, text: "单位：万元" }
 * unitNote(["编制单位：青川市财政局　　金额单位：元"])?.unit; // "元"
 * unitNote(["单位：万元（保留两位小数）"])?.unit; // "万元"
 * unitNote(["编制单位：青川市财政局"]); // undefined
 * ```
 */
export function unitNote(cells: readonly string[]): UnitNote | undefined {
  return firstNote(cells, (text, column, cell) => {
    const unit = findAmountUnit(text);
    return unit === undefined ? undefined : { unit, column, text: cell.trim() };
  });
}

/**
 * A note that names a unit of money Jincai does not read amounts in (`单位：美元`, `单位：千万元`),
 * as the cell and the unit's text, or undefined. The import stops on one rather than read the
 * amounts in 元.
 *
 * @param cells - the row's cells
 * @example
 * ```ts
 * foreignUnitNote(["单位：美元"]); // { column: 1, text: "单位：美元", unitText: "美元" }
 * foreignUnitNote(["编制单位：元坝区财政局"]); // undefined
 * ```
 */
export function foreignUnitNote(cells: readonly string[]): { column: number; text: string; unitText: string } | undefined {
  return firstNote(cells, (text, column, cell) =>
    findAmountUnit(text) === undefined && looksLikeUnit(text) ? { column, text: cell.trim(), unitText: text } : undefined,
  );
}

/** The first answer `pick` gives for a unit text noted in one of the cells (1-based column). */
function firstNote<T>(cells: readonly string[], pick: (text: string, column: number, cell: string) => T | undefined): T | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (!cell.includes("单位") && !/unit/i.test(cell)) continue;
    for (const text of noteTexts(cell)) {
      const found = pick(text, i + 1, cell);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A header split into the field's name and the unit text in brackets after it.
 *
 * @example
 * ```ts
 * const split: HeaderUnit = { base: "金额", unitText: "万元" };
 * ```
 */
export interface HeaderUnit {
  /** The header without its bracket (`金额`). */
  readonly base: string;
  /** The text in the bracket, as written (`万元`, or `美元`, which is no unit). */
  readonly unitText: string;
}

/**
 * A normalised header split into the field's name and the unit in brackets after it
 * (`金额(万元)` → `金额` and `万元`; `金额(单位:万元)` too), or undefined when it ends in no
 * bracket. The unit text is returned as written: the caller tells a known unit from another.
 *
 * @param key - a header after normalizeHeader (NFKC: full-width brackets are half-width)
 * @example
 * ```ts
 * headerUnit("金额(万元)"); // { base: "金额", unitText: "万元" }
 * headerUnit("amount[10kyuan]"); // { base: "amount", unitText: "10kyuan" }
 * headerUnit("金额"); // undefined
 * ```
 */
export function headerUnit(key: string): HeaderUnit | undefined {
  const match = /^(.+?)[([【]((?:单位|unit)?:?)([^()[\]【】]+)[)\]】]$/.exec(key);
  if (match === null) return undefined;
  return { base: match[1]!, unitText: match[3]! };
}

const YUAN = "元".charCodeAt(0);
/** Unit names a cell may end in, longest first (so 万元 is not read as 元). */
const UNIT_SUFFIXES = AMOUNT_UNITS.map((u) => u.unit).sort((a, b) => b.length - a.length);

/**
 * The unit name an amount cell ends in, 元 when it names no larger one.
 *
 * @param cell - a cell ending in 元
 * @example
 * ```ts
 * unitSuffix("12.5万元"); // "万元"
 * unitSuffix("1,234.56元"); // "元"
 * ```
 */
export function unitSuffix(cell: string): AmountUnit {
  return UNIT_SUFFIXES.find((name) => cell.endsWith(name)) ?? "元";
}

/**
 * An amount cell without the unit written after it (`1,234.56元` → `1,234.56`) when that is the
 * unit the amounts are read in; undefined when it names another (`12.5万元` among amounts in 元),
 * which the caller refuses rather than converts. A cell not ending in 元 comes back as it is (one
 * character compare: this runs on every amount of an import).
 *
 * @param cell - an amount cell
 * @param unit - the unit the file's amounts are read in
 * @example
 * ```ts
 * withoutUnit("1,234.56 元", "元"); // "1,234.56"
 * withoutUnit("12.5万元", "元"); // undefined
 * withoutUnit("12.5", "万元"); // "12.5"
 * ```
 */
export function withoutUnit(cell: string, unit: AmountUnit): string | undefined {
  if (cell.charCodeAt(cell.length - 1) !== YUAN) return cell;
  return unitSuffix(cell) === unit ? cell.slice(0, -unit.length).trimEnd() : undefined;
}
