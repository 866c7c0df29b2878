/**
 * A quota line's consumption (执行) and frozen amounts are what payments and freezes put on its
 * `quota-spent` and `quota-frozen` accounts, less what refunds and releases took back. Neither can
 * fall below zero: a refund restoring more than was paid (`restoreConsumption` is a planner; its
 * caller keeps count) would give the line more room than it was issued, with every limit still
 * holding, and summaries would show a negative execution rate. Rule `quota.figures`.
 */
import { formatFen } from "@jincai/core";
import type { RuleFailure, StoreTx } from "@jincai/core";
import { QUOTA_BOOK } from "./quota-account-ids";

const SIDES: readonly [prefix: string, what: string][] = [
  ["quota-spent:", "consumed"],
  ["quota-frozen:", "frozen"],
];

/**
 * Checks that no quota line has consumed, reserved or frozen less than zero.
 *
 * @example
 * ```ts
 * const failures = await checkQuotaFigures(store);
 * failures[0]?.message; // "quota Q1: consumed -400.00, below zero (more was given back than was taken)"
 * ```
 */
export async function checkQuotaFigures(tx: Pick<StoreTx, "accountBalances">): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  for (const { account, balance } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    const side = SIDES.find(([prefix]) => account.id.startsWith(prefix));
    if (side === undefined) continue;
    const quotaId = account.id.slice(side[0].length);
    const posted = balance.creditsPosted - balance.debitsPosted;
    const pending = balance.creditsPending - balance.debitsPending;
    if (posted < 0n) failures.push(fail(quotaId, `quota ${quotaId}: ${side[1]} ${formatFen(posted)}, below zero (more was given back than was taken)`, account.id, side[1], posted));
    if (pending < 0n) failures.push(fail(quotaId, `quota ${quotaId}: ${side[1]} pending ${formatFen(pending)}, below zero`, account.id, `${side[1]} pending`, pending));
  }
  return failures;
}

function fail(quotaId: string, message: string, accountId: string, figure: string, amount: bigint): RuleFailure {
  return { rule: "quota.figures", severity: "error", message, evidence: { quotaId, accountId, figure, amount: amount.toString() } };
}
