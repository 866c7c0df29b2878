/**
 * Verification that no quota line was overdrawn at the end of any month of its year (rule
 * `quota.month-end`). Availability is checked when a payment is imported, against the line as it
 * stands then; a payment dated before the 调剂 or 追加 that funds it (both imported later, or
 * the adjustment dated after the payment) passes that check, yet the line had less than it on
 * the payment's date, and the month's figures show a negative availability that a month-end
 * close would freeze. Uses the month-end balances the stores keep per account and month.
 */
import { JincaiError, fenToYuanString, formatFen, periodRange } from "@jincai/core";
import type { RuleFailure, StoreTx } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { quotaExecution } from "./quota-execution";

/**
 * Finds each quota line of `fiscalYear` whose availability was below zero at the end of a month,
 * once per line (its first such month).
 *
 * @throws {JincaiError} BUDGET_MISSING_DIMENSION (`dimension: "fiscalYear"`) when `fiscalYear` is
 *   not an integer year (missing, or the text `"2026"`)
 * @example
 * ```ts
 * await checkQuotaMonths(store, 2026);
 * // [{ rule: "quota.month-end", severity: "error", message: "quota ZB146 was overdrawn by 300.00 at the end of 2026-03 …", … }]
 * ```
 */
export async function checkQuotaMonths(tx: StoreTx, fiscalYear: number): Promise<RuleFailure[]> {
  if (!Number.isInteger(fiscalYear)) {
    const given = fiscalYear === undefined ? "" : `, not ${typeof fiscalYear} ${JSON.stringify(fiscalYear)}`;
    throw new JincaiError(BudgetErrorCode.MISSING_DIMENSION, `checkQuotaMonths needs the fiscal year, an integer such as 2026${given}`, {
      details: { dimension: "fiscalYear", given: String(fiscalYear) },
    });
  }
  const failures: RuleFailure[] = [];
  const reported = new Set<string>();
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, "0");
    const end = periodRange(`${fiscalYear}-${mm}`).to;
    for (const q of await quotaExecution(tx, { fiscalYear, asOf: end })) {
      if (q.available >= 0n || reported.has(q.quotaId)) continue;
      reported.add(q.quotaId);
      failures.push({
        rule: "quota.month-end",
        severity: "error",
        message:
          `quota ${q.quotaId} was overdrawn by ${formatFen(-q.available)} at the end of ${fiscalYear}-${mm} ` +
          `(amount ${formatFen(q.amount)}, reserved ${formatFen(q.reserved)}, paid ${formatFen(q.consumed)}): ` +
          "a payment dated before the 调剂 or 追加 that funds it?",
        evidence: {
          quotaId: q.quotaId, month: `${fiscalYear}-${mm}`, amount: fenToYuanString(q.amount), reserved: fenToYuanString(q.reserved),
          consumed: fenToYuanString(q.consumed), frozen: fenToYuanString(q.frozen), available: fenToYuanString(q.available),
        },
      });
    }
  }
  return failures;
}
