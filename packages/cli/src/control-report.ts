/**
 * The closing report of `jincai import payments` on the controls: each control in force read
 * before the import's first file and after its last, and one line per control with something to
 * say: an advisory control past its limit (and whether this import took it past), one this import
 * brought back within it, and the thresholds any control reached during the import. Read from the
 * store, so a file rolled back for its bad rows counts for nothing, and a control is said once
 * however many files and rows moved it (each row that crossed a level still warns at its
 * `file:line:column`). A retired control is reported only when the import moved it (payments
 * dated before its retirement are still checked and counted against it); otherwise its standing
 * is the past's, and said on every import it would be noise.
 */
import { controlStanding, controlUsage, loadQuotaControls } from "@jincai/budget";
import type { ControlPolicy, ControlStanding, QuotaControl, WarningSeverity } from "@jincai/budget";
import { fenToYuanString, formatFen } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { percentOf } from "./percent-of";

/** What the controls had used before an import, by control id (see {@link controlsBefore}). */
export type ControlsBefore = ReadonlyMap<string, bigint>;

/** One line of the closing report (text, or with `--json` a `{"control": …}` line). Amounts in yuan. */
export interface ControlReportLine {
  readonly control: string;
  /** See `ControlStanding.status`: `over-limit`, `within-limit` or `threshold`. */
  readonly status: ControlStanding["status"];
  /** `critical` past an advisory limit, else the highest threshold's reached. */
  readonly severity: WarningSeverity;
  readonly policy: ControlPolicy;
  /** The limit, used (reserved + paid) before and after, e.g. `"1000.00"`. */
  readonly limit: string;
  readonly usedBefore: string;
  readonly used: string;
  /** Used as a percentage of the limit, one decimal, truncated (`"120.0"`). */
  readonly percent: string;
  /** What is past the limit (`used − limit`), when used is over it. */
  readonly excess?: string;
  /** For `over-limit`: whether this import took the control past its limit. */
  readonly crossed?: boolean;
  /** The thresholds (whole percent) reached during the import. */
  readonly thresholdsCrossed: readonly number[];
  /** The day a retired control was retired from (it is reported only when the import moved it). */
  readonly retired?: string;
  /** Set on a dry run: what a real import would leave. */
  readonly dryRun?: true;
  readonly message: string;
}

/**
 * What every control has used, read before an import's first file.
 *
 * @example
 * ```ts
 * const before = await controlsBefore(store);
 * ```
 */
export async function controlsBefore(tx: StoreTx): Promise<ControlsBefore> {
  return controlUsage(tx, await loadQuotaControls(tx));
}

/**
 * The closing report: a line for each control with something to say, in id order (a retired one
 * only when the import moved it).
 *
 * @param tx - The store after the import (or the dry run's transaction before its rollback).
 * @param before - What {@link controlsBefore} read.
 * @param options - `dryRun`: the lines say it is what a real import would leave.
 * @example
 * ```ts
 * (await controlReport(store, before)).map((l) => l.message);
 * // ["control C302 (advisory limit 1,000.00) is past its limit after this import: 1,200.00 used or reserved, 200.00 over (120.0 %); this import took it past (from 300.00, 30.0 %), reaching 80 %, 90 % and 100 %; its payments are still accepted"]
 * ```
 */
export async function controlReport(tx: StoreTx, before: ControlsBefore, options: { readonly dryRun?: boolean } = {}): Promise<ControlReportLine[]> {
  const controls = await loadQuotaControls(tx);
  const after = await controlUsage(tx, controls);
  const out: ControlReportLine[] = [];
  for (const control of controls) {
    const used = after.get(control.id);
    if (used === undefined) continue;
    const usedBefore = before.get(control.id) ?? 0n;
    if (control.retired !== undefined && used === usedBefore) continue;
    const standing = controlStanding(control, usedBefore, used);
    if (standing !== undefined) out.push(reportLine(control, standing, options.dryRun === true));
  }
  return out;
}

function reportLine(control: QuotaControl, s: ControlStanding, dryRun: boolean): ControlReportLine {
  const over = s.used > s.limit;
  return {
    control: s.controlId, status: s.status, severity: s.severity, policy: s.policy,
    limit: fenToYuanString(s.limit), usedBefore: fenToYuanString(s.usedBefore), used: fenToYuanString(s.used),
    percent: percentOf(s.used, s.limit),
    ...(over ? { excess: fenToYuanString(s.used - s.limit) } : {}),
    ...(s.status === "over-limit" ? { crossed: s.crossed } : {}),
    thresholdsCrossed: s.thresholdsCrossed,
    ...(control.retired !== undefined ? { retired: control.retired } : {}),
    ...(dryRun ? { dryRun: true as const } : {}),
    message: `${dryRun ? "dry run, nothing written: " : ""}${message(s, control.retired)}`,
  };
}

/** The text of a report line. */
function message(s: ControlStanding, retired: string | undefined): string {
  const head = `control ${s.controlId} (${s.policy} limit ${formatFen(s.limit)}${retired === undefined ? "" : `, retired from ${retired}`})`;
  const was = `${formatFen(s.usedBefore)}, ${percentOf(s.usedBefore, s.limit)} %`;
  const reaching = s.thresholdsCrossed.length === 0 ? "" : `, reaching ${percents(s.thresholdsCrossed)}`;
  if (s.status === "over-limit") {
    const now = `${formatFen(s.used)} used or reserved, ${formatFen(s.used - s.limit)} over (${percentOf(s.used, s.limit)} %)`;
    const how = s.crossed ? `this import took it past (from ${was})${reaching}` : `it was already past before (${was}), and ${delta(s.used - s.usedBefore)}`;
    return `${head} is past its limit after this import: ${now}; ${how}; its payments are still accepted`;
  }
  const now = `${formatFen(s.used)} used or reserved (${percentOf(s.used, s.limit)} %), ${leftOrOver(s.used, s.limit)}`;
  if (s.status === "within-limit") return `${head} is back within its limit after this import: ${now}; it was ${formatFen(s.usedBefore - s.limit)} over before (${was})`;
  return `${head} reached ${percents(s.thresholdsCrossed)} (${s.severity}) during this import: ${now}; it had used ${formatFen(s.usedBefore)} (${percentOf(s.usedBefore, s.limit)} %) before`;
}

/** `80 %`, `80 % and 90 %`, `80 %, 90 % and 100 %`. */
function percents(list: readonly number[]): string {
  const each = list.map((p) => `${p} %`);
  return each.length <= 1 ? each.join("") : `${each.slice(0, -1).join(", ")} and ${each.at(-1)!}`;
}

/** What the import did to an advisory control already past its limit. */
function delta(fen: bigint): string {
  if (fen > 0n) return `this import added ${formatFen(fen)}`;
  if (fen < 0n) return `this import gave back ${formatFen(-fen)}`;
  return "this import changed nothing of it";
}

/** `50.00 left`, `none left`, or `300.00 over its limit` (a tracking control may pass it). */
function leftOrOver(used: bigint, limit: bigint): string {
  if (used < limit) return `${formatFen(limit - used)} left`;
  return used === limit ? "none left" : `${formatFen(used - limit)} over its limit`;
}
