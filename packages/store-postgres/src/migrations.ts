/**
 * Versioned, re-runnable migrations. Every opener runs {@link runMigrations}: inside one
 * transaction it takes an advisory lock for the schema (so concurrent openers wait rather than
 * race), reads `schema_migrations`, refuses a database made by a newer Jincai, and applies what
 * is missing in version order. Migrations only ever add; a released one is never edited.
 */
import { JincaiError, isoNow } from "@jincai/core";
import type { Clock } from "@jincai/core";
import type { Pool } from "pg";
import { accountMonthsSchemaSql } from "./account-months-schema";
import { accountNumberSql } from "./account-number-schema";
import { initialSchemaSql } from "./initial-schema";
import { pendingIdIndexSql } from "./pending-id-index-schema";
import { PG_ERROR, exec, pgErrorCode, sql } from "./sql-client";

/** One step of the schema's history. */
export interface Migration {
  /** 1, 2, 3, … in order, never reused. */
  readonly version: number;
  /** What it does, stored in `schema_migrations`. */
  readonly name: string;
  /** The DDL for the quoted schema identifier. */
  readonly up: (schema: string) => string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "ledger, records and audit chain", up: initialSchemaSql },
  { version: 2, name: "per-account monthly balance changes", up: accountMonthsSchemaSql },
  { version: 3, name: "pending_id unique only where set", up: pendingIdIndexSql },
  { version: 4, name: "accounts numbered in creation order", up: accountNumberSql },
];

/**
 * The schema version this build of `@jincai/store-postgres` writes and understands.
 *
 * @example
 * ```ts
 * POSTGRES_SCHEMA_VERSION; // 4
 * ```
 */
export const POSTGRES_SCHEMA_VERSION = 4;

/** Advisory-lock class ids (first key of the two-key form); the second key hashes the schema. */
export const LOCK_CLASS = { migrate: 0x4a43_0001, audit: 0x4a43_0002, periods: 0x4a43_0003 } as const;

/**
 * Brings schema `quotedSchema` (named `schemaName`) up to date and returns the versions it applied.
 * Throws `STORE_SCHEMA_TOO_NEW` when the database was written by a newer schema version.
 */
export async function runMigrations(
  pool: Pool,
  schemaName: string,
  quotedSchema: string,
  clock: Clock,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if ((await currentVersion(pool, quotedSchema)) === latest) return [];
  const client = await pool.connect();
  try {
    await exec(client, "BEGIN");
    await exec(client, "SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_CLASS.migrate, schemaName]);
    await exec(client, `CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`);
    await exec(
      client,
      `CREATE TABLE IF NOT EXISTS ${quotedSchema}.schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const rows = await sql<{ v: number | null }>(client, `SELECT max(version) AS v FROM ${quotedSchema}.schema_migrations`);
    const current = rows[0]?.v ?? 0;
    if (current > latest) {
      throw new JincaiError("STORE_SCHEMA_TOO_NEW", `schema ${schemaName} is at version ${current}; this build knows up to ${latest}`, {
        details: { schema: schemaName, version: current, supported: latest },
      });
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await exec(client, migration.up(quotedSchema));
      await exec(client, `INSERT INTO ${quotedSchema}.schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        isoNow(clock),
      ]);
      applied.push(migration.version);
    }
    await exec(client, "COMMIT");
    return applied;
  } catch (error) {
    await exec(client, "ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The schema's version without locking (0 when it has no migration table yet): the fast path. */
async function currentVersion(pool: Pool, quotedSchema: string): Promise<number> {
  try {
    const rows = await sql<{ v: number | null }>(pool, `SELECT max(version) AS v FROM ${quotedSchema}.schema_migrations`);
    return rows[0]?.v ?? 0;
  } catch (error) {
    const code = pgErrorCode(error);
    if (code === PG_ERROR.undefinedTable || code === PG_ERROR.invalidSchemaName) return 0;
    throw error;
  }
}
