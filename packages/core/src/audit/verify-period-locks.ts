/**
 * The closed periods of the audit chain against the store's period locks. A lock is a row: one
 * deleted behind the store's back reopens its month (a payment dated there imports again, and
 * every balance still adds up), one added closes a month nobody closed. Each `period.close` event
 * (see `closePeriod`) names the lock it added; here every such lock must still be covered by the
 * store's locks (of its book or of every book, several together if need be), and every lock of
 * the store must be one a `period.close` event names.
 */
import { firstOpenDay } from "../ledger/period-lock";
import type { PeriodLock } from "../ledger/period-lock";
import type { StoreTx } from "../store/store";
import { utf8 } from "./_bytes";
import type { AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { PERIOD_CLOSE_ACTION, periodCloseOf } from "./close-period";

/**
 * What {@link verifyPeriodLocks} can find wrong.
 *
 * @example
 * ```ts
 * const { problems } = await verifyPeriodLocks(store);
 * const reopened = problems.filter((p) => p.code === ("AUDIT_LOCK_MISSING" satisfies PeriodLockProblemCode));
 * ```
 */
export type PeriodLockProblemCode = "AUDIT_LOCK_MISSING" | "AUDIT_LOCK_UNRECORDED";

/**
 * One finding of {@link verifyPeriodLocks}.
 *
 * @example
 * ```ts
 * const [problem]: readonly PeriodLockProblem[] = (await verifyPeriodLocks(store)).problems;
 * // { code: "AUDIT_LOCK_MISSING", sequence: 7, lock: { from: "2026-01-01", to: "2026-01-31" }, message: "…" }
 * ```
 */
export interface PeriodLockProblem {
  /** `AUDIT_LOCK_MISSING`: a closed period is open again; `AUDIT_LOCK_UNRECORDED`: a lock no event closed. */
  readonly code: PeriodLockProblemCode;
  /** The `period.close` event of a missing lock; absent for an unrecorded one, which has none. */
  readonly sequence?: number;
  /** The lock: as the event names it (missing) or as the store holds it (unrecorded). */
  readonly lock: PeriodLock;
  /** A readable explanation. */
  readonly message: string;
}

/**
 * The outcome of {@link verifyPeriodLocks}.
 *
 * @example
 * ```ts
 * const report: PeriodLockReport = await verifyPeriodLocks(store);
 * // { closes: 3, locks: 3, problems: [] }: every closed month is still locked
 * ```
 */
export interface PeriodLockReport {
  /** How many `period.close` events the chain holds. */
  readonly closes: number;
  /** How many period locks the store holds. */
  readonly locks: number;
  /** Missing locks in chain order, then unrecorded locks in the store's order. */
  readonly problems: readonly PeriodLockProblem[];
}

/** A `period.close` event's lock; `bookUnknown` when the event names a book it does not spell out. */
interface Close {
  readonly sequence: number;
  readonly lock: PeriodLock;
  readonly bookUnknown: boolean;
}

/**
 * Compares the periods the audit chain closed with the store's period locks; reports, never throws.
 *
 * @example
 * ```ts
 * const report = await verifyPeriodLocks(store);
 * report.problems[0]; // { code: "AUDIT_LOCK_MISSING", sequence: 7, lock: { from: "2026-01-01", to: "2026-01-31" }, message: "…" }
 * ```
 */
export async function verifyPeriodLocks(
  store: Pick<StoreTx, "auditEvents" | "periodLocks">,
  options: { readonly hasher?: AuditHasher } = {},
): Promise<PeriodLockReport> {
  const hasher = options.hasher ?? sha256Hasher;
  const locks = await store.periodLocks();
  const books = [...new Set(locks.flatMap((l) => (l.book === undefined ? [] : [l.book])))];
  const closes: Close[] = [];
  for await (const event of store.auditEvents()) {
    if (event.action !== PERIOD_CLOSE_ACTION) continue;
    const named = periodCloseOf(event);
    if (named !== undefined) closes.push(await closeOf(event, named, books, hasher));
  }
  const problems: PeriodLockProblem[] = [];
  for (const close of closes) {
    const open = firstOpenDay(locks, close.lock.from, close.lock.to, close.lock.book);
    if (open === undefined) continue;
    const of = close.bookUnknown ? "(of a book the event does not name)" : ofBook(close.lock);
    problems.push({
      code: "AUDIT_LOCK_MISSING",
      sequence: close.sequence,
      lock: close.lock,
      message: `the period ${close.lock.from}..${close.lock.to} ${of} closed at event ${close.sequence} is open again: no period lock covers ${open} (a lock was deleted behind the store's back)`,
    });
  }
  for (const lock of locks) {
    if (closes.some((c) => !c.bookUnknown && sameLock(c.lock, lock))) continue;
    problems.push({
      code: "AUDIT_LOCK_UNRECORDED",
      lock,
      message: `the period lock ${lock.from}..${lock.to} ${ofBook(lock)} has no ${PERIOD_CLOSE_ACTION} event in the audit chain (it was added behind the store's back, or without closePeriod)`,
    });
  }
  return { closes: closes.length, locks: locks.length, problems };
}

/**
 * The lock a `period.close` event recorded. Its change is the lock, so the event's digest
 * confirms the reading: an event whose subject names no book but whose digest is not that of an
 * every-book lock was written before subjects named the book, and the book is found among the
 * store's (the only books a lock still covering it can have).
 */
async function closeOf(event: AuditEvent, named: PeriodLock, books: readonly string[], hasher: AuditHasher): Promise<Close> {
  const digest = async (lock: PeriodLock): Promise<string> => hasher.hash(utf8(canonicalJson(lock)));
  if (named.book !== undefined || (await digest(named)) === event.digest) return { sequence: event.sequence, lock: named, bookUnknown: false };
  for (const book of books) {
    const lock = { ...named, book };
    if ((await digest(lock)) === event.digest) return { sequence: event.sequence, lock, bookUnknown: false };
  }
  return { sequence: event.sequence, lock: named, bookUnknown: true };
}

function sameLock(a: PeriodLock, b: PeriodLock): boolean {
  return a.from === b.from && a.to === b.to && a.book === b.book;
}

function ofBook(lock: PeriodLock): string {
  return lock.book === undefined ? "(every book)" : `(book ${lock.book})`;
}
