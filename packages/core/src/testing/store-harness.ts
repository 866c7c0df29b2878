/** What a backend supplies to run the store conformance suite. */
import type { Store } from "../store/store";

/**
 * A store backend under test. Every test calls `create()` for a fresh, empty, migrated store and
 * `destroy(store)` (default: `store.close()`) when it ends, so tests never share state.
 *
 * @example
 * ```ts
 * const harness: StoreHarness = { name: "memory", create: async () => createMemoryStore() };
 * storeConformanceSuite(harness);
 * ```
 */
export interface StoreHarness {
  /** Appears in every test name, e.g. `sqlite (:memory:)`. */
  readonly name: string;
  /** A fresh, empty store. */
  create(): Promise<Store>;
  /** Disposes of a store made by `create` (drop its schema or database). Default: `store.close()`. */
  destroy?(store: Store): Promise<void>;
  /** Runs of each property test (default 30); lower it for slow backends. */
  readonly propertyRuns?: number;
}

/**
 * Runs `fn` with a fresh store of the harness, disposing of it afterwards even when `fn` throws.
 *
 * @example
 * ```ts
 * await withStore(harness, async (store) => store.createAccounts(CHART));
 * ```
 */
export async function withStore<T>(harness: StoreHarness, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await harness.create();
  try {
    return await fn(store);
  } finally {
    await (harness.destroy === undefined ? store.close() : harness.destroy(store));
  }
}
