/**
 * Opens the configured store for one command and closes it afterwards, whatever happens.
 */
import { resolve } from "node:path";
import type { Store } from "@jincai/core";
import type { CliContext } from "./cli-context";
import { CONFIG_FILE, type JincaiConfig, loadConfig } from "./config";
import { assertDatabaseYear } from "./database-fiscal-year";
import { openConfiguredStore } from "./open-store";
import type { OpenStoreOptions } from "./open-store";

/** How {@link withStore} opens the store. */
export interface WithStoreOptions extends OpenStoreOptions {
  /**
   * Take settings of any fiscal year (the audit chain, which does not depend on it). Otherwise
   * settings of another year than the database's quota lines are refused (`assertDatabaseYear`).
   */
  readonly anyFiscalYear?: boolean;
}

/**
 * Runs `fn` with the store and configuration of the context's config file.
 *
 * @example
 * ```ts
 * const n = await withStore(ctx, async (store) => (await store.accountBalances()).length);
 * ```
 */
export async function withStore<T>(
  ctx: CliContext,
  fn: (store: Store, config: JincaiConfig) => Promise<T>,
  options: WithStoreOptions = {},
): Promise<T> {
  const path = resolve(ctx.cwd, ctx.configPath ?? CONFIG_FILE);
  const config = await loadConfig(path);
  const store = await openConfiguredStore(config, resolve(path, ".."), options);
  try {
    if (options.anyFiscalYear !== true) await assertDatabaseYear(store, config, path);
    return await fn(store, config);
  } finally {
    await store.close();
  }
}
