/**
 * For this package's tests: the URL of the server `pg-global-setup.ts` provides, stores on fresh
 * schemas of it, and a harness that recycles schemas (truncating instead of re-migrating) so the
 * conformance suite's "fresh store per test" costs milliseconds.
 */
import type { Clock, Store } from "@jincai/core";
import type { StoreHarness } from "@jincai/core/testing";
import pg from "pg";
import { inject } from "vitest";
import { openPostgresStore } from "../open-postgres-store";
import { quoteIdent } from "../sql-client";
import { freshSchema } from "./test-schema";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the tests use. */
    jincaiPgUrl: string;
  }
}

/** The test server's URL. */
export function testServerUrl(): string {
  return inject("jincaiPgUrl");
}

/** Opens a store on a new, empty schema of the test server (or on `schema`). */
export function openTestStore(options: { schema?: string; clock?: Clock; maxConnections?: number } = {}): Promise<Store> {
  return openPostgresStore({ ...options, connectionString: testServerUrl(), schema: options.schema ?? freshSchema() });
}

const TABLES = ["accounts", "account_months", "transfers", "period_locks", "records", "audit_events", "audit_checkpoints"];

/**
 * A conformance harness whose stores live on recycled schemas: `destroy` closes the store and
 * empties its schema, and the next `create` reuses it. Call `dispose` once at the end.
 */
export function recyclingHarness(name: string, propertyRuns?: number): StoreHarness & { dispose(): Promise<void> } {
  const free: string[] = [];
  const schemaOf = new WeakMap<Store, string>();
  let admin: pg.Pool | undefined;
  return {
    name,
    ...(propertyRuns === undefined ? {} : { propertyRuns }),
    async create() {
      const schema = free.pop() ?? freshSchema();
      const store = await openTestStore({ schema, maxConnections: 4 });
      schemaOf.set(store, schema);
      return store;
    },
    async destroy(store) {
      await store.close();
      const schema = schemaOf.get(store);
      if (schema === undefined) return;
      admin ??= new pg.Pool({ connectionString: testServerUrl(), max: 1 });
      const s = quoteIdent(schema);
      await admin.query(
        `TRUNCATE ${TABLES.map((t) => `${s}.${t}`).join(", ")} RESTART IDENTITY; UPDATE ${s}.ledger_head SET last_sequence = 0, last_account_num = 0`,
      );
      free.push(schema);
    },
    async dispose() {
      await admin?.end();
    },
  };
}
