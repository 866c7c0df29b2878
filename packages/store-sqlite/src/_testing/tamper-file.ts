/**
 * For tamper tests: edit a closed database file with SQL behind the store's back, and open a
 * store on it for one check.
 */
import Database from "better-sqlite3";
import type { Store } from "@jincai/core";
import { openSqliteStore } from "../open-sqlite-store";

/**
 * Runs `sql` on the file directly, as someone with write access to it could.
 *
 * @example
 * ```ts
 * tamper(filename, "UPDATE transfers SET amount = amount + 1 WHERE id = 'pay:ZF1'");
 * ```
 */
export function tamper(filename: string, sql: string): void {
  const db = new Database(filename);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/**
 * Opens a store on the file, runs `fn` and closes it.
 *
 * @example
 * ```ts
 * const result = await withStore(filename, (store) => verifyAudit(store));
 * ```
 */
export async function withStore<T>(filename: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ filename });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
