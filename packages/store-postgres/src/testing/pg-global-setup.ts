/**
 * Vitest global setup: gives the tests a PostgreSQL server. With `JINCAI_PG_URL` set it uses
 * that server; otherwise it starts a throwaway cluster (initdb into a temporary directory,
 * durability off, a free port on 127.0.0.1) and removes it at teardown. Tests read the URL with
 * `inject("jincaiPgUrl")` (see `test-server.ts`). Missing PostgreSQL binaries fail the run loudly:
 * a silently skipped store is a store nobody tests.
 *
 * On the throwaway cluster the tests use a database collated as a Chinese bureau's server would
 * be (ICU `zh-CN`, pinyin order), not the cluster's byte order `C`: under it the default
 * collation of a text column orders text differently and differs from the `COLLATE "C"` of the
 * id columns, so the suites show that no query, join or sort depends on `C`.
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
  try {
    project.provide("jincaiPgUrl", await localeDatabase(cluster.url));
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster.stop;
}

/** Creates the database `jincai_test`, collated by ICU `zh-CN`, on the cluster; returns its URL. */
async function localeDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE DATABASE jincai_test TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'");
  } finally {
    await client.end();
  }
  const test = new URL(url);
  test.pathname = "/jincai_test";
  return test.toString();
}
