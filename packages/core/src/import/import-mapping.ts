/**
 * Mapping files: how a file that does not use our headers or values maps onto a row schema.
 * `columns` maps a source header to a field (or `null` to ignore the column), `constants`
 * gives a value for a field the file lacks (one fund type for the whole file), and `values`
 * rewrites cell values per field (fund names to fund-type codes), and `units` gives the unit of an
 * amount field's cells (`万元`) for files that do not state it. Parsing checks the JSON and
 * its shape; {@link checkImportMapping} also checks it against a row schema.
 */
import { z } from "zod";
import { JincaiError } from "../errors/jincai-error";
import { amountUnitNames, findAmountUnit } from "../money/amount-unit";
import { ImportIssueCode } from "./import-issue-code";
import type { RowSchema } from "./row-schema";

/**
 * The zod schema of a mapping file.
 *
 * @example
 * ```ts
 * importMappingSchema.parse({ columns: { "单位": "agency_code" }, constants: { fund_type: "111" } });
 * ```
 */
export const importMappingSchema = z.strictObject({
  /** Source header → canonical field, or `null` to ignore the column. */
  columns: z.record(z.string().min(1), z.string().min(1).nullable()).optional(),
  /** Canonical field → the value every row gets. */
  constants: z.record(z.string().min(1), z.string()).optional(),
  /** Canonical field → (source value → our value). */
  values: z.record(z.string().min(1), z.record(z.string(), z.string())).optional(),
  /** Amount field → the unit its cells are in (`万元`), for files that do not say. */
  units: z.record(z.string().min(1), z.string().min(1)).optional(),
});

/**
 * A parsed mapping file.
 *
 * @example
 * ```ts
 * const mapping: ImportMapping = { values: { fund_type: { "一般公共预算资金": "111" } } };
 * ```
 */
export type ImportMapping = z.infer<typeof importMappingSchema>;

/**
 * Parses the text of a mapping file (JSON).
 *
 * @param text - the file's text (a leading byte order mark is ignored)
 * @returns the mapping
 * @throws {JincaiError} IMPORT_MAPPING_INVALID when the text is not JSON (with the line and column
 *   of the error) or a key or value is wrong; the message and `details.path` name the bad key
 *   (e.g. `columns.单位`)
 * @example
 * ```ts
 * parseImportMapping('{ "columns": { "单位": "agency_code" } }'); // { columns: { 单位: "agency_code" } }
 * parseImportMapping('{ "column": {} }'); // throws IMPORT_MAPPING_INVALID: unknown key "column"
 * ```
 */
export function parseImportMapping(text: string): ImportMapping {
  // Windows Notepad saves UTF-8 with a byte order mark.
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const result = importMappingSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map(String).join(".");
  const what = keys.length > 0 ? `unknown key "${keys.join('", "')}"` : issue.message;
  throw invalid(`mapping file: ${path === "" ? "" : `${path}: `}${what}`, path);
}

/**
 * Checks a mapping against a row schema: every field it names exists, every constant is
 * a valid value of its field, and every unit is a unit of an amount field.
 *
 * @param mapping - a parsed mapping
 * @param schema - the import kind's row schema
 * @throws {JincaiError} IMPORT_MAPPING_INVALID naming the bad key (`constants.fund_type`)
 * @example
 * ```ts
 * checkImportMapping({ constants: { fund_typ: "111" } }, paymentRowSchema); // throws: unknown field
 * ```
 */
export function checkImportMapping(mapping: ImportMapping, schema: RowSchema<unknown>): void {
  const known = (field: string, path: string): void => {
    if (!Object.hasOwn(schema.fields, field)) {
      const fields = Object.keys(schema.fields).join(", ");
      throw invalid(`mapping file: ${path}: "${field}" is not a field of ${schema.name} (${fields})`, path);
    }
  };
  for (const [header, field] of Object.entries(mapping.columns ?? {})) {
    if (field !== null) known(field, `columns.${header}`);
  }
  for (const field of Object.keys(mapping.values ?? {})) known(field, `values.${field}`);
  for (const [field, unit] of Object.entries(mapping.units ?? {})) {
    const path = `units.${field}`;
    known(field, path);
    if (schema.fields[field]?.inUnit === undefined) throw invalid(`mapping file: ${path}: ${field} is not an amount, it takes no unit`, path);
    if (findAmountUnit(unit) === undefined) throw invalid(`mapping file: ${path}: "${unit}" is not a unit of amounts (${amountUnitNames()})`, path);
  }
  for (const [field, value] of Object.entries(mapping.constants ?? {})) {
    const path = `constants.${field}`;
    known(field, path);
    const result = schema.fields[field]?.schema.safeParse(value.trim());
    if (result !== undefined && !result.success) {
      const reason = result.error.issues[0]?.message ?? "is invalid";
      throw invalid(`mapping file: ${path}: ${field} ${JSON.stringify(value)} ${reason}`, path);
    }
  }
}

function invalid(message: string, path: string, cause?: unknown): JincaiError {
  return new JincaiError(ImportIssueCode.MAPPING_INVALID, message, { details: { path }, cause });
}

/** The JSON of a mapping file, or IMPORT_MAPPING_INVALID with the line and column of its syntax error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const position = /at position (\d+)/.exec(message);
    const at = position !== null ? Number(position[1]) : /Unexpected end/.test(message) ? text.trimEnd().length : undefined;
    const lines = at === undefined ? undefined : text.slice(0, at).split("\n");
    const where = lines === undefined ? "" : ` at line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
    throw invalid(text.trim() === "" ? "mapping file is empty" : `mapping file is not JSON${where}: ${message}`, "", cause);
  }
}
