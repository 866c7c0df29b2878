/**
 * Execution figures per quota line, from the balances of its three accounts: the line (credited
 * by the load, by 调剂 moved in and by refunds; debited by consumption and by 调剂 moved out), its
 * execution account (reservations pending, consumption posted, refunds debited) and its frozen
 * holding account (freezes pending).
 */
import { ZERO_BALANCE } from "@jincai/core";
import type { Balance, StoreTx } from "@jincai/core";
import { executionRate } from "./execution-rate";
import { QUOTA_BOOK, quotaAccountIds } from "./quota-account-ids";

/**
 * The execution figures of one quota line, in fen.
 *
 * @example
 * ```ts
 * const [q]: QuotaExecution[] = await quotaExecution(store, { quotaIds: ["Q-2026-001"] });
 * // { quotaId: "Q-2026-001", amount: 50000000n, reserved: 1500000n, consumed: 20000000n,
 * //   frozen: 0n, available: 28500000n, executionRate: "0.4000" }
 * ```
 */
export interface QuotaExecution {
  /** The quota id. */
  readonly quotaId: string;
  /** The approved amount after 调剂: loads and amounts moved in, less amounts moved out (refunds are not counted). */
  readonly amount: bigint;
  /** Held by pending reservations (payments submitted, not yet paid). */
  readonly reserved: bigint;
  /** Consumed by posted payments, net of refunds. */
  readonly consumed: bigint;
  /** Held by freezes. */
  readonly frozen: bigint;
  /** amount − reserved − consumed − frozen. */
  readonly available: bigint;
  /** consumed / amount, 4 decimals, half up (e.g. `"0.7500"`). */
  readonly executionRate: string;
}

/**
 * The balances of a quota's three accounts.
 *
 * @example
 * ```ts
 * const b: QuotaBalances = {
 *   line: { debitsPending: 1_500_000n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 50_000_000n },
 *   spent: { debitsPending: 0n, debitsPosted: 0n, creditsPending: 1_500_000n, creditsPosted: 0n },
 *   frozen: { debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n },
 * };
 * executionFromBalances("Q-2026-001", b).reserved; // 1500000n
 * ```
 */
export interface QuotaBalances {
  /** The line account. */
  readonly line: Balance;
  /** The execution account. */
  readonly spent: Balance;
  /** The frozen holding account. */
  readonly frozen: Balance;
}

/**
 * The execution figures from the balances of a quota's accounts. Pure.
 *
 * @example
 * ```ts
 * executionFromBalances("Q1", { line: { creditsPosted: 1000n, debitsPosted: 300n, debitsPending: 200n, creditsPending: 0n },
 *   spent: { creditsPosted: 300n, creditsPending: 100n, debitsPosted: 0n, debitsPending: 0n },
 *   frozen: { creditsPending: 100n, creditsPosted: 0n, debitsPosted: 0n, debitsPending: 0n } });
 * // { amount: 1000n, reserved: 100n, consumed: 300n, frozen: 100n, available: 500n, executionRate: "0.3000" }
 * ```
 */
export function executionFromBalances(quotaId: string, b: QuotaBalances): QuotaExecution {
  const refunds = b.spent.debitsPosted;
  // Every posted debit of the line is consumption (credited to the execution account) or a 调剂
  // moved out to another line.
  const movedOut = b.line.debitsPosted - b.spent.creditsPosted;
  const amount = b.line.creditsPosted - refunds - movedOut;
  const consumed = b.spent.creditsPosted - refunds;
  const reserved = b.spent.creditsPending;
  const frozen = b.frozen.creditsPending;
  return {
    quotaId,
    amount,
    reserved,
    consumed,
    frozen,
    available: amount - reserved - consumed - frozen,
    executionRate: executionRate(consumed, amount),
  };
}

/**
 * Which quotas {@link quotaExecution} reports.
 *
 * @example
 * ```ts
 * const query: QuotaExecutionQuery = { fiscalYear: 2026, asOf: "2026-06-30" };
 * const rows = await quotaExecution(store, query); // every 2026 line, as of the end of June
 * ```
 */
export interface QuotaExecutionQuery {
  /** Only these quota ids. */
  readonly quotaIds?: readonly string[];
  /** Only this fiscal year. */
  readonly fiscalYear?: number;
  /** Figures as of the end of this date. */
  readonly asOf?: string;
}

/**
 * Reads the execution figures of quota lines, sorted by quota id.
 *
 * @example
 * ```ts
 * const [q] = await quotaExecution(store, { quotaIds: ["Q-2026-001"] });
 * q.available; // 30000000n
 * q.executionRate; // "0.4000"
 * ```
 */
export async function quotaExecution(tx: StoreTx, query: QuotaExecutionQuery = {}): Promise<QuotaExecution[]> {
  const rows = await tx.accountBalances({
    book: QUOTA_BOOK,
    ...(query.quotaIds !== undefined ? { accountIds: query.quotaIds.flatMap((q) => Object.values(quotaAccountIds(q))) } : {}),
    ...(query.fiscalYear !== undefined ? { where: { fiscalYear: String(query.fiscalYear) } } : {}),
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
  });
  const byId = new Map<string, Balance>(rows.map((r) => [r.account.id, r.balance]));
  const out: QuotaExecution[] = [];
  for (const r of rows) {
    if (!r.account.id.startsWith("quota:")) continue;
    const quotaId = r.account.id.slice("quota:".length);
    const ids = quotaAccountIds(quotaId);
    out.push(
      executionFromBalances(quotaId, {
        line: r.balance,
        spent: byId.get(ids.spent) ?? ZERO_BALANCE,
        frozen: byId.get(ids.frozen) ?? ZERO_BALANCE,
      }),
    );
  }
  return out.sort((a, b) => (a.quotaId < b.quotaId ? -1 : a.quotaId > b.quotaId ? 1 : 0));
}
