/**
 * The injected clock. Domain code never calls `new Date()`: it asks a {@link Clock}, so tests
 * and replays can fix time and an application can supply its own (server time, a fiscal date).
 */
import { JincaiError } from "../errors/jincai-error";

/**
 * A source of the current instant.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => Date.parse("2026-03-01T00:00:00Z") };
 * todayOf(clock); // "2026-03-01"
 * ```
 */
export interface Clock {
  /** The current instant as epoch milliseconds. */
  now(): number;
}

/**
 * The real clock of the machine.
 *
 * @example
 * ```ts
 * const clock = systemClock();
 * clock.now(); // e.g. 1795766400000
 * ```
 */
export function systemClock(): Clock {
  return { now: () => Date.now() };
}

/**
 * A clock fixed at one instant (an ISO date, date-time or epoch ms), that tests may advance.
 *
 * @throws {JincaiError} `CALENDAR_INVALID_DATE` when `at` (or a later `set`) is no date, date-time
 *   or finite number of milliseconds.
 * @example
 * ```ts
 * const clock = fixedClock("2026-03-01");
 * todayOf(clock); // "2026-03-01"
 * clock.advance(86_400_000);
 * todayOf(clock); // "2026-03-02"
 * ```
 */
export function fixedClock(at: string | number): Clock & {
  /** Moves the fixed instant forward by `ms` milliseconds (negative moves it back). */
  advance(ms: number): void;
  /** Jumps the fixed instant to `at` (an ISO date, date-time or epoch ms). */
  set(at: string | number): void;
} {
  let t = toEpoch(at);
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    set: (next: string | number) => {
      t = toEpoch(next);
    },
  };
}

/**
 * The calendar date (UTC+8, China Standard Time) of the clock's current instant, as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * todayOf(fixedClock("2026-12-31T17:00:00Z")); // "2027-01-01" (01:00 in Beijing)
 * ```
 */
export function todayOf(clock: Clock): string {
  return new Date(clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The clock's current instant as an ISO 8601 UTC string.
 *
 * @example
 * ```ts
 * isoNow(fixedClock("2026-03-01")); // "2026-03-01T00:00:00.000Z"
 * ```
 */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function toEpoch(at: string | number): number {
  if (typeof at === "number" && Number.isFinite(at)) return at;
  const ms = typeof at !== "string" ? Number.NaN : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00Z` : at);
  if (typeof at !== "string" || Number.isNaN(ms)) {
    throw new JincaiError("CALENDAR_INVALID_DATE", `a clock needs an ISO date, date-time or epoch milliseconds, not ${typeof at} ${typeof at === "string" ? JSON.stringify(at) : String(at)}`, {
      details: { input: String(at) },
    });
  }
  return ms;
}
