/**
 * Retiring a control (a mid-year restructuring ends a cap): from its retirement date, new
 * reservations are no longer checked against it nor counted on it (see controlsInForce). Its
 * accounts, limit and legs stay: a payment reserved under it before keeps its leg, so its later
 * payment, rejection or refund still moves the control's figures like its line's. The retirement
 * is recorded twice, like a definition: in the control's document (what imports read) and in a
 * posted transfer `quota-control-retire:<id>` (what `control.record` checks the document against,
 * covered by a ledger seal), which moves the limit at retirement from the controls' source to an
 * account of its own, `quota-control-retired:<id>`, and never touches the control account.
 * A retirement cannot be taken back: define a new control under another id.
 */
import { JincaiError, isIsoDate } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { QUOTA_CONTROL_COLLECTION } from "./define-quota-control";
import type { QuotaControlDocument } from "./define-quota-control";
import { BudgetErrorCode } from "./error-codes";
import { ledgerFailure } from "./ledger-failure";
import { CONTROL_SOURCE_ACCOUNT_ID, QUOTA_BOOK } from "./quota-account-ids";

/**
 * The id prefix of the transfers that record a control's retirement (`quota-control-retire:<id>`).
 *
 * @example
 * ```ts
 * await tx.getTransfers([`${CONTROL_RETIRE_PREFIX}C302`]); // [the retirement of C302, or undefined]
 * ```
 */
export const CONTROL_RETIRE_PREFIX = "quota-control-retire:";

/**
 * When a control is retired.
 *
 * @example
 * ```ts
 * const request: RetireControlRequest = { date: "2026-07-01" }; // reservations from 1 July skip it
 * await retireQuotaControl(store, "101001-302", request);
 * ```
 */
export interface RetireControlRequest {
  /** The first day it no longer applies, `YYYY-MM-DD`: reservations dated from then skip it. */
  readonly date: string;
}

/**
 * What {@link retireQuotaControl} did.
 *
 * @example
 * ```ts
 * const result: RetireControlResult = await retireQuotaControl(store, "101001-302", { date: "2026-07-01" });
 * result.status; // "ok" now, "exists" when retired before from the same date
 * ```
 */
export interface RetireControlResult {
  /** `ok`: retired now; `exists`: retired before from the same date. */
  readonly status: "ok" | "exists";
}

/**
 * Retires a control from a date. Reservations dated on or after it are no longer checked against
 * the control nor counted on it; those made before keep their legs on it, so their payment,
 * rejection or refund still moves it. Its history, accounts and limit stay; `loadQuotaControls`
 * still returns it, with `retired` set. Idempotent: the same date again is `exists`.
 *
 * @param tx - A store or a transaction.
 * @param controlId - The control's id.
 * @param request - The retirement date.
 * @returns `ok`, or `exists` when it was retired before from the same date.
 * @throws {JincaiError} BUDGET_CONTROL_NOT_FOUND when no control has that id
 * @throws {JincaiError} BUDGET_INVALID_CONTROL when the date is not `YYYY-MM-DD`
 * @throws {JincaiError} BUDGET_CONTROL_CONFLICT when it was retired before from another date
 *   (`field` "retired", `recorded`, `given`)
 * @throws {JincaiError} BUDGET_PERIOD_CLOSED when the date is in a closed period
 * @example
 * ```ts
 * await retireQuotaControl(store, "101001-302", { date: "2026-07-01" }); // { status: "ok" }
 * await retireQuotaControl(store, "101001-302", { date: "2026-07-01" }); // { status: "exists" }
 * ```
 */
export async function retireQuotaControl(tx: StoreTx, controlId: string, request: RetireControlRequest): Promise<RetireControlResult> {
  return tx.savepoint(async (sp) => {
    const existing = await sp.getRecord<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION, controlId);
    if (existing === undefined) {
      throw new JincaiError(BudgetErrorCode.CONTROL_NOT_FOUND, `no control ${controlId} to retire`, { details: { controlId } });
    }
    const { date } = request;
    // Any day, also one before the control was defined: a control checks every reservation,
    // whatever its date (one defined in December checks a June payment imported late).
    if (!isIsoDate(date)) {
      throw new JincaiError(BudgetErrorCode.INVALID_CONTROL, `control ${controlId}: retirement date ${String(date)} is not a YYYY-MM-DD date`, {
        details: { controlId, field: "retired", date: String(date) },
      });
    }
    const recorded = existing.data.retired;
    if (recorded === date) return { status: "exists" } as const;
    if (recorded !== undefined) {
      throw new JincaiError(BudgetErrorCode.CONTROL_CONFLICT, `control ${controlId} was retired from ${recorded}; now ${date}: a retirement cannot be moved`, {
        details: { controlId, field: "retired", recorded, given: date },
      });
    }
    const retiredAccount = `quota-control-retired:${controlId}`;
    await sp.createAccounts([{ id: retiredAccount, book: QUOTA_BOOK, code: controlId, name: `${existing.data.name} (retired)`, normalSide: "credit" }]);
    const result = await sp.createTransfers([{
      id: `${CONTROL_RETIRE_PREFIX}${controlId}`, debitAccountId: CONTROL_SOURCE_ACCOUNT_ID, creditAccountId: retiredAccount,
      amount: BigInt(existing.data.limit), date, references: { documentId: controlId, memo: JSON.stringify({ retired: date }) },
    }]);
    if (!result.applied) throw ledgerFailure(result.results, `retiring control ${controlId}`);
    await sp.putRecord({
      collection: QUOTA_CONTROL_COLLECTION, id: controlId, data: { ...existing.data, retired: date },
      index: { policy: existing.data.policy }, expectedVersion: existing.version,
    });
    return { status: "ok" } as const;
  });
}

/**
 * The retirement date a retirement transfer's memo records; undefined for another memo. Internal.
 *
 * @example
 * ```ts
 * retiredOfMemo('{"retired":"2026-07-01"}'); // "2026-07-01"
 * ```
 */
export function retiredOfMemo(memo: string | undefined): string | undefined {
  if (memo === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(memo);
    const retired = typeof v === "object" && v !== null ? (v as Record<string, unknown>)["retired"] : undefined;
    return typeof retired === "string" ? retired : undefined;
  } catch {
    return undefined;
  }
}
