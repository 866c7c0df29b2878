/**
 * Row schemas: what one CSV import kind expects. Each field has a canonical English name, the
 * header aliases that name it in real files (Chinese and English), whether it is required, a
 * zod schema from the trimmed cell text to the typed value, and the issue code a bad cell gets.
 * The whole row is validated by one `z.object` built here once, so rows cost one `safeParse`.
 */
import { z } from "zod";
import type { AmountUnit } from "../money/amount-unit";
import type { ImportIssueCode } from "./import-issue-code";
import { normalizeHeader } from "./normalize-header";

/**
 * One field of a row schema.
 *
 * @example
 * ```ts
 * const amount: FieldSpec<bigint, true> = amountField({ aliases: ["金额", "amount"] });
 * ```
 */
export interface FieldSpec<T = unknown, R extends boolean = boolean> {
  /** Header texts that name this field (matched after {@link normalizeHeader}). */
  aliases: readonly string[];
  /** Header texts that name it only when no column has one of `aliases` (a second choice). */
  fallbackAliases?: readonly string[];
  /** Whether a row must give a non-empty value. */
  required: R;
  /** Parses and validates the trimmed, non-empty cell text. */
  schema: z.ZodType<T, string>;
  /**
   * Optional allocation-light twin of `schema` for the hot path: the value, or `undefined`
   * when the cell is bad (the row is then re-run through `schema` for its issues). It must
   * accept exactly what `schema` accepts and return the same value.
   */
  parseCell?: (text: string) => T | undefined;
  /** The code of a bad cell when the schema's issue names none. */
  code: ImportIssueCode;
  /**
   * The same field reading its cells in another unit (amounts only: a file in 万元). A field
   * without it takes no unit, and a unit stated for it is an error.
   */
  inUnit?: (unit: AmountUnit) => FieldSpec<T, R>;
}

/**
 * The fields of a row schema, by canonical name.
 *
 * @example
 * ```ts
 * const fields: FieldSpecs = {
 *   agency_code: codeField({ aliases: ["单位编码"] }),
 *   amount: amountField({ aliases: ["金额", "amount"], positive: true }),
 * };
 * const schema = defineRowSchema("payments", fields);
 * ```
 */
export type FieldSpecs = Record<string, FieldSpec<unknown, boolean>>;

/**
 * The value type of a field spec.
 *
 * @example
 * ```ts
 * type Fen = FieldValue<ReturnType<typeof amountField>>; // bigint
 * ```
 */
export type FieldValue<S> = S extends FieldSpec<infer T, boolean> ? T : never;

/**
 * The names of the required fields of a set of field specs.
 *
 * @example
 * ```ts
 * type Keys = RequiredFieldKeys<{ a: FieldSpec<string, true>; b: FieldSpec<string, false> }>; // "a"
 * ```
 */
export type RequiredFieldKeys<F> = { [K in keyof F]: F[K] extends FieldSpec<unknown, true> ? K : never }[keyof F];

/**
 * The typed row a set of fields produces: required fields always present, others optional.
 *
 * @example
 * ```ts
 * type Row = RowOutput<{ amount: FieldSpec<bigint, true> }>; // { amount: bigint }
 * ```
 */
export type RowOutput<F extends FieldSpecs> = {
  [K in RequiredFieldKeys<F>]: FieldValue<F[K]>;
} & { [K in Exclude<keyof F, RequiredFieldKeys<F>>]?: FieldValue<F[K]> };

/**
 * What one import kind expects of a row; `T` is the typed row.
 *
 * @example
 * ```ts
 * const schema: RowSchema<{ agency_code: string; amount: bigint }> = paymentRowSchema;
 * ```
 */
export interface RowSchema<T> {
  /** The import kind, e.g. `payments`. */
  name: string;
  /** The fields, in the order issues are reported. */
  fields: Readonly<Record<string, FieldSpec>>;
  /** Normalised header alias → field, built once. */
  aliasIndex: ReadonlyMap<string, string>;
  /** Normalised fallback alias → field: read only when no column has one of the field's aliases. */
  fallbackIndex: ReadonlyMap<string, string>;
  /** Validates a row object of trimmed cells (`undefined` for empty) into `T`. */
  rowSchema: z.ZodType<T, Record<string, string | undefined>>;
  /** Whether every field has a `parseCell`, so good rows can skip zod. */
  fastPath: boolean;
}

/**
 * Defines a row schema from its fields. The canonical name of each field is also an alias.
 *
 * @param name - the import kind
 * @param fields - the fields by canonical name
 * @returns the schema, typed by its fields
 * @throws {Error} when two fields share an alias (a programming error)
 * @example
 * ```ts
 * const agencies = defineRowSchema("agencies", {
 *   agency_code: codeField({ aliases: ["单位编码"] }),
 *   agency_name: textField({ aliases: ["单位名称"] }),
 * });
 * ```
 */
export function defineRowSchema<F extends FieldSpecs>(
  name: string,
  fields: F,
): RowSchema<RowOutput<F>> {
  const shape: Record<string, z.ZodType> = {};
  const aliasIndex = new Map<string, string>();
  const fallbackIndex = new Map<string, string>();
  const index = (into: Map<string, string>, field: string, alias: string): void => {
    const key = normalizeHeader(alias);
    const other = aliasIndex.get(key) ?? fallbackIndex.get(key);
    if (other !== undefined && other !== field) {
      throw new Error(`row schema ${name}: alias "${alias}" names both ${other} and ${field}`);
    }
    into.set(key, field);
  };
  let fastPath = true;
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.parseCell === undefined) fastPath = false;
    shape[field] = spec.required ? spec.schema : spec.schema.optional();
    for (const alias of [field, ...spec.aliases]) index(aliasIndex, field, alias);
  }
  for (const [field, spec] of Object.entries(fields)) {
    for (const alias of spec.fallbackAliases ?? []) index(fallbackIndex, field, alias);
  }
  const rowSchema = z.object(shape) as unknown as RowSchema<RowOutput<F>>["rowSchema"];
  return { name, fields, aliasIndex, fallbackIndex, rowSchema, fastPath };
}

/**
 * The schema with some fields reading their cells in another unit (a file whose amounts are in
 * 万元), or the schema itself when every unit is 元 or none is given.
 *
 * @param schema - the import kind
 * @param units - a unit per field name; fields without `inUnit` are left as they are
 * @example
 * ```ts
 * const inWan = schemaInUnits(quotaRowSchema, { amount: "万元" });
 * inWan.fields.amount?.parseCell?.("12.5"); // 12500000n
 * ```
 */
export function schemaInUnits<T>(schema: RowSchema<T>, units: Readonly<Record<string, AmountUnit | undefined>>): RowSchema<T> {
  const changed = Object.entries(units).filter(([field, unit]) => unit !== undefined && unit !== "元" && schema.fields[field]?.inUnit !== undefined);
  if (changed.length === 0) return schema;
  const fields: FieldSpecs = { ...schema.fields };
  for (const [field, unit] of changed) fields[field] = schema.fields[field]!.inUnit!(unit!);
  return defineRowSchema(schema.name, fields) as unknown as RowSchema<T>;
}
