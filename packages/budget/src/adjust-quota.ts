/**
 * Quota adjustments (指标调整明细, BA_BGT_ADJSUB): an amount moves from one loaded quota line to
 * another (调剂), or back to the year's 指标来源 when no line receives it (收回). Each is one posted
 * ledger transfer `quota-adjust:<id>`, so the move is atomic, refused beyond the origin's
 * availability, and idempotent by adjustment id. A new line that comes from another is loaded
 * with `originQuotaId` instead (see `loadQuota`).
 */
import { JincaiError, MAX_FEN, fenProblem, formatFen, isIsoDate, transferFieldsEqual } from "@jincai/core";
import type { StoreTx, Transfer, TransferInput } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { ledgerFailure } from "./ledger-failure";
import { quotaAccountIds, quotaSourceAccountId } from "./quota-account-ids";
import { quotaMoveSource } from "./quota-move-source";
import { QUOTA_COLLECTION } from "./quota-record";
import type { QuotaDocument } from "./quota-record";

/**
 * One adjustment.
 *
 * @example
 * ```ts
 * const adjustment: QuotaAdjustment = {
 *   id: "TZ-01", batch: "2026-B03", date: "2026-06-01",
 *   fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 10_000_000n,
 * };
 * await adjustQuota(tx, adjustment);
 * ```
 */
export interface QuotaAdjustment {
  /** The adjustment's id (ADJ_SUB_ID): applying the same id twice is a no-op. */
  readonly id: string;
  /** 调整批次 (BAT_NUM), kept in the transfer's references. */
  readonly batch?: string;
  /** The date, `YYYY-MM-DD`. */
  readonly date: string;
  /** 源指标 (ORI_BGT_ID): the line the amount leaves. */
  readonly fromQuotaId: string;
  /** 调入指标 (BGT_ID): the line that receives it; absent for a 收回 to the year's 指标来源. */
  readonly toQuotaId?: string;
  /** Fen moved (ADD_AMOUNT). */
  readonly amount: bigint;
}

/**
 * The outcome of {@link adjustQuota}: `ok` (applied now) or `exists` (applied before, unchanged).
 *
 * @example
 * ```ts
 * const result: AdjustQuotaResult = await adjustQuota(tx, adjustment);
 * // { status: "ok", transferId: "quota-adjust:TZ-01" }; the same id again gives { status: "exists", … }
 * ```
 */
export interface AdjustQuotaResult {
  /** `ok` or `exists`. */
  readonly status: "ok" | "exists";
  /** The id of the adjustment's transfer. */
  readonly transferId: string;
}

/**
 * Applies a quota adjustment through the caller's `tx`.
 *
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT; BUDGET_INVALID_QUOTA (a bad date, the same line on
 *   both sides, lines of different years); BUDGET_QUOTA_NOT_FOUND (`details.field` names the side);
 *   BUDGET_NOT_YET_ISSUED when dated before either line was issued (`field: "date"`);
 *   BUDGET_EXCEEDS_QUOTA with `available` and `requested`; BUDGET_QUOTA_CONFLICT when the id was
 *   applied with other fields (`field` names the first that differs, with `recorded` and `given`;
 *   an adjustment without `batch` does not contradict a recorded one);
 *   BUDGET_OUTSIDE_FISCAL_YEAR when dated after the origin line's fiscal year; BUDGET_PERIOD_CLOSED
 * @example
 * ```ts
 * await adjustQuota(tx, { id: "TZ-01", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 10_000_000n });
 * await adjustQuota(tx, { id: "SH-01", date: "2026-12-20", fromQuotaId: "Q-2026-003", amount: 500_00n }); // 收回
 * // { status: "ok", transferId: "quota-adjust:SH-01" }
 * ```
 */
export async function adjustQuota(tx: StoreTx, adjustment: QuotaAdjustment): Promise<AdjustQuotaResult> {
  const { id, amount, fromQuotaId, toQuotaId } = adjustment;
  const fail = (code: BudgetErrorCode, message: string, field: string): JincaiError =>
    new JincaiError(code, `adjustment ${id}: ${message}`, { details: { adjustmentId: id, field } });
  if (typeof amount !== "bigint" || amount <= 0n) throw fail(BudgetErrorCode.INVALID_AMOUNT, fenProblem(amount), "amount");
  if (amount > MAX_FEN) throw fail(BudgetErrorCode.INVALID_AMOUNT, `amount is more than the ledger holds (${formatFen(MAX_FEN)})`, "amount");
  if (!isIsoDate(adjustment.date)) throw fail(BudgetErrorCode.INVALID_QUOTA, `not a date: ${String(adjustment.date)}`, "date");
  if (toQuotaId === fromQuotaId) throw fail(BudgetErrorCode.INVALID_QUOTA, `quota ${fromQuotaId} cannot move an amount to itself`, "toQuotaId");
  const transferId = `quota-adjust:${id}`;
  const from = quotaAccountIds(fromQuotaId).line;
  // The origin's fiscal year: an adjustment dated after it ends would be missing from the year's
  // figures (`summary --period`, the months), as a payment would (《预算法》§18). One dated
  // before it starts may move amounts between lines issued early (提前下达).
  const origin = await tx.getRecord<QuotaDocument>(QUOTA_COLLECTION, fromQuotaId);
  const year = origin?.data.fiscalYear ?? Number(adjustment.date.slice(0, 4));
  if (adjustment.date > `${year}-12-31`) {
    throw new JincaiError(BudgetErrorCode.OUTSIDE_FISCAL_YEAR, `adjustment ${id}: dated ${adjustment.date}, after fiscal year ${year} of quota ${fromQuotaId} ended (${year}-12-31); date a year-end 调剂 or 收回 on or before ${year}-12-31`, {
      details: { adjustmentId: id, field: "date", date: adjustment.date, fiscalYear: year },
    });
  }
  const to = toQuotaId === undefined ? quotaSourceAccountId(year) : quotaAccountIds(toQuotaId).line;
  const transfer: TransferInput = {
    id: transferId, debitAccountId: from, creditAccountId: to, amount, date: adjustment.date,
    references: { voucher: adjustment.batch ?? id, documentId: id },
  };
  const existing = await tx.getTransfer(transferId);
  if (existing !== undefined) {
    // A row that states no 调整批次 (an export without the column) does not contradict the batch
    // recorded: it is the same adjustment when everything else agrees.
    const compared = adjustment.batch === undefined ? { ...transfer, references: existing.references } : transfer;
    if (!transferFieldsEqual(compared, existing)) throw conflict(id, compared, existing);
    return { status: "exists", transferId };
  }
  let fundType: string | undefined;
  if (toQuotaId !== undefined) {
    const target = await tx.getRecord<QuotaDocument>(QUOTA_COLLECTION, toQuotaId);
    if (target === undefined) throw fail(BudgetErrorCode.QUOTA_NOT_FOUND, `quota ${toQuotaId} does not exist`, "toQuotaId");
    if (target.data.fiscalYear !== year) throw fail(BudgetErrorCode.INVALID_QUOTA, `quota ${toQuotaId} is of fiscal year ${target.data.fiscalYear}, not ${year}`, "toQuotaId");
    if (adjustment.date < target.data.date) throw fail(BudgetErrorCode.NOT_YET_ISSUED, `dated ${adjustment.date}, before quota ${toQuotaId} was issued on ${target.data.date}`, "date");
    fundType = target.data.fundType;
  }
  const move = { quotaId: fromQuotaId, amount, fiscalYear: year, date: adjustment.date, by: `adjustment ${id}`, field: "fromQuotaId", details: { adjustmentId: id } };
  await quotaMoveSource(tx, fundType === undefined ? move : { ...move, fundType }, origin?.data);
  const result = await tx.createTransfers([transfer]);
  if (!result.applied) throw ledgerFailure(result.results, `adjustment ${id}`);
  return { status: "ok", transferId };
}

/** The fields an adjustment's transfer records, in the order a conflict names them. */
const RECORDED: readonly [field: string, read: (t: TransferInput | Transfer) => string][] = [
  ["amount", (t) => formatFen(t.amount ?? 0n)],
  ["date", (t) => t.date],
  ["fromQuotaId", (t) => quotaIdOf(t.debitAccountId ?? "")],
  ["toQuotaId", (t) => quotaIdOf(t.creditAccountId ?? "")],
  ["batch", batchOf],
];

/** The 调整批次 a transfer records: none when its voucher is only the adjustment's own id. */
function batchOf(t: TransferInput | Transfer): string {
  const voucher = t.references?.voucher ?? "";
  return voucher === t.references?.documentId ? "" : voucher;
}

/** A line account's quota id, or "(收回)" for the year's source account. */
function quotaIdOf(accountId: string): string {
  const line = quotaAccountIds("").line;
  return accountId.startsWith(line) ? accountId.slice(line.length) : "(收回)";
}

/** The refusal of an adjustment id applied before with other fields, naming the first that differs. */
function conflict(id: string, given: TransferInput, recorded: Transfer): JincaiError {
  const [field, read] = RECORDED.find(([, read]) => read(given) !== read(recorded)) ?? ["id", () => ""];
  const message = field === "id" ? "was applied before with other fields" : `was applied with ${field} ${read(recorded) || "(none)"}; this row says ${read(given) || "(none)"}`;
  return new JincaiError(BudgetErrorCode.QUOTA_CONFLICT, `adjustment ${id} ${message}`, {
    details: { adjustmentId: id, field, ...(field === "id" ? {} : { recorded: read(recorded), given: read(given) }) },
  });
}
