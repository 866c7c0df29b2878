import type { QuotaControl } from "./quota-control";

// One filtered list per set of retired controls, so that the same list (by identity) comes back
// for every reservation of an import: reserveQuota caches each line's levels by that identity.
const IN_FORCE = new WeakMap<readonly QuotaControl[], Map<string, readonly QuotaControl[]>>();

/**
 * The controls in force on a date: those not retired on or before it. A reservation dated before
 * a control's retirement is still checked and counted against it (it was in force that day).
 * Returns `controls` itself when none is retired by then, and the same list for the same date.
 *
 * @param controls - Every control (see `loadQuotaControls`), retired ones included.
 * @param date - The reservation's date, `YYYY-MM-DD`.
 * @returns The controls that reservations of that date are checked against.
 * @example
 * ```ts
 * const controls = [{ id: "C302", retired: "2026-07-01", … }, { id: "C301", … }] as QuotaControl[];
 * controlsInForce(controls, "2026-06-30").map((c) => c.id); // ["C302", "C301"]
 * controlsInForce(controls, "2026-07-01").map((c) => c.id); // ["C301"]
 * ```
 */
export function controlsInForce(controls: readonly QuotaControl[], date: string): readonly QuotaControl[] {
  let retired = "";
  for (const c of controls) if (c.retired !== undefined && c.retired <= date) retired += `${c.id}\n`;
  if (retired === "") return controls;
  let byRetired = IN_FORCE.get(controls);
  if (byRetired === undefined) IN_FORCE.set(controls, (byRetired = new Map()));
  let out = byRetired.get(retired);
  if (out === undefined) {
    out = Object.freeze(controls.filter((c) => !(c.retired !== undefined && c.retired <= date)));
    byRetired.set(retired, out);
  }
  return out;
}
