/**
 * Planner statistics that keep up with a bulk load inside one transaction.
 *
 * PostgreSQL plans each statement from the table sizes its statistics last recorded, and an
 * import's transaction grows `transfers` and `records` from nearly empty to millions of rows that
 * autovacuum cannot see until it commits. Planned for the old size, the reads of a batch's ids
 * turned into a hash join over a scan of the whole table (276 ms at 900,000 rows instead of a
 * thousand index probes, 4 ms): a 1M-payment import took 139 s instead of a minute. So a
 * transaction counts the rows it adds to each table and runs `ANALYZE` on a table (it samples
 * the transaction's own new rows too) each time it has added at least as many rows as the table
 * was last known to hold, and at least {@link ANALYZE_FROM}: a handful of runs, 0.1–0.3 s each,
 * for a million rows. The statistics stay after the transaction, as autovacuum would have made
 * them (a rolled-back transaction leaves its row counts in `pg_class` until the next analyze).
 */
import { sql, exec, type Queryable } from "./sql-client";

/** The tables a transaction grows in bulk. */
export type GrowingTable = "transfers" | "records";

/** Rows a transaction adds to a table before its first analyze. */
export const ANALYZE_FROM = 20_000;

/** What one transaction added to its growing tables; see the module comment. */
export interface TxGrowth {
  /** Counts rows added by a write whose savepoint was released. */
  added(table: GrowingTable, rows: number): void;
  /** Analyzes `table` when it has grown enough since it was last analyzed (call before reading it). */
  analyzeIfGrown(db: Queryable, s: string, table: GrowingTable): Promise<void>;
}

/**
 * Creates the growth counters of one transaction.
 *
 * @example
 * ```ts
 * const growth = createTxGrowth();
 * growth.added("transfers", 1_000);
 * await growth.analyzeIfGrown(client, '"jincai"', "transfers"); // nothing yet: under 20,000 rows
 * ```
 */
export function createTxGrowth(): TxGrowth {
  const added = new Map<GrowingTable, number>();
  const known = new Map<GrowingTable, number>();
  return {
    added: (table, rows) => void added.set(table, (added.get(table) ?? 0) + rows),
    async analyzeIfGrown(db, s, table) {
      const grown = added.get(table) ?? 0;
      if (grown < ANALYZE_FROM) return;
      let size = known.get(table);
      if (size === undefined) {
        const [row] = await sql<{ n: number }>(db, `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = $1::regclass`, [
          `${s}.${table}`,
        ]);
        size = Number(row?.n ?? 0);
      }
      if (grown < size) {
        known.set(table, size);
        return;
      }
      await exec(db, `ANALYZE ${s}.${table}`);
      known.set(table, size + grown);
      added.set(table, 0);
    },
  };
}
