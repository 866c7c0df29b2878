/**
 * The line an amount moves out of, for a 调剂 or a 收回: the quota must be loaded, of the fiscal
 * year asked for, and have the amount available. Checked before anything is written, so a
 * refused move leaves nothing behind; the ledger's limit on the line stays the authority.
 */
import { JincaiError, available, formatFen } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { quotaAccountIds } from "./quota-account-ids";
import type { QuotaDocument } from "./quota-record";

/** What a move out of a quota line is, for the checks and their errors. */
export interface QuotaMove {
  /** The quota the amount leaves. */
  readonly quotaId: string;
  /** Fen moved. */
  readonly amount: bigint;
  /** The fiscal year the quota must be of. */
  readonly fiscalYear: number;
  /** The date of the move: not before the quota was issued. */
  readonly date: string;
  /** What moves it, for messages (e.g. `quota Q-2026-101`, `adjustment TZ-01`). */
  readonly by: string;
  /** The field naming the quota, reported in `details.field` (e.g. `originQuotaId`). */
  readonly field: string;
  /** Details every error carries (e.g. `{ quotaId: "Q-2026-101" }`). */
  readonly details: Readonly<Record<string, unknown>>;
  /** The fund type (资金性质) of the line receiving the amount, when one does (not a 收回). */
  readonly fundType?: string;
}

/**
 * The line account of `move.quotaId` after checking the move; `quota` is its document as the
 * caller read it (`undefined`: not loaded). Internal.
 *
 * @throws {JincaiError} BUDGET_QUOTA_NOT_FOUND; BUDGET_INVALID_QUOTA (another fiscal year);
 *   BUDGET_NOT_YET_ISSUED (moved before the quota was issued; `field: "date"`);
 *   BUDGET_EXCEEDS_QUOTA with `available`, `requested` and `field: "amount"`
 * @example
 * ```ts
 * await quotaMoveSource(tx, { quotaId: "Q-2026-001", amount: 100n, fiscalYear: 2026, date: "2026-07-01", by: "quota Q-2026-101", field: "originQuotaId", details: {} }, origin?.data);
 * // "quota:Q-2026-001"
 * ```
 */
export async function quotaMoveSource(tx: StoreTx, move: QuotaMove, quota: QuotaDocument | undefined): Promise<string> {
  const { quotaId, by, field } = move;
  const details = { ...move.details, [field]: quotaId, field };
  if (quota === undefined) {
    throw new JincaiError(BudgetErrorCode.QUOTA_NOT_FOUND, `${by}: its origin quota ${quotaId} does not exist`, { details });
  }
  if (quota.fiscalYear !== move.fiscalYear) {
    throw new JincaiError(BudgetErrorCode.INVALID_QUOTA, `${by}: its origin quota ${quotaId} is of fiscal year ${quota.fiscalYear}, not ${move.fiscalYear}`, { details });
  }
  if (move.fundType !== undefined && move.fundType !== quota.fundType) {
    // General-budget (一般公共预算) and government-fund (政府性基金预算) money are budgeted and
    // accounted apart (《预算法》§5, §9); a 调剂 does not turn one into the other.
    throw new JincaiError(
      BudgetErrorCode.INVALID_QUOTA,
      `${by}: moves fund type ${quota.fundType} of quota ${quotaId} into fund type ${move.fundType}: a 调剂 stays within one 资金性质`,
      { details: { ...details, fundType: move.fundType, originFundType: quota.fundType } },
    );
  }
  if (move.date < quota.date) {
    throw new JincaiError(BudgetErrorCode.NOT_YET_ISSUED, `${by}: dated ${move.date}, before its origin quota ${quotaId} was issued on ${quota.date}`, {
      details: { ...details, field: "date", date: move.date, issuedOn: quota.date },
    });
  }
  const account = quotaAccountIds(quotaId).line;
  const [balance] = await tx.accountBalances({ accountIds: [account] });
  const left = balance === undefined ? 0n : available(balance.balance);
  if (left < move.amount) {
    throw new JincaiError(
      BudgetErrorCode.EXCEEDS_QUOTA,
      `${by}: moving ${formatFen(move.amount)} from quota ${quotaId} exceeds the ${formatFen(left)} available there`,
      { details: { ...details, available: left.toString(), requested: move.amount.toString(), field: "amount" } },
    );
  }
  return account;
}
