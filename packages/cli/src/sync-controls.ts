/**
 * Makes the budget controls in the store match `controls` in jincai.config.json, so the limits a
 * user configured are checked on every payment (a changed limit or thresholds are posted; another
 * change is a conflict).
 */
import { BudgetErrorCode, QUOTA_BOOK, QUOTA_CONTROL_COLLECTION, defineQuotaControl, loadQuotaControls } from "@jincai/budget";
import type { DimensionMatcher } from "@jincai/budget";
import { JincaiError, addCalendarDays, appendAudit, formatFen, isPeriodLocked, isoNow, parseFen, systemClock } from "@jincai/core";
import type { Clock, PeriodLock, StoreTx } from "@jincai/core";
import { cliActor } from "./cli-actor";
import { CONFIG_FILE } from "./config";
import type { JincaiConfig } from "./config";

/** What an import says about a control it defined or changed (text, or a JSON line with `--json`). */
export interface ControlNotice {
  readonly control: string;
  /**
   * `not-posted`: the fiscal year is closed to the last day, so the definition or new limit waits;
   * `unconfigured`: defined in the database but gone from the settings, and still checked.
   */
  readonly status: "defined" | "changed" | "not-posted" | "unconfigured";
  readonly message: string;
}

/**
 * Defines every configured control that the store does not have yet, and posts a changed limit;
 * returns a notice for each control defined or changed: its limit and policy, what a new one
 * already counts, or that it matches no quota line (most often a mistyped value). A control that
 * is already as configured gives none. Each control is defined in a savepoint of its own, dated
 * today within the fiscal year, or on the last day before it that no closed period covers; when
 * every day of the year is closed, a new control or limit is not posted and says so (the import
 * goes on: no payment is left for it to check).
 *
 * @example
 * ```ts
 * (await syncControls(store, config)).map((n) => n.message);
 * // ['control 101001-301 defined (absolute limit 20,000.00): its 4 quota lines have already used or reserved 14,100.00, which it counts']
 * ```
 */
export async function syncControls(tx: StoreTx, config: JincaiConfig, clock: Clock = systemClock()): Promise<ControlNotice[]> {
  const notices: ControlNotice[] = [];
  // A control cannot be taken back: one deleted from the settings is still checked, and says so.
  const configured = new Set(config.controls.map((c) => c.id));
  for (const stored of await loadQuotaControls(tx)) {
    if (configured.has(stored.id)) continue;
    notices.push({
      control: stored.id,
      status: "unconfigured",
      message: `control ${stored.id} (${stored.policy} limit ${formatFen(stored.limit)}) is not in ${CONFIG_FILE} any more, but the database keeps it and payments are still checked against it (a control cannot be removed; raise its limit to let payments through)`,
    });
  }
  if (config.controls.length === 0) return notices;
  const year = config.fiscalYear;
  const today = isoNow(clock).slice(0, 10);
  const dated = today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
  const date = lastOpenDay(await tx.periodLocks(), dated, `${year}-01-01`);
  const onDate = date !== undefined && date !== dated ? `, dated ${date}, the last day no closed period covers` : "";
  for (const c of config.controls) {
    const match: DimensionMatcher[] = Object.entries(c.match).map(([dimension, value]) =>
      value.endsWith("*") ? { dimension, value: value.slice(0, -1), prefix: true } : { dimension, value },
    );
    match.push({ dimension: "fiscalYear", value: String(config.fiscalYear) });
    const limit = parseFen(c.limit);
    const control = { id: c.id, name: c.name ?? c.id, match, limit, policy: c.policy, thresholds: c.thresholds, date: date ?? dated };
    let result;
    try {
      // One savepoint per control: a refused one leaves none of its accounts behind.
      result = await tx.savepoint(async (sp) => {
        const r = await defineQuotaControl(sp, control);
        // Who defined or changed a control, and when, belongs in the audit chain like an import.
        if (r.status !== "exists") await appendAudit(sp, { actor: cliActor(), action: r.status === "ok" ? "control.define" : "control.change", subject: c.id, change: { ...c } }, { clock });
        return r;
      });
    } catch (error) {
      if (!(date === undefined && error instanceof JincaiError && error.code === BudgetErrorCode.PERIOD_CLOSED)) throw error;
      const known = (await tx.getRecord(QUOTA_CONTROL_COLLECTION, c.id)) !== undefined;
      const what = known ? `control ${c.id}'s new limit ${formatFen(limit)} is not posted` : `control ${c.id} is not defined`;
      notices.push({ control: c.id, status: "not-posted", message: `${what}: every day of fiscal year ${year} is closed, so no payment is left for it to check` });
      continue;
    }
    if (result.status === "exists") continue;
    if (result.status === "changed") {
      notices.push({ control: c.id, status: "changed", message: `control ${c.id} changed: ${(result.changes ?? []).join(", ")}${onDate}` });
      continue;
    }
    const defined = `control ${c.id} defined (${c.policy} limit ${formatFen(limit)}${onDate})`;
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

/** The last day from `date` back to `first` that no closed period of the quota book covers. */
function lastOpenDay(locks: readonly PeriodLock[], date: string, first: string): string | undefined {
  for (let day = date; day >= first; day = addCalendarDays(day, -1)) {
    if (!isPeriodLocked(locks, day, QUOTA_BOOK)) return day;
  }
  return undefined;
}
