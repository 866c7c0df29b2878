/**
 * Period locks in SQL: validated by core's `assertPeriodLock`, kept in insertion order. Adding a
 * lock and writing transfers are serialised by an advisory lock: `lockPeriod` takes it
 * exclusively, transfer batches take it shared before they read the locks, and both hold it
 * until commit. So a batch never writes into a period locked by a transaction that committed
 * before it, and batches do not wait for one another here.
 */
import { assertPeriodLock } from "@jincai/core";
import type { PeriodLock } from "@jincai/core";
import { LOCK_CLASS } from "./migrations";
import { exec, sql, type Queryable } from "./sql-client";

interface LockRow {
  date_from: string | null;
  date_to: string | null;
  book: string | null;
}

function lockOf(r: LockRow): PeriodLock {
  const from = r.date_from ?? "";
  const to = r.date_to ?? "";
  return r.book === null ? { from, to } : { from, to, book: r.book };
}

/** Adds a lock after validating it (`PERIOD_LOCK_INVALID`); must run inside a transaction. */
export async function lockPeriod(db: Queryable, s: string, schemaName: string, lock: PeriodLock): Promise<void> {
  assertPeriodLock(lock);
  await exec(db, "SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_CLASS.periods, schemaName]);
  await exec(db, `INSERT INTO ${s}.period_locks (date_from, date_to, book) VALUES ($1, $2, $3)`, [
    lock.from,
    lock.to,
    lock.book ?? null,
  ]);
}

/** Every lock, oldest first. */
export async function periodLocks(db: Queryable, s: string): Promise<PeriodLock[]> {
  const rows = await sql<LockRow>(db, `SELECT date_from, date_to, book FROM ${s}.period_locks ORDER BY id`);
  return rows.map(lockOf);
}

/** Every lock, read after taking the shared advisory lock (held to commit); for transfer batches. */
export async function periodLocksForWriting(db: Queryable, s: string, schemaName: string): Promise<PeriodLock[]> {
  const rows = await sql<LockRow & { id: bigint | null }>(
    db,
    `WITH shared AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared($1, hashtext($2)))
     SELECT p.id, p.date_from, p.date_to, p.book FROM shared LEFT JOIN ${s}.period_locks p ON true ORDER BY p.id`,
    [LOCK_CLASS.periods, schemaName],
  );
  return rows.filter((r) => r.id !== null).map(lockOf);
}
