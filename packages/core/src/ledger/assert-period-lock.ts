/** Validation of a period lock before a store adds it. */
import { JincaiError } from "../errors/jincai-error";
import { isIsoDate } from "../calendar/iso-date";
import type { PeriodLock } from "./period-lock";

/**
 * Throws `PERIOD_LOCK_INVALID` unless `from` and `to` are `YYYY-MM-DD` dates with `from <= to`
 * and `book`, when given, is a non-empty string. Every store calls it in `lockPeriod`.
 *
 * @throws {JincaiError} PERIOD_LOCK_INVALID when the lock is malformed.
 *
 * @example
 * ```ts
 * assertPeriodLock({ from: "2026-01-01", to: "2026-01-31" }); // ok
 * assertPeriodLock({ from: "2026-02-01", to: "2026-01-31" }); // throws PERIOD_LOCK_INVALID
 * ```
 */
export function assertPeriodLock(lock: PeriodLock): void {
  const valid =
    isIsoDate(lock.from) &&
    isIsoDate(lock.to) &&
    lock.from <= lock.to &&
    (lock.book === undefined || (typeof lock.book === "string" && lock.book.length > 0));
  if (!valid) {
    throw new JincaiError("PERIOD_LOCK_INVALID", `invalid period lock ${lock.from}..${lock.to}`, {
      details: { from: lock.from, to: lock.to, book: lock.book },
    });
  }
}
