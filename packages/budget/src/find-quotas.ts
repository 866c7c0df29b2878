import { JincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import type { QuotaLine } from "./quota-line";
import { QUOTA_COLLECTION, quotaFromDocument } from "./quota-record";
import type { QuotaDocument } from "./quota-record";

/**
 * Finds the quota lines whose indexed fields equal every given value (fiscalYear, agency,
 * fundType, functionCode, economicCode, govEconomicCode, project, paymentType, documentNumber,
 * executable as `"1"`/`"0"`), in id order. Load a year once to build an in-memory index for
 * matching many payments; do not call this per payment.
 *
 * @example
 * ```ts
 * await findQuotas(store, { fiscalYear: "2026", agency: "101001", executable: "1" }); // [QuotaLine, …]
 * ```
 */
export async function findQuotas(tx: Pick<StoreTx, "queryRecords">, where: Readonly<Record<string, string>> = {}): Promise<QuotaLine[]> {
  const out: QuotaLine[] = [];
  for await (const r of tx.queryRecords<QuotaDocument>(QUOTA_COLLECTION, { where })) out.push(quotaFromDocument(r.data));
  return out;
}

/**
 * Reads one quota line by id.
 *
 * @throws {JincaiError} BUDGET_QUOTA_NOT_FOUND when there is none
 * @example
 * ```ts
 * (await getQuota(store, "Q-2026-001")).amount; // 50000000n
 * ```
 */
export async function getQuota(tx: StoreTx, quotaId: string): Promise<QuotaLine> {
  const r = await tx.getRecord<QuotaDocument>(QUOTA_COLLECTION, quotaId);
  if (r === undefined) {
    throw new JincaiError(BudgetErrorCode.QUOTA_NOT_FOUND, `no quota ${quotaId}`, { details: { quotaId } });
  }
  return quotaFromDocument(r.data);
}
