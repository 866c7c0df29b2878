/**
 * Resolves a file's header row against a row schema and an optional mapping into a column
 * plan: which column (or constant) gives each field, and which value rewrites apply. Mapping
 * columns win over aliases, and aliases over fallback aliases (a second choice such as 支付时间,
 * read only when no column is 支付日期); a column that loses is ignored with a warning. So is the
 * name column of a dimension given twice by aliases, once as a code (资金性质代码, or 编码) and
 * once not (资金性质): the code column is read. Unknown headers are warnings; a field given twice or a required field given by
 * nothing is a file-level error, since no row of such a file can be read reliably.
 *
 * An amount's unit comes from its column's header (`金额（万元）`), else from the mapping's
 * `units`, else from a note above the header (`单位：万元`); 元 when nothing states one. The header
 * wins over a note (a table in 万元 may have a column in 元), but the mapping must agree with
 * whatever the file states: a mapping written for 元 exports meeting a file in 万元 is an error,
 * not a guess (`IMPORT_AMOUNT_UNIT`, as is a bracketed unit that is not one, `金额（美元）`).
 */
import { amountUnitNames, findAmountUnit, type AmountUnit } from "../money/amount-unit";
import { headerUnit, type UnitNote } from "./amount-unit-note";
import type { ImportIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import type { ImportMapping } from "./import-mapping";
import { normalizeHeader } from "./normalize-header";
import { QUARANTINE_REASON_COLUMN } from "./quarantine-csv";
import type { RowSchema } from "./row-schema";

const QUARANTINE_REASON = normalizeHeader(QUARANTINE_REASON_COLUMN);

/**
 * How each field of a schema is read from a file, fields in schema order.
 *
 * @example
 * ```ts
 * const { plan } = resolveHeader(["单位编码", "金额"], schema, undefined, "a.csv", 1);
 * plan?.positions; // [0, 1]
 * ```
 */
export interface ColumnPlan {
  /** The canonical field names. */
  fields: string[];
  /** 0-based column per field, or -1 when a constant or nothing gives it. */
  positions: number[];
  /** The mapping's constant per field, if any (trimmed). */
  constants: (string | undefined)[];
  /** The mapping's value rewrites per field, if any. */
  valueMaps: (ReadonlyMap<string, string> | undefined)[];
  /** The number of cells in the header row. */
  width: number;
  /** The unit each field's cells are in, where the file or the mapping states one (amounts only). */
  units: (UnitSource | undefined)[];
}

/**
 * The unit of a field's cells and what stated it: the column's header, a note above the header
 * (with its line), or the mapping file.
 *
 * @example
 * ```ts
 * const source: UnitSource = { unit: "万元", from: "note", line: 2, column: 1, text: "单位：万元" };
 * ```
 */
export interface UnitSource {
  /** The unit. */
  readonly unit: AmountUnit;
  /** What stated it. */
  readonly from: "header" | "note" | "mapping";
  /** The line that states it (the header's or the note's); none for the mapping. */
  readonly line?: number;
  /** 1-based column of the cell that states it; none for the mapping. */
  readonly column?: number;
  /** The stating cell as written; none for the mapping. */
  readonly text?: string;
}

/**
 * A note above the header that states a unit, and its line.
 *
 * @example
 * ```ts
 * const note: LineUnitNote = { unit: "万元", column: 3, text: "单位：万元", line: 2 };
 * resolveHeader(["单位编码", "金额"], quotaRowSchema, undefined, "quotas.csv", 3, note); // amounts read in 万元
 * ```
 */
export interface LineUnitNote extends UnitNote {
  /** The note's line. */
  readonly line: number;
}

/**
 * The outcome of {@link resolveHeader}: a plan unless a file-level error occurred.
 *
 * @example
 * ```ts
 * const resolution: HeaderResolution = resolveHeader(["单位编码", "金额", "备注"], schema, undefined, "payments.csv", 1);
 * resolution.plan?.positions; // [0, 1]
 * resolution.issues[0]?.code; // "IMPORT_UNKNOWN_COLUMN" (a warning, for 备注)
 * ```
 */
export interface HeaderResolution {
  /** The plan; `undefined` when `issues` holds an error. */
  plan: ColumnPlan | undefined;
  /** Warnings (unknown columns) and file-level errors. */
  issues: ImportIssue[];
}

/**
 * Resolves a header row into a column plan.
 *
 * @param header - the header cells as read
 * @param schema - the import kind
 * @param mapping - an optional mapping file (already checked against the schema)
 * @param file - the file name for issues
 * @param line - the header's line (1 unless blank lines precede it)
 * @param note - a note above the header stating the amounts' unit (`单位：万元`), if any
 * @returns the plan and the issues: IMPORT_UNKNOWN_COLUMN (warning), IMPORT_DUPLICATE_COLUMN,
 *   IMPORT_MISSING_COLUMN, IMPORT_AMOUNT_UNIT
 * @example
 * ```ts
 * resolveHeader(["金额"], paymentRowSchema, undefined, "p.csv", 1).issues[0]?.code;
 * // "IMPORT_MISSING_COLUMN"
 * ```
 */
export function resolveHeader(
  header: readonly string[],
  schema: RowSchema<unknown>,
  mapping: ImportMapping | undefined,
  file: string,
  line: number,
  note?: LineUnitNote,
): HeaderResolution {
  const issues: ImportIssue[] = [];
  const at = (column: number, code: ImportIssueCode, message: string, field?: string, atLine = line, warn = false): void => {
    const severity = warn || code === ImportIssueCode.UNKNOWN_COLUMN ? "warning" : "error";
    issues.push({ file, line: atLine, column, code, message, severity, ...(field === undefined ? {} : { field }) });
  };
  const explicit = new Map<string, string | null>();
  for (const [source, field] of Object.entries(mapping?.columns ?? {})) {
    explicit.set(normalizeHeader(source), field);
  }
  const byMapping = new Map<string, number>();
  const byAlias = new Map<string, number>();
  const claim = (claims: Map<string, number>, field: string, i: number, how: string): void => {
    const prior = claims.get(field);
    if (prior === undefined) return void claims.set(field, i);
    // A code column and a name column of one dimension (资金性质代码 and 资金性质): the code is read.
    if (claims === byAlias && isCodeTitle(header[prior]!) !== isCodeTitle(header[i]!)) {
      const [code, name] = isCodeTitle(header[i]!) ? [i, prior] : [prior, i];
      claims.set(field, code);
      at(name + 1, ImportIssueCode.UNKNOWN_COLUMN, `column "${header[name]}" ignored: ${field} is read from its code column "${header[code]}"`, field);
      return;
    }
    at(i + 1, ImportIssueCode.DUPLICATE_COLUMN,
      `${field} is given by ${how} "${header[prior]}" (column ${prior + 1}) and "${header[i]}" (column ${i + 1})`, field);
  };
  /** The unit a column's header states (by column), or the bracket text that is no unit. */
  const headerUnits = new Map<number, UnitSource | string>();
  /** Columns named by a fallback alias, per field: read only when nothing else gives the field. */
  const byFallback = new Map<string, number[]>();
  /** The field a header names (mapping first, then aliases, then fallbacks), or null for a column the mapping ignores. */
  const named = (key: string): { field: string | null; how: "mapping" | "alias" | "fallback" } | undefined => {
    if (explicit.has(key)) return { field: explicit.get(key) ?? null, how: "mapping" };
    const field = schema.aliasIndex.get(key);
    if (field !== undefined) return { field, how: "alias" };
    const fallback = schema.fallbackIndex.get(key);
    return fallback === undefined ? undefined : { field: fallback, how: "fallback" };
  };
  header.forEach((text, i) => {
    const key = normalizeHeader(text);
    const split = headerUnit(key);
    let found = named(key);
    const unitText = found === undefined ? split?.unitText : undefined;
    if (found === undefined && split !== undefined) {
      found = named(split.base);
      // A bracket after a field that takes no unit is not a unit: the header matches nothing.
      if (found?.field != null && schema.fields[found.field]?.inUnit === undefined) found = undefined;
    }
    if (found === undefined) {
      // A quarantine file's own reason column, read back after the rows were fixed: not the user's data.
      if (key !== "" && key !== QUARANTINE_REASON) at(i + 1, ImportIssueCode.UNKNOWN_COLUMN, `column "${text}" matches no field of ${schema.name}; ignored`);
      return;
    }
    const { field, how } = found;
    if (field === null) return;
    if (how === "fallback") byFallback.set(field, [...(byFallback.get(field) ?? []), i]);
    else claim(how === "mapping" ? byMapping : byAlias, field, i, how === "mapping" ? "the mapping's columns" : "columns");
    if (schema.fields[field]?.inUnit === undefined || split === undefined) return;
    const unit = findAmountUnit(split.unitText);
    if (unit !== undefined) headerUnits.set(i, { unit, from: "header", line, column: i + 1, text });
    else if (unitText !== undefined) headerUnits.set(i, unitText);
  });
  const plan: ColumnPlan = { fields: [], positions: [], constants: [], valueMaps: [], width: header.length, units: [] };
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(schema.fields)) {
    const aliasColumn = byAlias.get(field);
    const fallbacks = byFallback.get(field) ?? [];
    const chosen = byMapping.get(field) ?? aliasColumn;
    if (chosen !== undefined) {
      for (const c of fallbacks) {
        at(c + 1, ImportIssueCode.UNKNOWN_COLUMN, `column "${header[c]}" ignored: ${field} is read from "${header[chosen]}"`, field);
      }
    } else if (fallbacks.length > 1) {
      at(fallbacks[1]! + 1, ImportIssueCode.DUPLICATE_COLUMN,
        `${field} is given by columns "${header[fallbacks[0]!]}" (column ${fallbacks[0]! + 1}) and "${header[fallbacks[1]!]}" (column ${fallbacks[1]! + 1})`, field);
    }
    const position = chosen ?? fallbacks[0] ?? -1;
    if (byMapping.has(field) && aliasColumn !== undefined) {
      at(aliasColumn + 1, ImportIssueCode.UNKNOWN_COLUMN,
        `column "${header[aliasColumn]}" ignored: the mapping gives ${field} from "${header[position]}"`, field);
    }
    const constant = mapping?.constants?.[field]?.trim();
    if (position >= 0 && constant !== undefined) {
      at(position + 1, ImportIssueCode.DUPLICATE_COLUMN,
        `${field} is given by column "${header[position]}" and by a constant in the mapping`, field);
    }
    if (position < 0 && constant === undefined && spec.required) missing.push(field);
    const values = mapping?.values?.[field];
    plan.fields.push(field);
    plan.positions.push(position);
    plan.constants.push(constant);
    plan.valueMaps.push(values === undefined ? undefined : new Map(Object.entries(values)));
    // The unit in the header of the column read (not of one the mapping's column overrides).
    let stated = position >= 0 ? headerUnits.get(position) : undefined;
    if (typeof stated === "string") {
      at(position + 1, ImportIssueCode.AMOUNT_UNIT, `column "${header[position]}": "${stated}" is not a unit of amounts (${amountUnitNames()})`, field);
      stated = undefined;
    }
    plan.units.push(spec.inUnit === undefined ? undefined : unitOf(field, stated, mapping, note, at));
  }
  unstatedBeside(header, plan, schema, at);
  // A mapping's column the file lacks: its field would be read from another column, or not at all.
  const keys = new Set(header.map((text) => normalizeHeader(text)));
  for (const [source, field] of Object.entries(mapping?.columns ?? {})) {
    if (field === null || keys.has(normalizeHeader(source))) continue;
    const read = plan.positions[plan.fields.indexOf(field)] ?? -1;
    const instead = read >= 0 ? `, and ${field} would be read from "${header[read]}" instead` : "";
    at(1, ImportIssueCode.MISSING_COLUMN, `the mapping's column "${source}" (for ${field}) is not in the file${instead}; headers seen: ${header.map((h) => `"${h}"`).join(", ")}`, field);
  }
  if (missing.length > 0) {
    const names = missing.map((f) => `${f} (${schema.fields[f]?.aliases.join("/")})`).join(", ");
    const seen = header.map((h) => `"${h}"`).join(", ");
    at(1, ImportIssueCode.MISSING_COLUMN, `missing column for ${names}; headers seen: ${seen || "none"}${separatorHint(header)}`, missing[0]);
  }
  const failed = issues.some((issue) => issue.severity === "error");
  // In file order (a column ignored for another is found after the whole header is read).
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { plan: failed ? undefined : plan, issues };
}

/**
 * An amount column that states no unit beside one whose header states another than 元
 * (`退票金额` beside `金额（万元）`, with no note above and nothing in the mapping): a table has one
 * unit as a rule, so reading it in 元 would most likely be ten thousand times off, and nothing
 * else would notice. `IMPORT_AMOUNT_UNIT` at that column.
 */
function unstatedBeside(
  header: readonly string[],
  plan: ColumnPlan,
  schema: RowSchema<unknown>,
  at: (column: number, code: ImportIssueCode, message: string, field?: string) => void,
): void {
  const stated = plan.units.find((unit) => unit?.from === "header" && unit.unit !== "元");
  if (stated === undefined) return;
  plan.fields.forEach((field, i) => {
    const position = plan.positions[i] ?? -1;
    if (position < 0 || schema.fields[field]?.inUnit === undefined || plan.units[i] !== undefined) return;
    const title = header[position] ?? field;
    at(position + 1, ImportIssueCode.AMOUNT_UNIT,
      `column "${title}" states no unit, but "${stated.text}" is in ${stated.unit}: which unit is it in? (write ${title}（${stated.unit}） or ${title}（元）, or 单位：${stated.unit} above the header)`, field);
  });
}

/**
 * A header read as one cell that holds tabs or semicolons is a file separated by them (Excel's
 * 文本文件(制表符分隔), or a European export), not by commas: say so after the headers seen.
 */
function separatorHint(header: readonly string[]): string {
  if (header.filter((h) => h.trim() !== "").length !== 1) return "";
  const cell = header.find((h) => h.trim() !== "")!;
  const by = cell.includes("\t") ? "tabs" : cell.includes(";") ? "semicolons" : undefined;
  return by === undefined ? "" : ` (the header is one cell: the file is separated by ${by}, not commas; save it from Excel as CSV, 逗号分隔)`;
}

/** Whether a header names a code column (`资金性质代码`, `功能科目编码`, `fund_type_code`). */
function isCodeTitle(text: string): boolean {
  return /(代码|编码|code)$/.test(normalizeHeader(text));
}

/**
 * The unit of an amount field: its header's, else the mapping's, else the note's. A mapping that
 * disagrees with what the file states is an `IMPORT_AMOUNT_UNIT` error.
 */
function unitOf(
  field: string,
  header: UnitSource | undefined,
  mapping: ImportMapping | undefined,
  note: LineUnitNote | undefined,
  at: (column: number, code: ImportIssueCode, message: string, field?: string, line?: number, warn?: boolean) => void,
): UnitSource | undefined {
  const mapped = mapping?.units?.[field] === undefined ? undefined : findAmountUnit(mapping.units[field]);
  const stated = header ?? (note === undefined ? undefined : { unit: note.unit, from: "note" as const, line: note.line, column: note.column, text: note.text });
  if (mapped !== undefined && stated !== undefined && stated.unit !== mapped) {
    const where = stated.from === "header" ? `column "${stated.text}" is in ${stated.unit}` : `line ${stated.line} says "${stated.text}"`;
    at(stated.column!, ImportIssueCode.AMOUNT_UNIT, `the mapping's units.${field} is ${mapped} but ${where}: fix the mapping or the file`, field, stated.line);
  }
  if (header !== undefined && note !== undefined && note.unit !== header.unit) {
    // The column's own header wins, but a note above it that says otherwise may be the truth.
    at(header.column!, ImportIssueCode.AMOUNT_UNIT,
      `column "${header.text}" is in ${header.unit} but line ${note.line} says "${note.text}": ${field} read in ${header.unit}, as the column says`, field, undefined, true);
  }
  if (header !== undefined) return header;
  if (mapped !== undefined) return { unit: mapped, from: "mapping" };
  return stated;
}
