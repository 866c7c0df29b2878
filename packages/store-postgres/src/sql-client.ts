/**
 * The thin driver layer: every query goes through {@link sql}, which attaches per-query type
 * parsers so `int8` reads as `bigint` and `date` as its `YYYY-MM-DD` text, whatever pool (ours or
 * the application's) runs it. The global `pg.types` registry is never touched.
 */
import pg from "pg";
import type { ClientBase, CustomTypesConfig, Pool, QueryResultRow } from "pg";

/** Anything that runs a query: a `pg.Pool` or a connected client. */
export type Queryable = Pool | ClientBase;

const INT8_OID = 20;
const DATE_OID = 1082;

/** Type parsers for Jincai's queries: int8 → bigint, date → text; the rest pg's defaults. */
export const JINCAI_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID) return (value: string) => BigInt(value);
    if (oid === DATE_OID) return (value: string) => value;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as CustomTypesConfig["getTypeParser"],
};

/** Runs one parameterised statement with Jincai's type parsers and returns its rows. */
export async function sql<R extends QueryResultRow = QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const result = await db.query<R>({ text, values, types: JINCAI_TYPES });
  return result.rows;
}

/** Runs one statement and returns how many rows it touched. */
export async function exec(db: Queryable, text: string, values: unknown[] = []): Promise<number> {
  const result = await db.query({ text, values, types: JINCAI_TYPES });
  return result.rowCount ?? 0;
}

/** Quotes an SQL identifier (a schema name). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** PostgreSQL error codes the store reacts to. */
export const PG_ERROR = {
  uniqueViolation: "23505",
  serializationFailure: "40001",
  deadlockDetected: "40P01",
  undefinedTable: "42P01",
  invalidSchemaName: "3F000",
} as const;

/** The SQLSTATE of a driver error, if it has one. */
export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
