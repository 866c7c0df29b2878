/**
 * Test helpers: SQLite stores on temporary files, removed when the test is done.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "../open-sqlite-store";
import type { SqliteStoreOptions } from "../open-sqlite-store";

const dirs = new WeakMap<Store, string>();

/**
 * A fresh directory for database files; remove it with `rmSync(dir, { recursive: true })`.
 *
 * @example
 * ```ts
 * const dir = tempDir();
 * ```
 */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jincai-sqlite-"));
}

/**
 * Opens a store on a new temporary file.
 *
 * @example
 * ```ts
 * const store = openTempStore();
 * await destroyTempStore(store);
 * ```
 */
export function openTempStore(options: Omit<SqliteStoreOptions, "filename"> = {}): Store {
  const dir = tempDir();
  const store = openSqliteStore({ ...options, filename: join(dir, "jincai.db") });
  dirs.set(store, dir);
  return store;
}

/**
 * Closes a store made by {@link openTempStore} and deletes its files.
 *
 * @example
 * ```ts
 * await destroyTempStore(store);
 * ```
 */
export async function destroyTempStore(store: Store): Promise<void> {
  await store.close();
  const dir = dirs.get(store);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
