/**
 * A store in a schema of its own, and a second connection that edits its tables with direct SQL,
 * as someone with database access would behind the store's back (the tamper tests).
 */
import type { Store } from "@jincai/core";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { quoteIdent } from "../sql-client";
import { openTestStore, testServerUrl } from "./test-server";
import { freshSchema } from "./test-schema";

/** What a tamper test works with, once its `beforeAll` ran. */
export interface TamperStore {
  /** The store under test. */
  readonly store: Store;
  /** A plain connection for the edits. */
  readonly admin: pg.Client;
  /** The store's schema, quoted for SQL (`${s}.transfers`). */
  readonly s: string;
}

/**
 * Opens the store and the editing connection before the file's tests, then `setup` (accounts,
 * transfers); closes both after them.
 *
 * @example
 * ```ts
 * const db = useTamperStore(async (store) => { await store.createAccounts([...]); });
 * it("…", async () => { await db().admin.query(`DELETE FROM ${db().s}.period_locks`); });
 * ```
 */
export function useTamperStore(setup: (store: Store) => Promise<void> = async () => {}): () => TamperStore {
  let current: TamperStore | undefined;
  beforeAll(async () => {
    const schema = freshSchema();
    const store = await openTestStore({ schema });
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    current = { store, admin, s: quoteIdent(schema) };
    await setup(store);
  });
  afterAll(async () => {
    await current?.admin.end();
    await current?.store.close();
  });
  return () => {
    if (current === undefined) throw new Error("useTamperStore: the store is opened in beforeAll");
    return current;
  };
}
