/**
 * Vitest global setup: gives the tests a PostgreSQL server. With `JINCAI_PG_URL` set it uses
 * that server; otherwise it starts a throwaway cluster (initdb into a temporary directory,
 * durability off, a free port on 127.0.0.1) and removes it at teardown. Tests read the URL with
 * `inject("jincaiPgUrl")` (see `test-server.ts`). Missing PostgreSQL binaries fail the run loudly:
 * a silently skipped store is a store nobody tests.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../throwaway-postgres";
import { TEST_SCHEMA_PREFIX } from "./test-schema";

/** Drops the schemas the tests created on a server we do not own. */
async function dropTestSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)",
      [TEST_SCHEMA_PREFIX],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Starts (or finds) the server and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env["JINCAI_PG_URL"];
  if (given !== undefined && given !== "") {
    project.provide("jincaiPgUrl", given);
    return () => dropTestSchemas(given);
  }
  const cluster = await startThrowawayPostgres();
  project.provide("jincaiPgUrl", cluster.url);
  return cluster.stop;
}
