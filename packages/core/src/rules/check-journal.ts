/**
 * The accounts' balances against what they are made of. A store keeps each account's balance and
 * its balance per month beside the transfers, for speed; a file changed behind the store's back
 * (a transfer's amount edited, a transfer deleted, a month's figures moved to another month)
 * leaves books that still balance and limits that still hold, so `checkLedger` alone passes it.
 * Here:
 * - each account's posted debits and credits must equal the sums of the posted transfers (`posted`
 *   and `post`) that debit and credit it;
 * - each account's posted debits and credits in each month, as the store keeps them, must equal
 *   the sums of the posted transfers dated in that month. The transfers come from one grouped
 *   query over every transfer (`transferFlows` by month); the store's months from its balances as
 *   of the end of each month of the years the transfers are dated in (each month is the
 *   difference of two month ends), so figures moved to a month no transfer is dated in are found
 *   too, named by month within those years and as "before"/"after" them outside;
 * - each account's balance as of the far future, which a store adds up from its months, must equal
 *   its current balance.
 * Pending balances are not rebuilt: a partial `post` releases its pending transfer's whole amount,
 * which the grouped sums do not carry.
 */
import { parsePeriod } from "../calendar/period";
import { fenToYuanString } from "../money/fen-to-yuan-string";
import type { Balance } from "../ledger/account";
import type { AccountBalance, StoreTx, TransferFlow } from "../store/store";
import type { RuleFailure } from "./rule-failure";

/** A date after any transfer: a balance as of it is the sum of every month. */
const END_OF_TIME = "9999-12-31";

/** Posted debits and credits, in fen. */
interface Sides {
  debits: bigint;
  credits: bigint;
}

/**
 * Checks every account's posted balance against its transfers, each of its months against the
 * transfers dated in that month, and its months against its balance. `byMonth`: every transfer's
 * flows summed by month already (`transferFlows({ byMonth: true, … })`, other phases and marks
 * allowed), when a caller reads them once for several rules; without it, one scan of its own.
 *
 * @example
 * ```ts
 * const failures = await checkJournal(store);
 * failures.length; // 0 unless the file was changed outside the store
 * failures[0]?.message; // "account quota-spent:Q1: 2026-01 posted debits 0.00 in its months, 1000.00 in its transfers"
 * ```
 */
export async function checkJournal(tx: Pick<StoreTx, "accountBalances" | "transferFlows">, byMonth?: readonly TransferFlow[]): Promise<RuleFailure[]> {
  // Flows a caller already summed by month (of more phases, or marked) serve as well as a scan of its own.
  const flows = byMonth === undefined
    ? await tx.transferFlows({ phases: ["posted", "post"], byMonth: true })
    : byMonth.filter((f) => f.phase === "posted" || f.phase === "post");
  const current = await tx.accountBalances();
  const byMonths = await tx.accountBalances({ asOf: END_OF_TIME });
  return [...checkTotals(flows, current), ...(await checkMonths(tx, flows, current, byMonths)), ...checkMonthsAddUp(current, byMonths)];
}

/** Each account's posted balance against the sums of all its transfers; transfers of unknown accounts. */
function checkTotals(flows: readonly TransferFlow[], current: readonly AccountBalance[]): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const summed = new Map<string, Sides>();
  for (const flow of flows) {
    sidesOf(summed, flow.debitAccountId).debits += flow.amount;
    sidesOf(summed, flow.creditAccountId).credits += flow.amount;
  }
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
  return failures;
}

/**
 * Each account's posted debits and credits per month, as the store keeps them, against the
 * transfers dated in the month. The months are every month of the years the transfers are dated
 * in, plus one span before them and one after them.
 */
async function checkMonths(tx: Pick<StoreTx, "accountBalances">, flows: readonly TransferFlow[], current: readonly AccountBalance[], byMonths: readonly AccountBalance[]): Promise<RuleFailure[]> {
  const months = monthsOfYears(flows);
  if (months.length === 0) return [];
  const first = months[0]!;
  const last = months.at(-1)!;
  const label = (month: string): string => (month < first ? `before ${first}` : month > last ? `after ${last}` : month);
  const inTransfers = new Map<string, Map<string, Sides>>();
  for (const flow of flows) {
    const byAccount = inTransfers.get(label(flow.month ?? "")) ?? new Map<string, Sides>();
    inTransfers.set(label(flow.month ?? ""), byAccount);
    sidesOf(byAccount, flow.debitAccountId).debits += flow.amount;
    sidesOf(byAccount, flow.creditAccountId).credits += flow.amount;
  }
  // The month ends, from the end of the month before the first to the far future.
  const ends = [{ label: `before ${first}`, asOf: `${String(Number(first.slice(0, 4)) - 1).padStart(4, "0")}-12-31` }, ...months.map((m) => ({ label: m, asOf: monthEnd(m) }))];
  const readings: (readonly AccountBalance[])[] = [];
  for (const end of ends) readings.push(await tx.accountBalances({ asOf: end.asOf }));
  readings.push(byMonths);
  const labels = [...ends.map((e) => e.label), `after ${last}`];
  const failures: RuleFailure[] = [];
  let before = new Map<string, Balance>();
  labels.forEach((month, i) => {
    const now = new Map(readings[i]!.map((b) => [b.account.id, b.balance]));
    for (const { account } of current) {
      const upTo = now.get(account.id);
      const prior = before.get(account.id);
      const kept: Sides = {
        debits: (upTo?.debitsPosted ?? 0n) - (prior?.debitsPosted ?? 0n),
        credits: (upTo?.creditsPosted ?? 0n) - (prior?.creditsPosted ?? 0n),
      };
      const moved = inTransfers.get(month)?.get(account.id) ?? { debits: 0n, credits: 0n };
      const failure = monthFailure(account.id, month, kept, moved);
      if (failure !== undefined) failures.push(failure);
    }
    before = now;
  });
  return failures;
}

/** The finding for one account and month whose figures differ from its transfers', if they do. */
function monthFailure(accountId: string, month: string, kept: Sides, moved: Sides): RuleFailure | undefined {
  if (kept.debits === moved.debits && kept.credits === moved.credits) return undefined;
  const yuan = fenToYuanString;
  const said = kept.debits !== moved.debits && kept.credits !== moved.credits
    ? `posted debits ${yuan(kept.debits)} and credits ${yuan(kept.credits)} in its months, ${yuan(moved.debits)} and ${yuan(moved.credits)} in its transfers`
    : kept.debits !== moved.debits
      ? `posted debits ${yuan(kept.debits)} in its months, ${yuan(moved.debits)} in its transfers`
      : `posted credits ${yuan(kept.credits)} in its months, ${yuan(moved.credits)} in its transfers`;
  return {
    rule: "ledger.journal",
    severity: "error",
    message: `account ${accountId}: ${month} ${said}`,
    evidence: {
      accountId,
      month,
      monthDebitsPosted: yuan(kept.debits),
      monthCreditsPosted: yuan(kept.credits),
      transferDebits: yuan(moved.debits),
      transferCredits: yuan(moved.credits),
    },
  };
}

/** Each account's months, added up, against its current balance (pending included). */
function checkMonthsAddUp(current: readonly AccountBalance[], byMonths: readonly AccountBalance[]): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const months = new Map(byMonths.map((b) => [b.account.id, b.balance]));
  for (const { account, balance } of current) {
    const sum = months.get(account.id);
    if (sum === undefined || sameBalance(sum, balance)) continue;
    failures.push({
      rule: "ledger.journal",
      severity: "error",
      message: `account ${account.id}: its months add up to other figures than its balance (posted debits ${fenToYuanString(sum.debitsPosted)} against ${fenToYuanString(balance.debitsPosted)})`,
      evidence: {
        accountId: account.id,
        monthsDebitsPosted: fenToYuanString(sum.debitsPosted),
        monthsCreditsPosted: fenToYuanString(sum.creditsPosted),
        debitsPosted: fenToYuanString(balance.debitsPosted),
        creditsPosted: fenToYuanString(balance.creditsPosted),
      },
    });
  }
  return failures;
}

/** Every month (`YYYY-MM`) of the calendar years the flows are dated in, in order. */
function monthsOfYears(flows: readonly TransferFlow[]): string[] {
  const years = flows.map((f) => Number(f.month?.slice(0, 4))).filter((y) => Number.isInteger(y) && y >= 1 && y <= 9999);
  if (years.length === 0) return [];
  const months: string[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    for (let m = 1; m <= 12; m++) months.push(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`);
  }
  return months;
}

/** The last day of a month: `2026-02` → `2026-02-28`. */
function monthEnd(month: string): string {
  return parsePeriod(month).to;
}

function sidesOf(map: Map<string, Sides>, id: string): Sides {
  let s = map.get(id);
  if (s === undefined) map.set(id, (s = { debits: 0n, credits: 0n }));
  return s;
}

function sameBalance(a: Balance, b: Balance): boolean {
  return a.debitsPosted === b.debitsPosted && a.creditsPosted === b.creditsPosted && a.debitsPending === b.debitsPending && a.creditsPending === b.creditsPending;
}
