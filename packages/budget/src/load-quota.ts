/**
 * Loading a quota line: validate it, create its accounts (line, execution, frozen) and the year's
 * source account, post the amount from the source to the line (or, for a 调剂 with an origin, from
 * the origin line, which must have it available), and keep the document in the record store.
 * Idempotent by quota id: the same line twice is a no-op, another line under the same id is a
 * conflict. Everything is written through the caller's `tx`, so it commits with
 * whatever else the caller does.
 */
import { JincaiError, formatFen } from "@jincai/core";
import type { AccountInput, CreateTransferResult, StoreTx } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { QUOTA_BOOK, quotaAccountIds, quotaSourceAccountId } from "./quota-account-ids";
import { quotaDimensions } from "./quota-dimensions";
import type { QuotaLine } from "./quota-line";
import { QUOTA_COLLECTION, quotaDifference, quotaFromDocument, quotaRecord } from "./quota-record";
import type { QuotaDocument } from "./quota-record";
import { validateQuotaLine } from "./validate-quota-line";
import type { QuotaValidationContext } from "./validate-quota-line";
import { ledgerFailure } from "./ledger-failure";
import { quotaMoveSource } from "./quota-move-source";

/**
 * The outcome of {@link loadQuota}: `ok` (loaded now) or `exists` (already loaded, unchanged).
 *
 * @example
 * ```ts
 * const result: LoadQuotaResult = await loadQuota(store, line, context);
 * // { status: "ok", transferId: … } the first time, { status: "exists", … } when loaded again unchanged
 * ```
 */
export interface LoadQuotaResult {
  /** `ok` or `exists`. */
  readonly status: "ok" | "exists";
  /** The id of the transfer that credited the line. */
  readonly transferId: string;
}

/**
 * Loads a quota line into the ledger and the record store.
 *
 * @param tx - A store or a transaction.
 * @param line - The quota line.
 * @param context - What the line is validated against.
 * @returns `ok`, or `exists` when the same line was loaded before.
 * @throws {JincaiError} BUDGET_INVALID_QUOTA with `details.issues` when validation fails
 * @throws {JincaiError} BUDGET_QUOTA_CONFLICT when the id was loaded with other fields
 * @throws {JincaiError} BUDGET_QUOTA_NOT_FOUND when the origin of a 调剂 is not loaded;
 *   BUDGET_INVALID_QUOTA when it is of another fiscal year; BUDGET_NOT_YET_ISSUED when the new
 *   line is dated before its origin was issued; BUDGET_EXCEEDS_QUOTA (with `available` and
 *   `requested`) when it has less than the amount available
 * @throws {JincaiError} BUDGET_PERIOD_CLOSED when the load is dated in a closed period;
 *   BUDGET_LEDGER_REJECTED when the ledger refuses it otherwise (`overflows_balance` on the year's
 *   `quota-source:<year>` account: the year's loaded quotas together would pass `MAX_FEN`)
 * @example
 * ```ts
 * await loadQuota(store, { id: "Q-2026-001", amount: 50_000_000n, … }, context); // { status: "ok", … }
 * // 调剂: 100,000.00 of Q-2026-001 moves to a new line
 * await loadQuota(store, { id: "Q-2026-101", source: "3", originQuotaId: "Q-2026-001", amount: 10_000_000n, … }, context);
 * ```
 */
export async function loadQuota(tx: StoreTx, line: QuotaLine, context: QuotaValidationContext): Promise<LoadQuotaResult> {
  const issues = validateQuotaLine(line, context);
  if (issues.length > 0) {
    throw new JincaiError(BudgetErrorCode.INVALID_QUOTA, `quota ${line.id} is invalid: ${issues[0]!.message}`, {
      details: { quotaId: line.id, issues },
    });
  }
  const transferId = `quota-load:${line.id}`;
  const existing = await tx.getRecord<QuotaDocument>(QUOTA_COLLECTION, line.id);
  if (existing !== undefined) {
    const differs = quotaDifference(quotaFromDocument(existing.data), line);
    if (differs !== undefined) {
      const show = (field: string, v: string) => (field === "amount" && /^-?\d+$/.test(v) ? formatFen(BigInt(v)) : v);
      throw new JincaiError(
        BudgetErrorCode.QUOTA_CONFLICT,
        `quota ${line.id} was loaded with ${differs.field} ${show(differs.field, differs.recorded)}; this line says ${show(differs.field, differs.given)} (a loaded line does not change: a 追加, 调剂 or 收回 is a line or adjustment of its own)`,
        { details: { quotaId: line.id, ...differs } },
      );
    }
    return { status: "exists", transferId };
  }
  // Checked before any account is created, so a refused 调剂 leaves nothing behind.
  let from = quotaSourceAccountId(line.fiscalYear);
  if (line.originQuotaId !== undefined) {
    const origin = await tx.getRecord<QuotaDocument>(QUOTA_COLLECTION, line.originQuotaId);
    const move = { quotaId: line.originQuotaId, amount: line.amount, fiscalYear: line.fiscalYear, date: line.date, by: `quota ${line.id}`, field: "originQuotaId", details: { quotaId: line.id }, fundType: line.fundType };
    from = await quotaMoveSource(tx, move, origin?.data);
  }
  // One unit: a load the ledger refuses (a closed period) leaves no accounts without a document,
  // which an import that sets the row aside (--quarantine) would otherwise commit.
  return tx.savepoint(async (sp) => {
    const created = await sp.createAccounts(quotaAccounts(line));
    const clash = created.find((r) => r.status !== "ok" && r.status !== "exists");
    if (clash !== undefined) {
      throw new JincaiError(BudgetErrorCode.QUOTA_CONFLICT, `account ${clash.id} exists with other fields`, {
        details: { quotaId: line.id, accountId: clash.id, status: clash.status },
      });
    }
    const ids = quotaAccountIds(line.id);
    const result = await sp.createTransfers([
      {
        id: transferId,
        debitAccountId: from,
        creditAccountId: ids.line,
        amount: line.amount,
        date: line.date,
        references: { voucher: line.documentNumber, documentId: line.id },
      },
    ]);
    if (!result.applied) throw ledgerFailure(result.results, `loading quota ${line.id}`, (failed) => overflowOfYear(failed, line, from));
    await sp.putRecord(quotaRecord(line));
    return { status: "ok" as const, transferId };
  });
}

/** Why the year's source account overflows: the year's loaded quotas together pass what it holds. */
function overflowOfYear(failed: CreateTransferResult, line: QuotaLine, from: string): string | undefined {
  if (failed.status !== "overflows_balance" || failed.accountId !== from || line.originQuotaId !== undefined) return undefined;
  return `the quotas of ${line.fiscalYear} loaded so far and this one's ${formatFen(line.amount)} would total more than that`;
}

/** The accounts a quota line needs (existing identical ones are left alone by the store). */
function quotaAccounts(line: QuotaLine): AccountInput[] {
  const dims = quotaDimensions(line);
  const ids = quotaAccountIds(line.id);
  const name = line.title ?? line.documentNumber;
  return [
    {
      id: quotaSourceAccountId(line.fiscalYear),
      book: QUOTA_BOOK,
      code: "指标来源",
      name: `指标来源 ${line.fiscalYear}`,
      dimensions: { fiscalYear: String(line.fiscalYear) },
      normalSide: "debit",
    },
    {
      id: ids.line,
      book: QUOTA_BOOK,
      code: line.id,
      name,
      dimensions: dims,
      normalSide: "credit",
      flags: { debitsMustNotExceedCredits: true },
    },
    { id: ids.spent, book: QUOTA_BOOK, code: "指标执行", name, dimensions: dims, normalSide: "credit" },
    { id: ids.frozen, book: QUOTA_BOOK, code: "指标冻结", name, dimensions: dims, normalSide: "credit" },
  ];
}
