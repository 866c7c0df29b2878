/**
 * The adjustment importer (指标调整明细): each row moves an amount between quota lines (调剂) or
 * gives it back to the year's 指标来源 (收回), through the budget package's `adjustQuota`. This file
 * only translates rows into adjustments and refusals into row outcomes at the column at fault.
 */
import { adjustQuota } from "@jincai/budget";
import type { QuotaAdjustment } from "@jincai/budget";
import { isJincaiError } from "@jincai/core";
import type { AdjustmentRow, StoreTx } from "@jincai/core";
import type { Importer, RowOutcome } from "./row-outcome";

/** The column of each field a refusal names. */
const ADJUSTMENT_FIELDS: Readonly<Record<string, string>> = {
  fromQuotaId: "from_quota_id", toQuotaId: "to_quota_id", amount: "amount", date: "adjusted_on", id: "adjustment_id", batch: "batch_no",
};

/**
 * Prepares the adjustment importer for one file; rows apply in file order, so a later row sees
 * what earlier ones moved.
 *
 * @example
 * ```ts
 * const importer = await adjustmentImporter(tx);
 * await importer.apply(rows);
 * ```
 */
export async function adjustmentImporter(tx: StoreTx): Promise<Importer<AdjustmentRow>> {
  return {
    async apply(rows) {
      const out: RowOutcome[] = [];
      for (const row of rows) {
        const adjustment: QuotaAdjustment = {
          id: row.adjustment_id,
          date: row.adjusted_on,
          fromQuotaId: row.from_quota_id,
          amount: row.amount,
          ...(row.batch_no !== undefined ? { batch: row.batch_no } : {}),
          ...(row.to_quota_id !== undefined ? { toQuotaId: row.to_quota_id } : {}),
        };
        try {
          out.push({ status: (await adjustQuota(tx, adjustment)).status });
        } catch (error) {
          if (!isJincaiError(error)) throw error;
          const named = error.details?.["field"];
          const field = error.code === "BUDGET_PERIOD_CLOSED" ? "adjusted_on" : (typeof named === "string" ? ADJUSTMENT_FIELDS[named] : undefined) ?? "adjustment_id";
          out.push({ status: "rejected", code: error.code, field, message: error.message });
        }
      }
      return out;
    },
  };
}
