/**
 * The hot path: turns one CSV record into a typed row or a rejection. Per row it fills one
 * reused array of texts (trimmed cells, value rewrites, constants). When every field has a
 * `parseCell`, good rows are built directly from those (one object per row); a row any of them
 * refuses, or any row of a schema without them, gets an input object of those texts for the
 * schema's `z.object` `safeParse`, whose issues name each bad cell. Only rejected rows keep
 * their raw cells. Records with the wrong number of cells are rejected before validation,
 * since their cells may be shifted, but for a row that ends before optional columns only (as
 * Excel saves the rows after its 16th without the commas of their empty last cells); cells holding U+FFFD are checked only when the decoder
 * saw undecodable bytes. Amount columns whose plan names a unit (万元) are read in it. A cell
 * written as Excel's text formula (`="0101"`) is read as the text inside.
 */
import type { z } from "zod";
import type { ImportIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import type { ColumnPlan } from "./resolve-header";
import { excelText } from "./excel-text";
import { schemaInUnits, type RowSchema } from "./row-schema";

/**
 * A row that passed validation.
 *
 * @example
 * ```ts
 * const row: ParsedRow<{ amount: bigint }> = { line: 2, value: { amount: 123456n } };
 * ```
 */
export interface ParsedRow<T> {
  /** The physical line where the record starts. */
  line: number;
  /** The typed values. */
  value: T;
  /** The original cells, when the reader was asked to keep them (`keepCells`). */
  cells?: readonly string[];
}

/**
 * A row that failed validation, with its original cells for a quarantine file.
 *
 * @example
 * ```ts
 * const rejected: RejectedRow = { line: 17, cells: ["101001", "12.345"], issues: [issue] };
 * ```
 */
export interface RejectedRow {
  /** The physical line where the record starts. */
  line: number;
  /** The record's cells exactly as read (untrimmed). */
  cells: readonly string[];
  /** Why it was rejected (at least one error). */
  issues: ImportIssue[];
}

/** Where {@link RowValidator.validate} puts its results. */
export interface RowSink<T> {
  /** Accepted rows. */
  rows: ParsedRow<T>[];
  /** Rejected rows. */
  rejected: RejectedRow[];
  /** Issues of the rejected rows, flattened. */
  issues: ImportIssue[];
}

/** Validates records against a column plan. */
export interface RowValidator<T> {
  /**
   * Pads with empty cells a row that ends before optional columns only (Excel saves the rows
   * after its 16th without the commas of their empty last cells); a row that lacks a required
   * column may have lost a cell in its middle and is left short, to be refused unshifted.
   */
  padShort(cells: string[]): void;
  /** Validates one record, pushing a row or a rejection into `sink`; returns whether it passed. */
  validate(cells: string[], line: number, checkEncoding: boolean, sink: RowSink<T>): boolean;
}

/**
 * Builds the validator of one file.
 *
 * @param schema - the import kind
 * @param plan - the resolved columns
 * @param file - the file name for issues
 * @returns the validator
 * @example
 * ```ts
 * const validator = createRowValidator(paymentRowSchema, plan, "p.csv");
 * validator.validate(["101001", "12.34"], 2, false, sink);
 * ```
 */
export function createRowValidator<T>(base: RowSchema<T>, plan: ColumnPlan, file: string): RowValidator<T> {
  const { fields, positions, constants, valueMaps, width } = plan;
  // Amounts in another unit (a file in 万元) are read by the same fields in that unit.
  const schema = schemaInUnits(base, Object.fromEntries(fields.map((field, i) => [field, plan.units[i]?.unit])));
  const count = fields.length;
  const fast = schema.fastPath;
  const parsers = fields.map((field) => schema.fields[field]?.parseCell);
  const required = fields.map((field) => schema.fields[field]?.required === true);
  const texts = new Array<string | undefined>(count).fill(undefined);
  // The shortest row that still holds every required column (see padShort).
  let requiredWidth = 1;
  for (let i = 0; i < count; i++) {
    if (required[i] && (positions[i] as number) >= requiredWidth) requiredWidth = (positions[i] as number) + 1;
  }
  const reject = (sink: RowSink<T>, cells: string[], line: number, issues: ImportIssue[]): false => {
    sink.rejected.push({ line, cells, issues });
    for (const issue of issues) sink.issues.push(issue);
    return false;
  };
  return {
    padShort(cells) {
      if (cells.length < width && cells.length >= requiredWidth) while (cells.length < width) cells.push("");
    },
    validate(cells, line, checkEncoding, sink) {
      // Empty cells after the last column (`…,100.00,,,`, Excel's trailing commas) are no data.
      if (cells.length > width && trailingEmpty(cells, width)) (cells as string[]).length = width;
      else if (cells.length !== width) return reject(sink, cells, line, [widthIssue(file, line, cells.length, width)]);
      if (checkEncoding) {
        const bad = encodingIssues(file, line, cells);
        if (bad.length > 0) return reject(sink, cells, line, bad);
      }
      // The fast path: one pass over the cells, building the value only from `parseCell`s.
      let value: Record<string, unknown> | undefined = fast ? {} : undefined;
      for (let i = 0; i < count; i++) {
        const position = positions[i] as number;
        let cell: string | undefined;
        if (position >= 0) {
          cell = trimmed(cells[position] as string);
          if (cell.charCodeAt(0) === 0x3d) cell = excelText(cell);
          const values = valueMaps[i];
          if (values !== undefined && cell !== "") cell = values.get(cell) ?? cell;
          if (cell === "") cell = undefined;
        } else cell = constants[i];
        texts[i] = cell;
        if (value === undefined) continue;
        if (cell === undefined) {
          if (required[i]) value = undefined;
        } else {
          const parsed = (parsers[i] as (text: string) => unknown)(cell);
          if (parsed === undefined) value = undefined;
          else value[fields[i] as string] = parsed;
        }
      }
      if (value !== undefined) {
        sink.rows.push({ line, value: value as T });
        return true;
      }
      // The slow path: zod validates the whole row and names every bad cell.
      const input: Record<string, string | undefined> = {};
      for (let i = 0; i < count; i++) input[fields[i] as string] = texts[i];
      const result = schema.rowSchema.safeParse(input);
      if (result.success) {
        sink.rows.push({ line, value: result.data });
        return true;
      }
      const issues = result.error.issues.map((issue) => cellIssue(issue, schema, plan, file, line, cells, input));
      return reject(sink, cells, line, issues);
    },
  };
}

/** `text.trim()`, skipping the call when both ends are printable ASCII (most cells). */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? text : text.trim();
}

function cellIssue(
  issue: z.core.$ZodIssue,
  schema: RowSchema<unknown>,
  plan: ColumnPlan,
  file: string,
  line: number,
  cells: readonly string[],
  input: Readonly<Record<string, string | undefined>>,
): ImportIssue {
  const field = String(issue.path[0]);
  const position = plan.positions[plan.fields.indexOf(field)] ?? -1;
  const value = position >= 0 ? (cells[position] as string) : (input[field] ?? "");
  const column = position + 1;
  const base = { file, line, column, field, value, severity: "error" as const };
  if (input[field] === undefined) {
    return { ...base, code: ImportIssueCode.REQUIRED, message: `${field} is required but the cell is empty` };
  }
  const params = (issue as { params?: { importCode?: ImportIssueCode } }).params;
  const code = params?.importCode ?? schema.fields[field]?.code ?? ImportIssueCode.INVALID_VALUE;
  const reason = issue.code === "custom" ? issue.message : `is invalid (${issue.message})`;
  return { ...base, code, message: `${field} ${JSON.stringify(value)} ${reason}` };
}

function trailingEmpty(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== "") return false;
  return true;
}

function widthIssue(file: string, line: number, got: number, width: number): ImportIssue {
  return {
    file,
    line,
    column: Math.min(got, width) + 1,
    code: ImportIssueCode.CSV_SYNTAX,
    message: `the row has ${got} cells but the header has ${width}`,
    severity: "error",
  };
}

function encodingIssues(file: string, line: number, cells: readonly string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  cells.forEach((value, i) => {
    if (!value.includes("\uFFFD")) return;
    issues.push({
      file,
      line,
      column: i + 1,
      code: ImportIssueCode.ENCODING,
      message: `cell ${JSON.stringify(value)} has bytes that are not text in the file's encoding (is the file in another encoding, GB18030 or UTF-8?)`,
      value,
      severity: "error",
    });
  });
  return issues;
}
