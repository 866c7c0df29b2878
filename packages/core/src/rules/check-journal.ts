/**
 * The accounts' balances against what they are made of. A store keeps each account's balance and
 * its balance per month beside the transfers, for speed; a file changed behind the store's back
 * (a transfer's amount edited, a transfer deleted, a month's figures moved) leaves books that
 * still balance and limits that still hold, so `checkLedger` alone passes it. Here:
 * - each account's posted debits and credits must equal the sums of the posted transfers (`posted`
 *   and `post`) that debit and credit it (one grouped query over every transfer);
 * - each account's balance as of the far future, which a store adds up from its months, must equal
 *   its current balance.
 * Pending balances are not rebuilt: a partial `post` releases its pending transfer's whole amount,
 * which the grouped sums do not carry.
 */
import { fenToYuanString } from "../money/fen-to-yuan-string";
import type { Balance } from "../ledger/account";
import type { StoreTx } from "../store/store";
import type { RuleFailure } from "./rule-failure";

/** A date after any transfer: a balance as of it is the sum of every month. */
const END_OF_TIME = "9999-12-31";

/**
 * Checks every account's posted balance against its transfers, and its months against its balance.
 *
 * @example
 * ```ts
 * const failures = await checkJournal(store);
 * failures.length; // 0 unless the file was changed outside the store
 * ```
 */
export async function checkJournal(tx: Pick<StoreTx, "accountBalances" | "transferFlows">): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  const summed = new Map<string, { debits: bigint; credits: bigint }>();
  const side = (id: string) => {
    let s = summed.get(id);
    if (s === undefined) summed.set(id, (s = { debits: 0n, credits: 0n }));
    return s;
  };
  for (const flow of await tx.transferFlows({ phases: ["posted", "post"] })) {
    side(flow.debitAccountId).debits += flow.amount;
    side(flow.creditAccountId).credits += flow.amount;
  }
  const current = await tx.accountBalances();
  for (const { account, balance } of current) {
    const s = summed.get(account.id) ?? { debits: 0n, credits: 0n };
    summed.delete(account.id);
    if (s.debits === balance.debitsPosted && s.credits === balance.creditsPosted) continue;
    failures.push({
      rule: "ledger.journal",
      severity: "error",
      message: `account ${account.id} says posted debits ${fenToYuanString(balance.debitsPosted)} and credits ${fenToYuanString(balance.creditsPosted)}, but its transfers sum to ${fenToYuanString(s.debits)} and ${fenToYuanString(s.credits)}`,
      evidence: {
        accountId: account.id,
        debitsPosted: fenToYuanString(balance.debitsPosted),
        creditsPosted: fenToYuanString(balance.creditsPosted),
        transferDebits: fenToYuanString(s.debits),
        transferCredits: fenToYuanString(s.credits),
      },
    });
  }
  for (const [accountId, s] of summed) {
    failures.push({
      rule: "ledger.journal",
      severity: "error",
      message: `transfers name account ${accountId}, which does not exist`,
      evidence: { accountId, transferDebits: fenToYuanString(s.debits), transferCredits: fenToYuanString(s.credits) },
    });
  }
  const byMonths = new Map((await tx.accountBalances({ asOf: END_OF_TIME })).map((b) => [b.account.id, b.balance]));
  for (const { account, balance } of current) {
    const months = byMonths.get(account.id);
    if (months === undefined || sameBalance(months, balance)) continue;
    failures.push({
      rule: "ledger.journal",
      severity: "error",
      message: `account ${account.id}: its months add up to other figures than its balance (posted debits ${fenToYuanString(months.debitsPosted)} against ${fenToYuanString(balance.debitsPosted)})`,
      evidence: {
        accountId: account.id,
        monthsDebitsPosted: fenToYuanString(months.debitsPosted),
        monthsCreditsPosted: fenToYuanString(months.creditsPosted),
        debitsPosted: fenToYuanString(balance.debitsPosted),
        creditsPosted: fenToYuanString(balance.creditsPosted),
      },
    });
  }
  return failures;
}

function sameBalance(a: Balance, b: Balance): boolean {
  return a.debitsPosted === b.debitsPosted && a.creditsPosted === b.creditsPosted && a.debitsPending === b.debitsPending && a.creditsPending === b.creditsPending;
}
