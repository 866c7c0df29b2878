/**
 * Opens the store a configuration names: the embedded SQLite file by default, PostgreSQL when the
 * config says so (`jincai init --pg`, or init with `JINCAI_PG_URL` set, writes that).
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { JincaiError } from "@jincai/core";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "@jincai/store-sqlite";
import type { JincaiConfig } from "./config";

/** How a command opens the store. */
export interface OpenStoreOptions {
  /**
   * Open a SQLite file for a bulk load (an import): a rollback journal instead of the
   * write-ahead log while the command runs, when no other process has the file open
   * (`SqliteStoreOptions.bulkLoad`). PostgreSQL ignores it.
   */
  readonly bulkLoad?: boolean;
  /**
   * Create the SQLite file when it does not exist (`jincai init`). Every other command refuses a
   * missing or empty file with `STORE_NOT_FOUND`: a mistyped path must not pass verify as an empty
   * database. PostgreSQL ignores it.
   */
  readonly create?: boolean;
}

/**
 * Opens (and migrates) the configured store. Paths are relative to `baseDir`.
 *
 * @example
 * ```ts
 * const store = await openConfiguredStore(config, process.cwd());
 * await store.close();
 * ```
 */
export async function openConfiguredStore(config: JincaiConfig, baseDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  // The configuration alone names the store: `JINCAI_PG_URL` only seeds `jincai init`, so a CI
  // runner with the variable set for other jobs still checks the file its config names.
  if ("postgres" in config.store) return openPostgres(config.store.postgres);
  const filename = resolve(baseDir, config.store.sqlite);
  if (!existsSync(dirname(filename))) {
    throw new JincaiError("CLI_FILE_NOT_FOUND", `${dirname(filename)}: no such folder for the database ${config.store.sqlite} (run jincai init)`);
  }
  try {
    return openSqliteStore({ filename, bulkLoad: options.bulkLoad === true, mustExist: options.create !== true });
  } catch (error) {
    if (error instanceof JincaiError && error.code === "STORE_NOT_FOUND") {
      throw new JincaiError("STORE_NOT_FOUND", `${error.message}: no database at ${config.store.sqlite} (run jincai init, or fix store.sqlite in the configuration)`, {
        details: error.details,
        cause: error,
      });
    }
    throw error;
  }
}

/** Loads the PostgreSQL store only when used: its driver costs every SQLite command about 50 ms of start-up. */
async function openPostgres(connectionString: string): Promise<Store> {
  const { openPostgresStore } = await import("@jincai/store-postgres");
  return openPostgresStore({ connectionString });
}
