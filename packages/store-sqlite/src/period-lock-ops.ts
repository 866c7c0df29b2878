/**
 * Period locks in SQLite: one row per lock, read whole (they are few) by each batch.
 */
import { assertPeriodLock } from "@jincai/core";
import type { PeriodLock } from "@jincai/core";
import type { SqliteContext } from "./account-ops";

interface LockRow {
  readonly from_date: string;
  readonly to_date: string;
  readonly book: string | null;
}

/**
 * Adds a period lock after core's validation (`PERIOD_LOCK_INVALID`).
 *
 * @example
 * ```ts
 * lockPeriodSync(ctx, { from: "2026-01-01", to: "2026-01-31", book: "quota" });
 * ```
 */
export function lockPeriodSync(ctx: SqliteContext, lock: PeriodLock): void {
  assertPeriodLock(lock);
  ctx.conn.stmt("INSERT INTO period_locks (from_date, to_date, book) VALUES (?, ?, ?)").run(lock.from, lock.to, lock.book ?? null);
}

/**
 * The period locks, in the order they were added.
 *
 * @example
 * ```ts
 * periodLocksSync(ctx); // [{ from: "2026-01-01", to: "2026-01-31", book: "quota" }]
 * ```
 */
export function periodLocksSync(ctx: SqliteContext): PeriodLock[] {
  const rows = ctx.conn.stmt("SELECT from_date, to_date, book FROM period_locks ORDER BY num").all() as LockRow[];
  return rows.map((r) => (r.book === null ? { from: r.from_date, to: r.to_date } : { from: r.from_date, to: r.to_date, book: r.book }));
}
