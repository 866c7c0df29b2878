import { JincaiError } from "../errors/jincai-error";
import type { Clock } from "../time/clock";

/**
 * Internal: throws `AUDIT_INPUT_INVALID` (`details.field: "clock"`) unless `options.clock` is a
 * {@link Clock}, so a caller from plain JavaScript who forgot it hears what is missing instead of
 * a TypeError, and before anything is written.
 *
 * @example
 * ```ts
 * requireClock("appendAudit", options); // throws when options.clock is missing
 * ```
 */
export function requireClock(fn: string, options: { readonly clock?: Clock } | undefined): void {
  if (typeof options?.clock?.now !== "function") {
    throw new JincaiError("AUDIT_INPUT_INVALID", `${fn} needs the option clock (a Clock, e.g. systemClock()) to time the event`, {
      details: { field: "clock" },
    });
  }
}
