/**
 * Period locks: a closed period rejects postings dated in it with `period_closed`.
 */

/** A closed date range, for one book or for every book. */
export interface PeriodLock {
  /** First closed date, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last closed date, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** The book the lock applies to; omitted means every book. */
  readonly book?: string;
}

/**
 * Tells whether `date` falls in a lock that applies to `book`.
 *
 * @example
 * ```ts
 * isPeriodLocked([{ from: "2026-01-01", to: "2026-01-31" }], "2026-01-15", "quota"); // true
 * isPeriodLocked([{ from: "2026-01-01", to: "2026-01-31", book: "plan" }], "2026-01-15", "quota"); // false
 * ```
 */
export function isPeriodLocked(locks: readonly PeriodLock[], date: string, book: string): boolean {
  for (const lock of locks) {
    if ((lock.book === undefined || lock.book === book) && date >= lock.from && date <= lock.to) return true;
  }
  return false;
}
