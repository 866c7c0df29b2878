import { fixedClock } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, POSTGRES_SCHEMA_VERSION, runMigrations } from "./migrations";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: testServerUrl(), max: 4 });
});
afterAll(() => pool.end());

const clock = fixedClock("2026-03-01T08:00:00Z");

async function versions(schema: string): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT version FROM ${quoteIdent(schema)}.schema_migrations ORDER BY version`,
  );
  return rows.map((r) => r.version);
}

describe("runMigrations", () => {
  it("applies version 1 to a new schema and nothing when run again", async () => {
    const schema = freshSchema();
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock)).toEqual([1]);
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock)).toEqual([]);
    expect(await versions(schema)).toEqual([POSTGRES_SCHEMA_VERSION]);
  });

  it("lets 4 concurrent openers of one new schema migrate it exactly once", async () => {
    const schema = freshSchema();
    const applied = await Promise.all(Array.from({ length: 4 }, () => runMigrations(pool, schema, quoteIdent(schema), clock)));
    expect(applied.flat()).toEqual([1]);
    expect(await versions(schema)).toEqual([1]);
  });

  it("applies only the missing versions, in order, when the build adds migration 2", async () => {
    const schema = freshSchema();
    await runMigrations(pool, schema, quoteIdent(schema), clock);
    const next = [...MIGRATIONS, { version: 2, name: "payee table", up: (s: string) => `CREATE TABLE ${s}.payees (id TEXT PRIMARY KEY)` }];
    expect(await runMigrations(pool, schema, quoteIdent(schema), clock, next)).toEqual([2]);
    expect(await versions(schema)).toEqual([1, 2]);
  });

  it("throws STORE_SCHEMA_TOO_NEW for a schema migrated by a newer build (version 99)", async () => {
    const schema = freshSchema();
    await runMigrations(pool, schema, quoteIdent(schema), clock);
    await pool.query(
      `INSERT INTO ${quoteIdent(schema)}.schema_migrations (version, name, applied_at) VALUES (99, 'from the future', now())`,
    );
    await expect(runMigrations(pool, schema, quoteIdent(schema), clock)).rejects.toMatchObject({
      code: "STORE_SCHEMA_TOO_NEW",
      details: { version: 99, supported: POSTGRES_SCHEMA_VERSION },
    });
    await expect(openTestStore({ schema })).rejects.toMatchObject({ code: "STORE_SCHEMA_TOO_NEW" });
  });
});
