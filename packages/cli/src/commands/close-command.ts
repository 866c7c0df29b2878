/**
 * `jincai close [period]`: closes a period of the ledger (月结, 季结, 年结). Every transfer dated
 * in a closed period is refused from then on, so a later import rejects a payment, refund or
 * quota dated there (`TREASURY_PERIOD_CLOSED` at its date column) and the books of that period
 * stay as they were reported. Without a period it lists the closed periods. Closing is
 * permanent in the CLI: reopening a closed month is an administrative act it does not offer.
 * Each close is recorded in the audit chain (core's `closePeriod`), so `jincai audit verify`
 * finds a lock deleted (or added) behind the store's back.
 */
import { JincaiError, addCalendarDays, closePeriod, firstOpenDay, systemClock } from "@jincai/core";
import type { PeriodLock } from "@jincai/core";
import type { Command } from "commander";
import { cliActor } from "../cli-actor";
import type { CliContext } from "../cli-context";
import { EXIT } from "../exit-codes";
import { periodArgument } from "../period-argument";
import { withStore } from "../with-store";

interface CloseOptions {
  book?: string;
  json?: boolean;
}

/**
 * Registers `jincai close` on the program.
 *
 * @example
 * ```ts
 * registerClose(program, context);
 * ```
 */
export function registerClose(program: Command, ctx: CliContext): void {
  program
    .command("close")
    .description("close a period (月结): later transfers dated in it are rejected; without a period, list the closed periods")
    .argument("[period]", "a month, quarter, half or whole year, or a range: 2026-03, 2026-Q1, 2026-H1, 2026, 2026年3月, 2026-01..2026-03")
    .option("--book <book>", "close only this book's accounts (e.g. quota); default every book")
    .option("--json", "print the closed periods as JSON")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai close 2026-03\n  $ jincai close 2026-01..2026-06\n  $ jincai close            # list the closed periods\n\nClosing is permanent: a payment or refund dated in a closed period is rejected by later\nimports (TREASURY_PERIOD_CLOSED), and a payment imported before stays a duplicate.`,
    )
    .action(async (period: string | undefined, opts: CloseOptions) => {
      const range = period === undefined ? undefined : periodArgument(period, "period");
      const { locks, closed } = await withStore(ctx, async (store, config) => {
        if (range === undefined) return { locks: await store.periodLocks(), closed: undefined };
        const year = config.fiscalYear;
        if (range.from < `${year}-01-01` || range.to > `${year}-12-31`) {
          // Closing is permanent: a period of another year is most often a typo (2031-05 for 2026-05).
          throw new JincaiError("CLI_USAGE", `period ${period}: ${range.from}..${range.to} is not within fiscal year ${year} of these settings, and closing cannot be undone`);
        }
        if (opts.book !== undefined && (await store.accountBalances({ book: opts.book })).length === 0) {
          const books = [...new Set((await store.accountBalances()).map((a) => a.account.book))].sort();
          throw new JincaiError("CLI_USAGE", `--book: no account is in book "${opts.book}" (books: ${books.join(", ") || "none yet"})`);
        }
        const lock: PeriodLock = opts.book === undefined ? range : { ...range, book: opts.book };
        const already = (await store.periodLocks()).some((l) => covers(l, lock));
        if (!already) {
          // The lock and its period.close event commit together: audit verify compares the two.
          await store.transaction((tx) => closePeriod(tx, lock, { actor: cliActor(), clock: systemClock() }));
        }
        return { locks: await store.periodLocks(), closed: { lock, already } };
      });
      if (opts.json) {
        ctx.out(JSON.stringify({ ...(closed ? { closed: closed.lock, alreadyClosed: closed.already } : {}), locks }));
      } else {
        if (closed) {
          ctx.out(`${describe(closed.lock)}: ${closed.already ? "already closed, nothing changed" : "closed"}`);
          const open = openBefore(closed.lock, locks);
          if (open !== undefined) ctx.out(`note: ${open} is still open, before the period just closed`);
        }
        else if (locks.length === 0) ctx.out("no closed periods");
        else for (const l of locks) ctx.out(describe(l));
      }
      ctx.exitCode = EXIT.ok;
    });
}

/** The month of the first day of the lock's year before it that no lock of its book (or of every book) closes. */
function openBefore(lock: PeriodLock, locks: readonly PeriodLock[]): string | undefined {
  return firstOpenDay(locks, `${lock.from.slice(0, 4)}-01-01`, addCalendarDays(lock.from, -1), lock.book)?.slice(0, 7);
}

/** Whether lock `a` already closes everything `b` would. */
function covers(a: PeriodLock, b: PeriodLock): boolean {
  return (a.book === undefined || a.book === b.book) && a.from <= b.from && a.to >= b.to;
}

function describe(lock: PeriodLock): string {
  return `${lock.from}..${lock.to} ${lock.book === undefined ? "(every book)" : `(book ${lock.book})`}`;
}
