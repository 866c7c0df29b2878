/**
 * Multi-row INSERT: one statement call writes up to {@link ROWS_PER_STATEMENT} rows, sparing
 * SQLite and better-sqlite3 the per-call overhead of one statement per row.
 */
import type { SqliteConnection } from "./sqlite-connection";

/** Rows per multi-row INSERT statement (the last, shorter chunk has a statement of its own). */
export const ROWS_PER_STATEMENT = 32;

/**
 * Inserts rows given as one flat list of values, `width` values per row, in order, up to
 * {@link ROWS_PER_STATEMENT} rows per statement. `head` is the statement up to `VALUES`
 * (e.g. `INSERT OR FAIL INTO t (a, b) VALUES `); each statement is prepared once per row count.
 * With `OR FAIL` a failing row leaves the rows before it written, which spares SQLite a statement
 * journal: the caller's savepoint undoes them.
 *
 * @example
 * ```ts
 * insertRowsSync(conn, "INSERT OR FAIL INTO record_index (collection, field, value, id) VALUES ", 4,
 *   ["payment", "quotaId", "Q1", "ZF001", "payment", "quotaId", "Q1", "ZF002"]);
 * ```
 */
export function insertRowsSync(conn: SqliteConnection, head: string, width: number, values: readonly unknown[]): void {
  const rows = values.length / width;
  const whole = rows - (rows % ROWS_PER_STATEMENT);
  if (whole > 0) {
    const many = conn.stmt(multiRowInsertSql(head, width, ROWS_PER_STATEMENT));
    const chunk = width * ROWS_PER_STATEMENT;
    for (let at = 0; at < whole * width; at += chunk) many.run(values.slice(at, at + chunk));
  }
  if (rows > whole) conn.stmt(multiRowInsertSql(head, width, rows - whole)).run(values.slice(whole * width));
}

const tuples = new Map<string, string>();

/**
 * The SQL text of a `rows`-row INSERT of `width` values per row after `head` (kept, so the
 * connection's statement cache key is cheap).
 *
 * @example
 * ```ts
 * multiRowInsertSql("INSERT INTO t (a, b) VALUES ", 2, 2); // "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
 * ```
 */
export function multiRowInsertSql(head: string, width: number, rows: number): string {
  const key = `${width}:${rows}:${head}`;
  let sql = tuples.get(key);
  if (sql === undefined) {
    const tuple = `(${new Array<string>(width).fill("?").join(", ")})`;
    sql = head + new Array<string>(rows).fill(tuple).join(", ");
    tuples.set(key, sql);
  }
  return sql;
}
