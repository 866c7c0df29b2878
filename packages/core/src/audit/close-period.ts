/**
 * Closing a period on the record. A period lock is a row in the store; whoever can write the
 * database can delete it (and post into the reopened month) or add one, and the ledger alone
 * cannot tell. `closePeriod` adds the lock and, in the same transaction, an audit event
 * (`period.close`) that names it, so `verifyPeriodLocks` can later compare the locks the chain
 * closed with the locks the store holds.
 */
import type { PeriodLock } from "../ledger/period-lock";
import type { StoreTx } from "../store/store";
import type { Clock } from "../time/clock";
import { appendAudit } from "./append-audit";
import { requireClock } from "./_require-clock";
import type { AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";

/**
 * The audit action of a period closed by {@link closePeriod}.
 *
 * @example
 * ```ts
 * for await (const event of store.auditEvents()) {
 *   if (event.action === PERIOD_CLOSE_ACTION) console.log(periodCloseOf(event)); // { from: "2026-01-01", to: "2026-01-31" }
 * }
 * ```
 */
export const PERIOD_CLOSE_ACTION = "period.close";

/**
 * Options for {@link closePeriod}.
 *
 * @example
 * ```ts
 * const options: ClosePeriodOptions = { actor: "cli:zhang", clock: systemClock() };
 * await store.transaction((tx) => closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, options));
 * ```
 */
export interface ClosePeriodOptions {
  /** Who closes, as in the audit chain (e.g. `cli:zhang`). */
  readonly actor: string;
  /** Source of the event's time. */
  readonly clock: Clock;
  /** The chain's hash; default SHA-256. */
  readonly hasher?: AuditHasher;
}

/**
 * The subject of a `period.close` event: the closed days, and the book when the lock has one.
 *
 * @example
 * ```ts
 * periodCloseSubject({ from: "2026-01-01", to: "2026-01-31" });                 // "2026-01-01..2026-01-31"
 * periodCloseSubject({ from: "2026-01-01", to: "2026-01-31", book: "quota" }); // "2026-01-01..2026-01-31 book quota"
 * ```
 */
export function periodCloseSubject(lock: PeriodLock): string {
  return lock.book === undefined ? `${lock.from}..${lock.to}` : `${lock.from}..${lock.to} book ${lock.book}`;
}

/**
 * Reads the lock back from a `period.close` event's subject, or undefined when the event is none.
 * Events written before the subject named the book (an earlier `jincai close --book`) read as
 * locks of every book; `verifyPeriodLocks` tells them apart by the event's digest.
 *
 * @example
 * ```ts
 * periodCloseOf({ action: "period.close", subject: "2026-01-01..2026-01-31 book quota" }); // { from: "2026-01-01", to: "2026-01-31", book: "quota" }
 * periodCloseOf({ action: "ledger.seal", subject: "transfers 1..3 (3) sha-256:ab…" });      // undefined
 * ```
 */
export function periodCloseOf(event: Pick<AuditEvent, "action" | "subject">): PeriodLock | undefined {
  if (event.action !== PERIOD_CLOSE_ACTION) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?: book (\S.*))?$/.exec(event.subject);
  if (m === null) return undefined;
  return m[3] === undefined ? { from: m[1]!, to: m[2]! } : { from: m[1]!, to: m[2]!, book: m[3] };
}

/**
 * Closes a period: adds the lock and appends a `period.close` audit event naming it (the lock
 * itself is the event's change), both in `tx`. Call it inside `store.transaction` so the two
 * commit together.
 *
 * @throws {JincaiError} the store's `PERIOD_LOCK_INVALID` for a malformed lock; `appendAudit`'s errors
 *   (`AUDIT_INPUT_INVALID` without the `clock` option, before the lock is added).
 * @example
 * ```ts
 * await store.transaction((tx) => closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, { actor: "cli:zhang", clock }));
 * // → the event { sequence: 9, action: "period.close", subject: "2026-01-01..2026-01-31", … }
 * ```
 */
export async function closePeriod(
  tx: Pick<StoreTx, "lockPeriod" | "lastAuditEvent" | "appendAuditEvent">,
  lock: PeriodLock,
  options: ClosePeriodOptions,
): Promise<AuditEvent> {
  requireClock("closePeriod", options);
  const closed: PeriodLock = lock.book === undefined ? { from: lock.from, to: lock.to } : { from: lock.from, to: lock.to, book: lock.book };
  await tx.lockPeriod(closed);
  return appendAudit(tx, { actor: options.actor, action: PERIOD_CLOSE_ACTION, subject: periodCloseSubject(closed), change: closed }, options);
}
