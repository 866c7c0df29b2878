/**
 * A PostgreSQL database of its own for an end-to-end test file: the postgres store uses schema
 * "jincai", so each file that runs `jincai --pg` gets a fresh database on the shared test server
 * (pg-global-setup.ts), created before its tests and dropped after them.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the tests use (pg-global-setup.ts). */
    jincaiPgUrl: string;
  }
}

/** Runs one statement on the test server's own database. */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("jincaiPgUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Registers hooks that create a database named `<prefix>_<random>` before the file's tests and
 * drop it after them; returns the database's URL (read it inside a hook or test).
 *
 * @example
 * ```ts
 * const pgUrl = usePgDatabase("jincai_daily");
 * it("imports", async () => expect((await runJincai(dir, ["init", "--pg", pgUrl(), …])).code).toBe(0));
 * ```
 */
export function usePgDatabase(prefix: string): () => string {
  const database = `${prefix}_${randomBytes(4).toString("hex")}`;
  beforeAll(() => onServer(`CREATE DATABASE ${database}`));
  afterAll(() => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  return () => {
    const url = new URL(inject("jincaiPgUrl"));
    url.pathname = `/${database}`;
    return url.toString();
  };
}
