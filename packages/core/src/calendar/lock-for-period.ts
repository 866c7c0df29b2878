import type { PeriodLock } from "../ledger/period-lock";
import { periodRange } from "./period-range";

/**
 * A {@link PeriodLock} closing a period or a range of periods, for one book or (omitted) all.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_PERIOD`, `CALENDAR_PERIOD_RANGE_REVERSED`.
 * @example
 * ```ts
 * lockForPeriod("2026-01");                 // { from: "2026-01-01", to: "2026-01-31" }
 * lockForPeriod("2026-Q1", "quota");        // { from: "2026-01-01", to: "2026-03-31", book: "quota" }
 * await store.lockPeriod(lockForPeriod("2026-01..2026-06"));
 * ```
 */
export function lockForPeriod(period: string, book?: string): PeriodLock {
  const { from, to } = periodRange(period);
  return book === undefined ? { from, to } : { from, to, book };
}
