/**
 * Resolves a file's header row against a row schema and an optional mapping into a column
 * plan: which column (or constant) gives each field, and which value rewrites apply. Mapping
 * columns win over aliases; a column an alias would also claim for an already mapped field is
 * ignored. Unknown headers are warnings; a field given twice or a required field given by
 * nothing is a file-level error, since no row of such a file can be read reliably.
 */
import type { ImportIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import type { ImportMapping } from "./import-mapping";
import { normalizeHeader } from "./normalize-header";
import type { RowSchema } from "./row-schema";

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
}

/** The outcome of {@link resolveHeader}: a plan unless a file-level error occurred. */
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
 * @returns the plan and the issues: IMPORT_UNKNOWN_COLUMN (warning), IMPORT_DUPLICATE_COLUMN,
 *   IMPORT_MISSING_COLUMN
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
): HeaderResolution {
  const issues: ImportIssue[] = [];
  const at = (column: number, code: ImportIssueCode, message: string, field?: string): void => {
    const severity = code === ImportIssueCode.UNKNOWN_COLUMN ? "warning" : "error";
    issues.push({ file, line, column, code, message, severity, ...(field === undefined ? {} : { field }) });
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
    at(i + 1, ImportIssueCode.DUPLICATE_COLUMN,
      `${field} is given by ${how} "${header[prior]}" (column ${prior + 1}) and "${header[i]}" (column ${i + 1})`, field);
  };
  header.forEach((text, i) => {
    const key = normalizeHeader(text);
    if (explicit.has(key)) {
      const field = explicit.get(key);
      if (field !== null && field !== undefined) claim(byMapping, field, i, "the mapping's columns");
      return;
    }
    const field = schema.aliasIndex.get(key);
    if (field !== undefined) claim(byAlias, field, i, "columns");
    else if (key !== "") at(i + 1, ImportIssueCode.UNKNOWN_COLUMN, `column "${text}" matches no field of ${schema.name}; ignored`);
  });
  const plan: ColumnPlan = { fields: [], positions: [], constants: [], valueMaps: [], width: header.length };
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(schema.fields)) {
    const aliasColumn = byAlias.get(field);
    const position = byMapping.get(field) ?? aliasColumn ?? -1;
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
  }
  if (missing.length > 0) {
    const names = missing.map((f) => `${f} (${schema.fields[f]?.aliases.join("/")})`).join(", ");
    const seen = header.map((h) => `"${h}"`).join(", ");
    at(1, ImportIssueCode.MISSING_COLUMN, `missing column for ${names}; headers seen: ${seen || "none"}`, missing[0]);
  }
  const failed = issues.some((issue) => issue.severity === "error");
  return { plan: failed ? undefined : plan, issues };
}
