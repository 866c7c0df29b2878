/**
 * Period locks: a closed period rejects postings dated in it with `period_closed`.
 */
import { addCalendarDays } from "../calendar/iso-date";

/**
 * A closed date range, for one book or for every book.
 *
 * @example
 * ```ts
 * const lock: PeriodLock = { from: "2026-01-01", to: "2026-01-31", book: "quota" };
 * await store.lockPeriod(lock);
 * isPeriodLocked([lock], "2026-01-15", "quota"); // true
 * ```
 */
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

/**
 * The first day from `from` to `to` (inclusive) that no lock of `book`, or of every book, covers;
 * undefined when every day is closed. Without a book, only locks of every book count.
 *
 * @example
 * ```ts
 * firstOpenDay([{ from: "2026-01-01", to: "2026-01-31" }], "2026-01-01", "2026-03-31"); // "2026-02-01"
 * firstOpenDay([{ from: "2026-01-01", to: "2026-03-31", book: "quota" }], "2026-01-01", "2026-03-31", "quota"); // undefined
 * ```
 */
export function firstOpenDay(locks: readonly PeriodLock[], from: string, to: string, book?: string): string | undefined {
  const relevant = locks.filter((l) => l.book === undefined || (book !== undefined && l.book === book));
  let day = from;
  while (day <= to) {
    const covering = relevant.filter((l) => l.from <= day && l.to >= day);
    if (covering.length === 0) return day;
    day = addCalendarDays(covering.reduce((end, l) => (l.to > end ? l.to : end), day), 1);
  }
  return undefined;
}
