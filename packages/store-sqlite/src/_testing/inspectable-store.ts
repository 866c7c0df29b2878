/**
 * Test helper: a SQLite store assembled as `openSqliteStore` assembles it, with its context (the
 * connection, the index deferral, the held account pairs, the balances) in reach of the test.
 */
import type { Store } from "@jincai/core";
import { seedLedger } from "@jincai/core/testing";
import type { SqliteContext } from "../account-ops";
import { openConnection } from "../sqlite-connection";
import { createSqliteContext } from "../sqlite-context";
import { createSqliteSession } from "../sqlite-session";
import { createSqliteTx } from "../sqlite-tx";

/**
 * Opens `filename` as a store seeded with the ledger fixture; the caller closes the store.
 *
 * @param options - `holdAtMost`: account pairs a bulk load holds before writing them out.
 * @example
 * ```ts
 * const { store, ctx } = await openInspectableStore(files.newFile(), { holdAtMost: 3_000 });
 * files.closeLater(() => store.close());
 * ```
 */
export async function openInspectableStore(
  filename: string,
  options: { readonly holdAtMost?: number } = {},
): Promise<{ store: Store; ctx: SqliteContext }> {
  const ctx = createSqliteContext(openConnection({ filename, appliedAt: "2026-03-01T00:00:00.000Z" }), options);
  const session = createSqliteSession(ctx);
  const store: Store = { kind: "sqlite", ...createSqliteTx(ctx, session.outside), transaction: (fn) => session.transaction(fn), close: () => session.close() };
  await seedLedger(store);
  return { store, ctx };
}
