/**
 * Opens the store a configuration names: the embedded SQLite file by default, PostgreSQL when the
 * config says so or `JINCAI_PG_URL` is set.
 */
import { resolve } from "node:path";
import type { Store } from "@jincai/core";
import { openPostgresStore } from "@jincai/store-postgres";
import { openSqliteStore } from "@jincai/store-sqlite";
import type { JincaiConfig } from "./config";

/**
 * Opens (and migrates) the configured store. Paths are relative to `baseDir`.
 *
 * @example
 * ```ts
 * const store = await openConfiguredStore(config, process.cwd());
 * await store.close();
 * ```
 */
export async function openConfiguredStore(config: JincaiConfig, baseDir: string): Promise<Store> {
  const pg = process.env["JINCAI_PG_URL"];
  if ("postgres" in config.store) return openPostgresStore({ connectionString: config.store.postgres });
  if (pg) return openPostgresStore({ connectionString: pg });
  return openSqliteStore({ filename: resolve(baseDir, config.store.sqlite) });
}
