/**
 * Test helpers: SQLite stores on temporary files, removed when the test is done.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
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

/** The temporary files of one test file, from {@link useTempFiles}. */
export interface TempFiles {
  /** A path for a new database file in a fresh directory, removed after the test. */
  newFile(): string;
  /** Registers a close (of a store or connection) to run after the test, before its files go. */
  closeLater(close: () => unknown): void;
}

/**
 * Temporary database files for the tests of one file: registers an `afterEach` that runs the
 * registered closes and then removes every directory made.
 *
 * @example
 * ```ts
 * const files = useTempFiles();
 * const store = openSqliteStore({ filename: files.newFile() });
 * files.closeLater(() => store.close());
 * ```
 */
export function useTempFiles(): TempFiles {
  const made: string[] = [];
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    newFile() {
      const dir = tempDir();
      made.push(dir);
      return join(dir, "city-2026.db");
    },
    closeLater(close) {
      closers.push(close);
    },
  };
}
