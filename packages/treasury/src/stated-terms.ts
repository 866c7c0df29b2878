/**
 * What an import row says about a payment already recorded under its number. Exports of the same
 * payment differ in their columns: a status update or another system's export often lacks the
 * 用途 (purpose) or 经济科目 (economic code) the first file had. A column the file does not have
 * says nothing, so it does not contradict what was recorded; a value the row does give is
 * compared as usual. The amount, date, quota and status are never taken from the record this way
 * (the payee and account are required in every file).
 */
import type { Payment } from "./payment";
import type { PaymentImportRow } from "./plan-payments";

/**
 * The row's payment `given` as compared with `recorded`: the descriptive fields the row does not
 * state (no 用途: `purposeStated: false`; no 经济科目: no `economicCode`) read as recorded.
 * Returns `given` itself when the row states them all.
 *
 * @example
 * ```ts
 * // Yesterday's file had 用途 办公; today's status update has no 用途 column.
 * const given = planPayment(row, context, "submitted").payment; // purpose ""
 * sameTerms(recorded, statedTerms(recorded, given, { ...row, purposeStated: false })); // true
 * ```
 */
export function statedTerms(recorded: Payment, given: Payment, row: PaymentImportRow): Payment {
  const purpose = row.purposeStated === false ? recorded.purpose : given.purpose;
  const economicCode = row.economicCode === undefined || row.economicCode === "" ? recorded.economicCode : given.economicCode;
  if (purpose === given.purpose && economicCode === given.economicCode) return given;
  return { ...given, purpose, economicCode };
}
