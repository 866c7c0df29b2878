/**
 * Opens the configured store for one command and closes it afterwards, whatever happens.
 */
import { resolve } from "node:path";
import type { Store } from "@jincai/core";
import type { CliContext } from "./cli-context";
import { CONFIG_FILE, type JincaiConfig, loadConfig } from "./config";
import { openConfiguredStore } from "./open-store";
import type { OpenStoreOptions } from "./open-store";

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
  options: OpenStoreOptions = {},
): Promise<T> {
  const path = resolve(ctx.cwd, ctx.configPath ?? CONFIG_FILE);
  const config = await loadConfig(path);
  const store = await openConfiguredStore(config, resolve(path, ".."), options);
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}
