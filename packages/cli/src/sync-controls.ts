/**
 * Makes the budget controls in the store match `controls` in jincai.config.json, so the limits a
 * user configured are checked on every payment (a changed limit or thresholds are posted; another
 * change is a conflict).
 */
import { defineQuotaControl } from "@jincai/budget";
import type { DimensionMatcher } from "@jincai/budget";
import { appendAudit, formatFen, isoNow, parseFen, systemClock } from "@jincai/core";
import type { Clock, StoreTx } from "@jincai/core";
import { cliActor } from "./cli-actor";
import type { JincaiConfig } from "./config";

/** What an import says about a control it defined or changed (text, or a JSON line with `--json`). */
export interface ControlNotice {
  readonly control: string;
  readonly status: "defined" | "changed";
  readonly message: string;
}

/**
 * Defines every configured control that the store does not have yet, and posts a changed limit;
 * returns a notice for each control defined or changed: its limit and policy, what a new one
 * already counts, or that it matches no quota line (most often a mistyped value). A control that
 * is already as configured gives none.
 *
 * @example
 * ```ts
 * (await syncControls(store, config)).map((n) => n.message);
 * // ['control 101001-301 defined (absolute limit 20,000.00): its 4 quota lines have already used or reserved 14,100.00, which it counts']
 * ```
 */
export async function syncControls(tx: StoreTx, config: JincaiConfig, clock: Clock = systemClock()): Promise<ControlNotice[]> {
  const notices: ControlNotice[] = [];
  // Defined (or changed) today, within the fiscal year: not on a day of a month already closed.
  const year = config.fiscalYear;
  const today = isoNow(clock).slice(0, 10);
  const date = today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
  for (const c of config.controls) {
    const match: DimensionMatcher[] = Object.entries(c.match).map(([dimension, value]) =>
      value.endsWith("*") ? { dimension, value: value.slice(0, -1), prefix: true } : { dimension, value },
    );
    match.push({ dimension: "fiscalYear", value: String(config.fiscalYear) });
    const limit = parseFen(c.limit);
    const result = await defineQuotaControl(tx, {
      id: c.id,
      name: c.name ?? c.id,
      match,
      limit,
      policy: c.policy,
      thresholds: c.thresholds,
      date,
    });
    if (result.status === "exists") continue;
    // Who defined or changed a control, and when, belongs in the audit chain like an import.
    await appendAudit(tx, { actor: cliActor(), action: result.status === "ok" ? "control.define" : "control.change", subject: c.id, change: { ...c } }, { clock });
    if (result.status === "changed") {
      notices.push({ control: c.id, status: "changed", message: `control ${c.id} changed: ${(result.changes ?? []).join(", ")}` });
      continue;
    }
    const defined = `control ${c.id} defined (${c.policy} limit ${formatFen(limit)})`;
    const exact = Object.values(c.match).some((v) => !v.endsWith("*"));
    const message =
      result.lines === 0
        ? `${defined}, but it matches no quota line of ${config.fiscalYear} yet${exact ? ' (a value without * matches that code exactly: "301*" is every 301 code)' : ""}`
        : result.opening > 0n
          ? `${defined}: its ${result.lines} quota ${result.lines === 1 ? "line has" : "lines have"} already used or reserved ${formatFen(result.opening)}, which it counts`
          : `${defined} over ${result.lines} quota ${result.lines === 1 ? "line" : "lines"}, none of it used yet`;
    notices.push({ control: c.id, status: "defined", message });
  }
  return notices;
}
