/**
 * A small chart of accounts for the conformance suite: quota lines of two agencies (limited:
 * debits must not exceed credits), their paid accounts, a quota source, a plan-book pair and a
 * capped account with the mirror flag. `seedLedger` creates it and funds the quota lines.
 */
import type { AccountInput } from "../ledger/account";
import type { TransferInput } from "../ledger/transfer";
import type { Store } from "../store/store";

/**
 * Account ids of the fixture chart.
 *
 * @example
 * ```ts
 * await store.closeAccount(ACCOUNTS.paid1);
 * ```
 */
export const ACCOUNTS = {
  /** 指标来源: debited when quota is granted. */
  source: "quota-source",
  /** Quota line of agency 101001, function 2010101 (行政运行), economic 30201 (办公费). */
  q1: "quota-101001-2010101-30201",
  /** Quota line of agency 101001, function 2010102, economic 30202. */
  q2: "quota-101001-2010102-30202",
  /** Quota line of agency 102001, function 2050101, economic 30201. */
  q3: "quota-102001-2050101-30201",
  /** Paid (支出) account of agency 101001. */
  paid1: "paid-101001",
  /** Paid (支出) account of agency 102001. */
  paid2: "paid-102001",
  /** Plan-book account (用款计划) of agency 101001, for `book_mismatch`. */
  plan1: "plan-101001",
  /** Plan-book source account. */
  planSource: "plan-source",
  /** Credits must not exceed debits. */
  cap: "cap-101001",
} as const;

const dims = (agency: string, functionCode?: string, economicCode?: string): Record<string, string> => ({
  fiscalYear: "2026",
  agency,
  ...(functionCode === undefined ? {} : { functionCode }),
  ...(economicCode === undefined ? {} : { economicCode }),
});
const limited = { debitsMustNotExceedCredits: true } as const;

/**
 * The fixture chart (see {@link ACCOUNTS}).
 *
 * @example
 * ```ts
 * await store.createAccounts(CHART);
 * ```
 */
export const CHART: readonly AccountInput[] = [
  { id: ACCOUNTS.source, book: "quota", code: "1001", normalSide: "debit", dimensions: { fiscalYear: "2026" } },
  { id: ACCOUNTS.q1, book: "quota", code: "2001", normalSide: "credit", flags: limited, dimensions: dims("101001", "2010101", "30201") },
  { id: ACCOUNTS.q2, book: "quota", code: "2001", normalSide: "credit", flags: limited, dimensions: dims("101001", "2010102", "30202") },
  { id: ACCOUNTS.q3, book: "quota", code: "2001", normalSide: "credit", flags: limited, dimensions: dims("102001", "2050101", "30201") },
  { id: ACCOUNTS.paid1, book: "quota", code: "3001", normalSide: "debit", dimensions: dims("101001") },
  { id: ACCOUNTS.paid2, book: "quota", code: "3001", normalSide: "debit", dimensions: dims("102001") },
  { id: ACCOUNTS.plan1, book: "plan", code: "4001", normalSide: "credit", dimensions: dims("101001") },
  { id: ACCOUNTS.planSource, book: "plan", code: "4000", normalSide: "debit", dimensions: { fiscalYear: "2026" } },
  { id: ACCOUNTS.cap, book: "quota", code: "5001", normalSide: "debit", flags: { creditsMustNotExceedDebits: true }, dimensions: dims("101001") },
];

/**
 * Funding of the quota lines on 2026-01-05: q1 10,000.00, q2 5,000.00, q3 3,000.00 yuan.
 *
 * @example
 * ```ts
 * await store.createTransfers(FUNDING);
 * ```
 */
export const FUNDING: readonly TransferInput[] = [
  grant("fund-q1", ACCOUNTS.q1, 1_000_000n),
  grant("fund-q2", ACCOUNTS.q2, 500_000n),
  grant("fund-q3", ACCOUNTS.q3, 300_000n),
];

/**
 * The default date of test transfers.
 *
 * @example
 * ```ts
 * pay("pay-1", 100n).date === DAY; // true
 * ```
 */
export const DAY = "2026-03-10";

/**
 * Creates the chart and funds the quota lines; throws if the store refuses.
 *
 * @example
 * ```ts
 * await seedLedger(store);
 * ```
 */
export async function seedLedger(store: Store): Promise<void> {
  const accounts = await store.createAccounts(CHART);
  if (accounts.some((r) => r.status !== "ok")) throw new Error(`seed accounts: ${JSON.stringify(accounts)}`);
  const funded = await store.createTransfers(FUNDING);
  if (!funded.applied) throw new Error(`seed funding: ${JSON.stringify(funded.results)}`);
}

/**
 * A quota grant: debit the source, credit a quota line.
 *
 * @example
 * ```ts
 * grant("fund-q1", ACCOUNTS.q1, 1_000_000n);
 * ```
 */
export function grant(id: string, quota: string, amount: bigint): TransferInput {
  return { id, debitAccountId: ACCOUNTS.source, creditAccountId: quota, amount, date: "2026-01-05" };
}

/**
 * A payment from a quota line to a paid account (posted unless `extra.phase` says otherwise).
 *
 * @example
 * ```ts
 * pay("pay-1", 20_000n); // debit q1, credit paid1, 200.00 yuan on 2026-03-10
 * ```
 */
export function pay(id: string, amount: bigint, extra: Partial<TransferInput> = {}): TransferInput {
  return { id, debitAccountId: ACCOUNTS.q1, creditAccountId: ACCOUNTS.paid1, amount, date: DAY, ...extra };
}
