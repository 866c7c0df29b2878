/**
 * A database holds one fiscal year (`jincai init --year`). Settings whose `fiscalYear` was edited
 * to another year over it would show none of its quota lines (a summary of zeros), fail `verify`
 * on every code and reject every payment as of an unknown quota: each command refuses them first.
 */
import { QUOTA_COLLECTION } from "@jincai/budget";
import { JincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import type { JincaiConfig } from "./config";

/**
 * The fiscal years of the quota lines a database holds, ascending (from the quota documents'
 * index, without reading the documents).
 *
 * @example
 * ```ts
 * await storedFiscalYears(store); // [2026]
 * ```
 */
export async function storedFiscalYears(store: StoreTx): Promise<number[]> {
  const years: number[] = [];
  for (const { value } of await store.countRecordsBy(QUOTA_COLLECTION, "fiscalYear")) {
    if (value !== undefined && /^\d{4}$/.test(value)) years.push(Number(value));
  }
  return years.sort((a, b) => a - b);
}

/**
 * Refuses settings of another fiscal year than the quota lines of the database hold; a database
 * without quota lines yet takes any year.
 *
 * @param store - The configured store.
 * @param config - The settings read from `configPath`.
 * @param configPath - The settings file, for the message.
 * @throws {JincaiError} CLI_CONFIG_INVALID naming both years (`details.key` is `fiscalYear`).
 * @example
 * ```ts
 * await assertDatabaseYear(store, config, "/srv/jincai/jincai.config.json");
 * ```
 */
export async function assertDatabaseYear(store: StoreTx, config: JincaiConfig, configPath: string): Promise<void> {
  const others = (await storedFiscalYears(store)).filter((year) => year !== config.fiscalYear);
  if (others.length === 0) return;
  const where = "sqlite" in config.store ? config.store.sqlite : "the PostgreSQL database";
  const year = config.fiscalYear;
  throw new JincaiError(
    "CLI_CONFIG_INVALID",
    `${configPath}: fiscalYear: ${year}, but ${where} holds the quota lines of fiscal year ${others.join(", ")}: a database holds one fiscal year (set fiscalYear to ${others.join(" or ")}, or give ${year} a database of its own: jincai init --force --db jincai-${year}.db --year ${year})`,
    { details: { path: configPath, key: "fiscalYear", fiscalYear: year, years: others } },
  );
}
