/**
 * Makes the budget controls in the store match `controls` in jincai.config.json, so the limits a
 * user configured are checked on every payment (a changed control is a conflict, not an edit).
 */
import { defineQuotaControl } from "@jincai/budget";
import type { DimensionMatcher } from "@jincai/budget";
import { parseFen } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import type { JincaiConfig } from "./config";

/**
 * Defines every configured control that the store does not have yet.
 *
 * @example
 * ```ts
 * await syncControls(store, config);
 * ```
 */
export async function syncControls(tx: StoreTx, config: JincaiConfig): Promise<void> {
  for (const c of config.controls) {
    const match: DimensionMatcher[] = Object.entries(c.match).map(([dimension, value]) =>
      value.endsWith("*") ? { dimension, value: value.slice(0, -1), prefix: true } : { dimension, value },
    );
    match.push({ dimension: "fiscalYear", value: String(config.fiscalYear) });
    await defineQuotaControl(tx, {
      id: c.id,
      name: c.name ?? c.id,
      match,
      limit: parseFen(c.limit),
      policy: c.policy,
      thresholds: c.thresholds,
      date: `${config.fiscalYear}-01-01`,
    });
  }
}
