/**
 * Defining a control: its accounts in book `quota` (the control account, limited when the policy
 * is `absolute`, and its counterpart), the posting of its limit from the control source account,
 * and its document in collection `quota-control`. Idempotent by control id.
 */
import { JincaiError } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { ledgerFailure } from "./ledger-failure";
import { CONTROL_SOURCE_ACCOUNT_ID, QUOTA_BOOK, controlAccountIds } from "./quota-account-ids";
import { controlProblems } from "./quota-control";
import type { QuotaControl } from "./quota-control";

/**
 * The record-store collection of control documents.
 *
 * @example
 * ```ts
 * await tx.getRecord(QUOTA_CONTROL_COLLECTION, "agency-101001-302");
 * ```
 */
export const QUOTA_CONTROL_COLLECTION = "quota-control";

/** A control as stored: `limit` as a decimal string of fen. */
export type QuotaControlDocument = Omit<QuotaControl, "limit"> & {
  /** The limit in fen, as a decimal string. */
  readonly limit: string;
};

/**
 * Defines a control. A control counts the reservations made after it is defined.
 *
 * @param tx - A store or a transaction.
 * @param control - The control.
 * @returns `ok`, or `exists` when the same control was defined before.
 * @throws {JincaiError} BUDGET_INVALID_CONTROL when the definition is malformed
 * @throws {JincaiError} BUDGET_CONTROL_CONFLICT when the id exists with other fields
 * @example
 * ```ts
 * await defineQuotaControl(store, {
 *   id: "101001-302", name: "101001 商品和服务支出", policy: "absolute", limit: 200_000_000n, date: "2026-01-01",
 *   match: [{ dimension: "agency", value: "101001" }, { dimension: "economicCode", value: "302", prefix: true }],
 * }); // "ok"
 * ```
 */
export async function defineQuotaControl(tx: StoreTx, control: QuotaControl): Promise<"ok" | "exists"> {
  const problems = controlProblems(control);
  if (problems.length > 0) {
    throw new JincaiError(BudgetErrorCode.INVALID_CONTROL, `control ${String(control.id)}: ${problems[0]!}`, {
      details: { controlId: control.id, problems },
    });
  }
  const doc = controlDocument(control);
  const existing = await tx.getRecord<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION, control.id);
  if (existing !== undefined) {
    if (JSON.stringify(existing.data) !== JSON.stringify(doc)) {
      throw new JincaiError(BudgetErrorCode.CONTROL_CONFLICT, `control ${control.id} exists with other fields`, {
        details: { controlId: control.id },
      });
    }
    return "exists";
  }
  const ids = controlAccountIds(control.id);
  await tx.createAccounts([
    { id: CONTROL_SOURCE_ACCOUNT_ID, book: QUOTA_BOOK, code: "控制来源", name: "控制数来源", normalSide: "debit" },
    {
      id: ids.control,
      book: QUOTA_BOOK,
      code: control.id,
      name: control.name,
      normalSide: "credit",
      flags: control.policy === "absolute" ? { debitsMustNotExceedCredits: true } : {},
    },
    { id: ids.spent, book: QUOTA_BOOK, code: "控制执行", name: control.name, normalSide: "credit" },
  ]);
  const result = await tx.createTransfers([
    {
      id: `quota-control-limit:${control.id}`,
      debitAccountId: CONTROL_SOURCE_ACCOUNT_ID,
      creditAccountId: ids.control,
      amount: control.limit,
      date: control.date,
      references: { documentId: control.id },
    },
  ]);
  if (!result.applied) throw ledgerFailure(result.results, `defining control ${control.id}`);
  await tx.putRecord({ collection: QUOTA_CONTROL_COLLECTION, id: control.id, data: doc, index: { policy: control.policy } });
  return "ok";
}

function controlDocument(control: QuotaControl): QuotaControlDocument {
  const doc: QuotaControlDocument = {
    id: control.id,
    name: control.name,
    match: control.match.map((m) => (m.prefix === true ? { dimension: m.dimension, value: m.value, prefix: true } : { dimension: m.dimension, value: m.value })),
    limit: control.limit.toString(),
    policy: control.policy,
    date: control.date,
    ...(control.thresholds === undefined ? {} : { thresholds: control.thresholds.map((t) => ({ percent: t.percent, severity: t.severity })) }),
  };
  return doc;
}
