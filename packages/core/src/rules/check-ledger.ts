/**
 * The ledger's own invariants, checked over a store: per book, total debits equal total credits
 * (posted and pending); no limited account is past its limit, pending included.
 */
import { fenToYuanString } from "../money/fen-to-yuan-string";
import type { StoreTx } from "../store/store";
import type { RuleFailure } from "./rule-failure";

/**
 * Checks that every book balances and that no limited account is past its limit.
 *
 * @example
 * ```ts
 * const failures = await checkLedger(store);
 * failures.length; // 0 on a healthy ledger
 * ```
 */
export async function checkLedger(tx: Pick<StoreTx, "accountBalances">): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  const books = new Map<string, { dp: bigint; cp: bigint; dn: bigint; cn: bigint }>();
  for (const { account, balance: b } of await tx.accountBalances()) {
    const t = books.get(account.book) ?? { dp: 0n, cp: 0n, dn: 0n, cn: 0n };
    t.dp += b.debitsPosted;
    t.cp += b.creditsPosted;
    t.dn += b.debitsPending;
    t.cn += b.creditsPending;
    books.set(account.book, t);
    if (account.flags.debitsMustNotExceedCredits && b.debitsPosted + b.debitsPending > b.creditsPosted) {
      failures.push(limitFailure(account.id, b.debitsPosted + b.debitsPending, b.creditsPosted, "debits"));
    }
    if (account.flags.creditsMustNotExceedDebits && b.creditsPosted + b.creditsPending > b.debitsPosted) {
      failures.push(limitFailure(account.id, b.creditsPosted + b.creditsPending, b.debitsPosted, "credits"));
    }
  }
  for (const [book, t] of books) {
    if (t.dp !== t.cp || t.dn !== t.cn) {
      failures.push({
        rule: "ledger.balanced",
        severity: "error",
        message: `book ${book} does not balance: debits ${fenToYuanString(t.dp)} (pending ${fenToYuanString(t.dn)}) vs credits ${fenToYuanString(t.cp)} (pending ${fenToYuanString(t.cn)})`,
        evidence: {
          book,
          debitsPosted: fenToYuanString(t.dp),
          creditsPosted: fenToYuanString(t.cp),
          debitsPending: fenToYuanString(t.dn),
          creditsPending: fenToYuanString(t.cn),
        },
      });
    }
  }
  return failures;
}

function limitFailure(accountId: string, used: bigint, limit: bigint, side: string): RuleFailure {
  return {
    rule: "ledger.limit",
    severity: "error",
    message: `account ${accountId} is past its limit: ${side} ${fenToYuanString(used)} > ${fenToYuanString(limit)}`,
    evidence: { accountId, used: fenToYuanString(used), limit: fenToYuanString(limit), over: fenToYuanString(used - limit) },
  };
}
