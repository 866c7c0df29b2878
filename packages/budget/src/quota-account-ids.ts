/**
 * The ledger account ids of the budget package, all in book `quota`. Per quota line: the limited
 * line account, its execution counterpart (指标执行, credited by reservations and consumption)
 * and its frozen holding account (指标冻结). Per fiscal year: the source account (指标来源) that
 * balances the loads. Per control: the limited (or tracking) control account and its counterpart;
 * one source account funds every control's limit.
 */

/**
 * The book every budget account lives in.
 *
 * @example
 * ```ts
 * const lines = await store.accountBalances({ book: QUOTA_BOOK }); // every budget account
 * lines.filter((b) => b.account.id.startsWith("quota:")).length; // the quota lines
 * ```
 */
export const QUOTA_BOOK = "quota";

/**
 * The three accounts of one quota line.
 *
 * @example
 * ```ts
 * const ids: QuotaAccountIds = quotaAccountIds("Q-2026-001");
 * // { line: "quota:Q-2026-001", spent: "quota-spent:Q-2026-001", frozen: "quota-frozen:Q-2026-001" }
 * ```
 */
export interface QuotaAccountIds {
  /** The line itself: credit-normal, `debitsMustNotExceedCredits`. */
  readonly line: string;
  /** 指标执行: credited by every reservation (pending) and consumption (posted). */
  readonly spent: string;
  /** 指标冻结: credited (pending) by freezes. */
  readonly frozen: string;
}

/**
 * The account ids of a quota line.
 *
 * @example
 * ```ts
 * quotaAccountIds("Q-2026-001").line; // "quota:Q-2026-001"
 * ```
 */
export function quotaAccountIds(quotaId: string): QuotaAccountIds {
  return { line: `quota:${quotaId}`, spent: `quota-spent:${quotaId}`, frozen: `quota-frozen:${quotaId}` };
}

/**
 * The id of the 指标来源 account that balances the loads of one fiscal year.
 *
 * @example
 * ```ts
 * quotaSourceAccountId(2026); // "quota-source:2026"
 * ```
 */
export function quotaSourceAccountId(fiscalYear: number): string {
  return `quota-source:${fiscalYear}`;
}

/**
 * The two accounts of one control.
 *
 * @example
 * ```ts
 * const ids: ControlAccountIds = controlAccountIds("101001-302");
 * // { control: "quota-control:101001-302", spent: "quota-control-spent:101001-302" }
 * ```
 */
export interface ControlAccountIds {
  /** The control account: debited alongside every matching reservation. */
  readonly control: string;
  /** Its counterpart, credited by those reservations. */
  readonly spent: string;
}

/**
 * The account ids of a control.
 *
 * @example
 * ```ts
 * controlAccountIds("agency-101-302").control; // "quota-control:agency-101-302"
 * ```
 */
export function controlAccountIds(controlId: string): ControlAccountIds {
  return { control: `quota-control:${controlId}`, spent: `quota-control-spent:${controlId}` };
}

/**
 * The id of the account that funds every control's limit.
 *
 * @example
 * ```ts
 * CONTROL_SOURCE_ACCOUNT_ID; // "quota-control-source"
 * ```
 */
export const CONTROL_SOURCE_ACCOUNT_ID = "quota-control-source";
