/**
 * Makes the budget controls in the store match `controls` in jincai.config.json, so the limits a
 * user configured are checked on every payment (a changed limit or thresholds are posted, a
 * `retired` date retires one; another change is a conflict).
 */
import { BudgetErrorCode, PAYMENT_TYPES, QUOTA_BOOK, defineQuotaControl, loadQuotaControls, retireQuotaControl } from "@jincai/budget";
import type { DefineControlResult, DimensionMatcher, QuotaControl } from "@jincai/budget";
import { paymentEconomicCode } from "@jincai/treasury";
import { JincaiError, addCalendarDays, appendAudit, findFundType, formatFen, isPeriodLocked, isoNow, parseFen, systemClock } from "@jincai/core";
import type { Clock, PeriodLock, StoreTx } from "@jincai/core";
import { cliActor } from "./cli-actor";
import { lookupCode } from "./import/lookup-code";
import { percentOf } from "./percent-of";
import { CONFIG_FILE } from "./config";
import type { JincaiConfig } from "./config";

/** What an import says about a control it defined or changed (text, or a JSON line with `--json`). */
export interface ControlNotice {
  readonly control: string;
  /**
   * `not-posted`: the fiscal year is closed to the last day, so the definition, new limit or
   * retirement waits; `unconfigured`: defined in the database but gone from the settings, and
   * still checked; `retired`: retired now, or retired before and gone from the settings (no longer
   * checked). A control configured as retired is defined and retired at once: payments dated
   * before its retirement, imported later, are still checked against it. `over-limit`: an
   * advisory control in force is already past its limit (said on every import, as a row only
   * warns when it crosses the limit).
   */
  readonly status: "defined" | "changed" | "not-posted" | "unconfigured" | "retired" | "over-limit";
  readonly message: string;
}

/**
 * Defines every configured control that the store does not have yet, posts a changed limit, and
 * retires a control given `"retired": "YYYY-MM-DD"`; returns a notice for each control defined,
 * changed or retired: its limit and policy, what a new one already counts, or that it matches no
 * quota line (most often a mistyped value). A control that is already as configured gives none;
 * one gone from the settings says whether it is still checked or retired. Each control is defined
 * in a savepoint of its own, dated today within the fiscal year, or on the last day before it that
 * no closed period covers; when every day of the year is closed, a new control, limit or
 * retirement is not posted and says so (the import goes on: no payment is left for it to check).
 * A retirement is dated as configured: in a closed period it is BUDGET_PERIOD_CLOSED. Whether a
 * control is past its limit is said at the end of the import, once (see `controlReport`).
 * `onNotice` receives each notice as soon as its change is made: a control defined before another
 * is refused stays defined (each has its own savepoint), and the caller can say so before the
 * error stops the import.
 *
 * @throws {JincaiError} BUDGET_CONTROL_CONFLICT when a control retired in the database has no
 *   `retired`, or another one, in the settings (a retirement cannot be taken back or moved)
 * @example
 * ```ts
 * (await syncControls(store, config)).map((n) => n.message);
 * // ['control 101001-301 defined (absolute limit 20,000.00): its 4 quota lines have already used or reserved 14,100.00, which it counts']
 * ```
 */
export async function syncControls(
  tx: StoreTx,
  config: JincaiConfig,
  clock: Clock = systemClock(),
  onNotice: (notice: ControlNotice) => void = () => {},
): Promise<ControlNotice[]> {
  const stored = await loadQuotaControls(tx);
  const notices: ControlNotice[] = [];
  const say = (notice: ControlNotice): void => {
    notices.push(notice);
    onNotice(notice);
  };
  unconfiguredNotices(stored, config).forEach(say);
  await defineConfigured(tx, config, stored, clock, say);
  return notices;
}

/** Defines, changes or retires each configured control; says what it did as it goes. */
async function defineConfigured(tx: StoreTx, config: JincaiConfig, stored: readonly QuotaControl[], clock: Clock, say: (n: ControlNotice) => void): Promise<void> {
  if (config.controls.length === 0) return;
  const retiredBefore = new Map(stored.map((c) => [c.id, c.retired]));
  const year = config.fiscalYear;
  const today = isoNow(clock).slice(0, 10);
  const dated = today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
  const date = lastOpenDay(await tx.periodLocks(), dated, `${year}-01-01`);
  const onDate = date !== undefined && date !== dated ? `, dated ${date}, the last day no closed period covers` : "";
  for (const [i, c] of config.controls.entries()) {
    const known = retiredBefore.has(c.id);
    const wasRetired = retiredBefore.get(c.id);
    if (wasRetired !== undefined && c.retired === undefined) {
      throw new JincaiError(
        BudgetErrorCode.CONTROL_CONFLICT,
        `control ${c.id} was retired from ${wasRetired}, but controls.${i}.retired in ${CONFIG_FILE} is not given: a retirement cannot be taken back (keep "retired": "${wasRetired}" on it, or configure a new control under another id)`,
        { details: { controlId: c.id, field: "retired", key: `controls.${i}.retired`, recorded: wasRetired } },
      );
    }
    // A control stored before names were read as codes keeps its name (a changed match is a conflict).
    const before = stored.find((s) => s.id === c.id)?.match ?? [];
    const asStored = (dimension: string, value: string): boolean => before.some((m) => m.dimension === dimension && m.value === value && m.prefix !== true);
    const match: DimensionMatcher[] = Object.entries(c.match).map(([dimension, value]) =>
      value.endsWith("*")
        ? { dimension, value: value.slice(0, -1), prefix: true }
        : { dimension, value: asStored(dimension, value) ? value : codeOf(dimension, value) },
    );
    match.push({ dimension: "fiscalYear", value: String(config.fiscalYear) });
    const limit = parseFen(c.limit);
    // `retired` keeps what a new control takes over to payments dated before it; retire() records it.
    const control = { id: c.id, name: c.name ?? c.id, match, limit, policy: c.policy, thresholds: c.thresholds, date: date ?? dated, retired: c.retired };
    let result;
    try {
      // One savepoint per control: a refused one leaves none of its accounts behind.
      result = await tx.savepoint(async (sp) => {
        // A payment's reservation records the economic code it was paid under (it may refine its line's).
        const r = await defineQuotaControl(sp, control, { economicCodeOf: paymentEconomicCode });
        // Who defined or changed a control, and when, belongs in the audit chain like an import.
        if (r.status !== "exists") await appendAudit(sp, { actor: cliActor(), action: r.status === "ok" ? "control.define" : "control.change", subject: c.id, change: { ...c } }, { clock });
        return r;
      });
    } catch (error) {
      if (!(date === undefined && error instanceof JincaiError && error.code === BudgetErrorCode.PERIOD_CLOSED)) throw error;
      const what = known ? `control ${c.id}'s new limit ${formatFen(limit)} is not posted` : `control ${c.id} is not defined`;
      say({ control: c.id, status: "not-posted", message: `${what}: every day of fiscal year ${year} is closed, so no payment is left for it to check` });
      continue;
    }
    if (result.status === "changed") {
      say({ control: c.id, status: "changed", message: `control ${c.id} changed: ${(result.changes ?? []).join(", ")}${onDate}` });
    } else if (result.status === "ok") {
      say({ control: c.id, status: "defined", message: definedMessage(c, config.fiscalYear, limit, onDate, result) });
    }
    if (c.retired !== undefined) (await retire(tx, c.id, c.retired, clock)).forEach(say);
  }
}

/** What an import says of the stored controls gone from the settings: still checked, or retired. */
function unconfiguredNotices(stored: readonly QuotaControl[], config: JincaiConfig): ControlNotice[] {
  const configured = new Set(config.controls.map((c) => c.id));
  return stored.filter((c) => !configured.has(c.id)).map((c): ControlNotice => {
    const what = `control ${c.id} (${c.policy} limit ${formatFen(c.limit)}) is not in ${CONFIG_FILE} any more`;
    if (c.retired !== undefined) {
      return { control: c.id, status: "retired", message: `${what}; it is retired from ${c.retired}: payments dated from then are not checked against it (the database keeps it and its history)` };
    }
    // A control cannot be deleted: its legs and history stay, so one taken out is still checked.
    return {
      control: c.id,
      status: "unconfigured",
      message: `${what}, but the database keeps it and payments are still checked against it (a control cannot be removed: to stop checking it, put it back with "retired": "YYYY-MM-DD")`,
    };
  });
}

/** Retires a configured control (a no-op when retired before from the same date), with its audit event. */
async function retire(tx: StoreTx, id: string, date: string, clock: Clock): Promise<ControlNotice[]> {
  const result = await tx.savepoint(async (sp) => {
    const r = await retireQuotaControl(sp, id, { date });
    if (r.status === "ok") await appendAudit(sp, { actor: cliActor(), action: "control.retire", subject: id, change: { retired: date } }, { clock });
    return r;
  });
  if (result.status === "exists") return [];
  return [{ control: id, status: "retired", message: `control ${id} retired from ${date}: payments dated from then are not checked against it; those dated before keep their share of it` }];
}

/** The notice of a control defined now. */
function definedMessage(c: JincaiConfig["controls"][number], year: number, limit: bigint, onDate: string, result: DefineControlResult): string {
  const defined = `control ${c.id} defined (${c.policy} limit ${formatFen(limit)}${onDate})`;
  const exact = Object.values(c.match).some((v) => !v.endsWith("*"));
  if (result.lines === 0) return `${defined}, but it matches no quota line of ${year} yet${exact ? ' (a value without * matches that code exactly: "301*" is every 301 code)' : ""}`;
  if (result.opening > 0n) {
    const n = result.reservations ?? 0;
    const counted = `${defined}: its ${result.lines} quota ${result.lines === 1 ? "line has" : "lines have"} already used or reserved ${formatFen(result.opening)}, which it counts (${n} ${n === 1 ? "payment" : "payments"}: what is later rejected or refunded of them is given back to it)`;
    return `${counted}${standing(result.opening, limit)}${classOnly(c.match)}`;
  }
  const only = classOnly(c.match);
  return `${defined} over ${result.lines} quota ${result.lines === 1 ? "line" : "lines"}, ${only === "" ? "none of it used yet" : `no payment it counts yet${only}`}`;
}

/**
 * What a control on an economic 类 given exactly (`"302"`) must be told: a line held at 类 302
 * matches it, but its payments are mostly made under a 款 of it (30201, …), which it does not
 * count; "none of it used" would read as if the line had spent nothing.
 */
function classOnly(match: Readonly<Record<string, string>>): string {
  const v = match["economicCode"];
  if (v === undefined || !/^\d{3}$/.test(v)) return "";
  return `; "${v}" counts only payments made under ${v} itself, not under its 款 (${v}01, …): "${v}*" counts them all`;
}

/**
 * What a control defined over lines that have already spent says about its limit: nothing
 * under 80 %, its share from there, and how far it is over (an advisory or tracking control
 * may be defined past its limit; an absolute one is refused).
 */
function standing(opening: bigint, limit: bigint): string {
  if (opening > limit) return `; that is ${formatFen(opening - limit)} over its limit (${percentOf(opening, limit)} %) before any payment of this file`;
  return (opening * 1000n) / limit >= 800n ? `; that is ${percentOf(opening, limit)} % of its limit` : "";
}

/**
 * The code a quota line holds for a fund type or payment type named in the settings as a quota
 * file may name it (`一般公共预算` → `111`, `直接支付` → `11`); any other value as given. Without
 * it, a control on a name would match no line: quota imports store the code.
 */
function codeOf(dimension: string, value: string): string {
  if (/^\d+$/.test(value)) return value;
  if (dimension === "fundType") return findFundType(value)?.code ?? value;
  if (dimension === "paymentType") return lookupCode(PAYMENT_TYPES, value) ?? value;
  return value;
}

/** The last day from `date` back to `first` that no closed period of the quota book covers. */
function lastOpenDay(locks: readonly PeriodLock[], date: string, first: string): string | undefined {
  for (let day = date; day >= first; day = addCalendarDays(day, -1)) {
    if (!isPeriodLocked(locks, day, QUOTA_BOOK)) return day;
  }
  return undefined;
}
