/**
 * Opening the PostgreSQL store: validate the options, make (or borrow) a pool whose int8 values
 * read as `bigint`, run the migrations, and hand back a `Store`.
 */
import { JincaiError, systemClock } from "@jincai/core";
import type { Clock, Store, StoreTx } from "@jincai/core";
import pg from "pg";
import type { Pool } from "pg";
import { runMigrations } from "./migrations";
import { PostgresStoreTx, type StoreContext } from "./postgres-store-tx";
import { createIdGuess } from "./create-transfers";
import { clientRunner, poolRunner } from "./runner";
import { createTxBalances } from "./tx-balances";
import { createTxGrowth } from "./tx-growth";
import { JINCAI_TYPES, exec, quoteIdent } from "./sql-client";

/**
 * Options of {@link openPostgresStore}. Give exactly one of `connectionString` and `pool`.
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = { pool: appPool, schema: "city_2026", clock: fixedClock("2026-03-01") };
 * ```
 */
export interface PostgresStoreOptions {
  /** A `postgres://` URL; the store then owns its pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** An application's pool; the store borrows it and leaves it open on `close()`. */
  readonly pool?: Pool;
  /** Stamps `updated_at` of records and `applied_at` of migrations. Default: the system clock. */
  readonly clock?: Clock;
  /** The schema holding the tables (created if missing). Default `jincai`. */
  readonly schema?: string;
  /** Connections of an owned pool. Default 10. */
  readonly maxConnections?: number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

class PostgresStore extends PostgresStoreTx implements Store {
  readonly kind = "postgres";
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    ctx: StoreContext,
  ) {
    super(poolRunner(pool), ctx);
  }

  /** On the store itself a savepoint is a transaction of its own. */
  override savepoint<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const runner = clientRunner(client);
    try {
      await exec(client, "BEGIN");
      // Balances, months and the ledger head stay in memory until COMMIT (tx-balances.ts); the
      // planner's statistics follow the tables it grows (tx-growth.ts).
      const balances = createTxBalances();
      let result: T;
      try {
        result = await fn(new PostgresStoreTx(runner, this.ctx, { balances, growth: createTxGrowth(), ids: createIdGuess() }));
      } finally {
        await runner.end();
      }
      // Writes sent ahead (deferred-writes.ts) must all have gone in before anything commits.
      await runner.settleDeferred();
      await balances.flush(client, this.ctx.s);
      await exec(client, "COMMIT");
      return result;
    } catch (error) {
      await exec(client, "ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }
}

function checkOptions(options: PostgresStoreOptions): string {
  const schema = options.schema ?? "jincai";
  const sources = (options.connectionString === undefined ? 0 : 1) + (options.pool === undefined ? 0 : 1);
  if (sources !== 1) {
    throw new JincaiError("STORE_OPTIONS_INVALID", "give exactly one of connectionString and pool", {
      details: { connectionString: options.connectionString !== undefined, pool: options.pool !== undefined },
    });
  }
  if (!SCHEMA_NAME.test(schema)) {
    throw new JincaiError("STORE_OPTIONS_INVALID", `not a plain schema name: ${schema}`, { details: { schema } });
  }
  return schema;
}

/**
 * Opens the PostgreSQL store: creates the schema's tables or migrates them to
 * {@link POSTGRES_SCHEMA_VERSION}, then returns a `Store` of kind `postgres`.
 *
 * @param options - Where the database is (`connectionString` or `pool`), the schema, the clock.
 * @returns The open store; call `close()` when done.
 * @throws {JincaiError} STORE_OPTIONS_INVALID when neither or both of `connectionString` and
 *   `pool` are given, or `schema` is not a plain identifier.
 * @throws {JincaiError} STORE_UNAVAILABLE when the server cannot be reached, refuses the login or
 *   the migration fails (the driver error is the `cause`).
 * @throws {JincaiError} STORE_SCHEMA_TOO_NEW when a newer Jincai has migrated the schema.
 *
 * @example
 * ```ts
 * const store = await openPostgresStore({ connectionString: "postgres://jincai@db/fiscal", schema: "city_2026" });
 * store.kind; // "postgres"
 * await store.close();
 * ```
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schemaName = checkOptions(options);
  const owns = options.pool === undefined;
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      types: JINCAI_TYPES,
      application_name: "jincai",
      // A transaction sends writes it need not wait for ahead of its next statements (runner.ts).
      pipeline: true,
    });
  // An idle pooled connection the server drops must not crash the process; the next query reconnects.
  if (owns) pool.on("error", () => undefined);
  const clock = options.clock ?? systemClock();
  const ctx: StoreContext = { schemaName, s: quoteIdent(schemaName), clock };
  try {
    await runMigrations(pool, schemaName, ctx.s, clock);
  } catch (error) {
    if (owns) await pool.end().catch(() => undefined);
    if (error instanceof JincaiError) throw error;
    throw new JincaiError("STORE_UNAVAILABLE", `cannot open the PostgreSQL store: ${String((error as Error)?.message ?? error)}`, {
      details: { schema: schemaName },
      cause: error,
    });
  }
  return new PostgresStore(pool, owns, ctx);
}
