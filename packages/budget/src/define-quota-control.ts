/**
 * Defining a control: its accounts in book `quota` (the control account, limited when the policy
 * is `absolute`, and its counterpart), the posting of its limit from the control source account
 * (whose memo records the policy and matchers, see control-definition), the legs of the
 * reservations its lines already hold (control-opening), and its document in collection
 * `quota-control`. Idempotent by control id; a later limit is posted as a change.
 */
import { JincaiError, formatFen } from "@jincai/core";
import type { StoreTx, TransferInput } from "@jincai/core";
import { definitionMemo, matchText } from "./control-definition";
import { controlOpening } from "./control-opening";
import type { EconomicCodeOf } from "./control-opening";
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

/**
 * A control as stored: `limit` as a decimal string of fen.
 *
 * @example
 * ```ts
 * const doc = await tx.getRecord<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION, "101001-302");
 * doc?.data.limit; // "130000000" (fen, as text)
 * ```
 */
export type QuotaControlDocument = Omit<QuotaControl, "limit"> & {
  /** The limit in fen, as a decimal string. */
  readonly limit: string;
};

/**
 * The id prefix of the transfers that post a control's limit and its changes
 * (`quota-control-limit:<id>`, `quota-control-limit:<id>:<version>`). Internal.
 *
 * @example
 * ```ts
 * await tx.transferFlows({ idPrefix: CONTROL_LIMIT_PREFIX });
 * ```
 */
export const CONTROL_LIMIT_PREFIX = "quota-control-limit:";

/**
 * What {@link defineQuotaControl} did.
 *
 * @example
 * ```ts
 * const result: DefineControlResult = await defineQuotaControl(store, { ...control, limit: 140_000_000n });
 * // { status: "changed", opening: 0n, lines: 0, changes: ["limit 1,300,000.00 → 1,400,000.00"] }
 * ```
 */
export interface DefineControlResult {
  /** `ok`: defined now; `exists`: defined before as given; `changed`: its name, limit or thresholds changed. */
  readonly status: "ok" | "exists" | "changed";
  /** For a new control: what the reservations it took over have reserved and consumed, less refunds (fen). */
  readonly opening: bigint;
  /** For a new control: how many quota lines it may apply to (0: it matches none yet). */
  readonly lines: number;
  /** For a new control: how many outstanding reservations it took over (see `opening`). */
  readonly reservations?: number;
  /** For a changed control: what changed, in words (`limit 1,300,000.00 → 1,400,000.00`, `thresholds`, `name`). */
  readonly changes?: readonly string[];
}

/**
 * Options of {@link defineQuotaControl}.
 *
 * @example
 * ```ts
 * const options: DefineControlOptions = { economicCodeOf: paymentEconomicCode }; // treasury's
 * await defineQuotaControl(store, control, options);
 * ```
 */
export interface DefineControlOptions {
  /**
   * The refined economic code of a reservation transfer made before the control (treasury's
   * `paymentEconomicCode` reads a payment's), so a reservation on a line coarser than the control
   * is taken over only when it matches. Without it, a reservation has its line's code.
   */
  readonly economicCodeOf?: EconomicCodeOf;
}

/**
 * Defines a control, or changes the limit or thresholds of one defined before.
 *
 * A new control takes over the reservations its lines already hold: each outstanding reservation
 * it matches gets the legs on it that it would have had if the control had existed when it was
 * made (`<reservation>~<id>`, posted when consumed, less a leg per refund; see controlOpening),
 * and the document is marked `opened`. So a control added mid-year starts from exactly what its
 * matched reservations have used, and a later payment, release or refund of one of them moves it
 * like its line: it counts neither more nor less than its lines. The owner of such a reservation
 * must add the control to its `controlIds` (treasury finds these legs when it reads a payment). A
 * changed limit moves by a transfer `quota-control-limit:<id>:<version>`; a new name or thresholds
 * only change the document; what it matches or its policy cannot change (a conflict: define a
 * control under a new id). `control.retired` is not recorded (a control is retired by
 * `retireQuotaControl`, and a retired one stays retired when defined again); given to a new
 * control, it only keeps reservations dated from then out of what the control takes over.
 *
 * @param tx - A store or a transaction.
 * @param control - The control.
 * @param options - How to read the refined economic code of earlier reservations.
 * @throws {JincaiError} BUDGET_INVALID_CONTROL when the definition is malformed, or an `absolute`
 *   limit is below what its lines have already used, reserved and not given back (`controlId`,
 *   `used`, `limit`, `over`); one that fits is never refused on the way (see controlOpening)
 * @throws {JincaiError} BUDGET_CONTROL_CONFLICT when the id exists with another match or policy
 *   (`field`, `recorded`, `given`)
 * @throws {JincaiError} BUDGET_PERIOD_CLOSED when its date, or every day from a leg's date to the
 *   end of its year, is in a closed period
 * @example
 * ```ts
 * await defineQuotaControl(store, {
 *   id: "101001-302", name: "101001 商品和服务支出", policy: "absolute", limit: 200_000_000n, date: "2026-01-01",
 *   match: [{ dimension: "agency", value: "101001" }, { dimension: "economicCode", value: "302", prefix: true }],
 * }); // { status: "ok", opening: 0n, lines: 3, reservations: 0 }
 * ```
 */
export async function defineQuotaControl(tx: StoreTx, control: QuotaControl, options: DefineControlOptions = {}): Promise<DefineControlResult> {
  const problems = controlProblems(control);
  if (problems.length > 0) {
    throw new JincaiError(BudgetErrorCode.INVALID_CONTROL, `control ${String(control.id)}: ${problems[0]!}`, {
      details: { controlId: control.id, problems },
    });
  }
  // All or nothing: a refused definition must not leave its accounts behind (an account created
  // without the limit flag would let a later absolute definition of the same id pass unchecked).
  return tx.savepoint((sp) => defineOrChange(sp, control, options));
}

async function defineOrChange(tx: StoreTx, control: QuotaControl, options: DefineControlOptions): Promise<DefineControlResult> {
  const doc = controlDocument(control);
  const existing = await tx.getRecord<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION, control.id);
  if (existing !== undefined) return changeControl(tx, control, doc, existing);
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
  const usage = await controlOpening(tx, control, options.economicCodeOf);
  if (control.policy === "absolute" && usage.used > control.limit) throw passedLimit(control, usage);
  const transfers: TransferInput[] = [
    // The limit's transfer also records what defines the control, where a ledger seal covers it.
    {
      id: `${CONTROL_LIMIT_PREFIX}${control.id}`, debitAccountId: CONTROL_SOURCE_ACCOUNT_ID, creditAccountId: ids.control, amount: control.limit, date: control.date,
      references: { documentId: control.id, memo: definitionMemo(control) },
    },
    ...usage.legs,
  ];
  const result = await tx.createTransfers(transfers);
  if (!result.applied) {
    // controlOpening orders the legs so that use only rises to `used`, which fits: a limit passed
    // here would be a bug, still said as the limit it is rather than as a bare ledger status.
    if (result.results.some((r) => r.status === "exceeds_limit" && r.accountId === ids.control)) throw passedLimit(control, usage);
    throw ledgerFailure(result.results, `defining control ${control.id}`);
  }
  // `opened` tells readers of reservations made before the control to look for its legs.
  const stored = usage.legs.length > 0 ? { ...doc, opened: true } : doc;
  await tx.putRecord({ collection: QUOTA_CONTROL_COLLECTION, id: control.id, data: stored, index: { policy: control.policy } });
  return { status: "ok", opening: usage.used, lines: usage.quotaIds.length, reservations: usage.reservations };
}

/** A control defined before: the same, a new limit or thresholds, or a conflict. */
async function changeControl(
  tx: StoreTx,
  control: QuotaControl,
  doc: QuotaControlDocument,
  existing: { readonly data: QuotaControlDocument; readonly version: number },
): Promise<DefineControlResult> {
  const same = { status: "exists", opening: 0n, lines: 0 } as const;
  // The date is when it was defined; a later definition's date dates only the change. The order
  // of the matchers means nothing: the stored order is kept.
  // A retirement is kept: only retireQuotaControl records one, and none can be taken back.
  const kept: QuotaControlDocument = {
    ...doc, date: existing.data.date, match: existing.data.match,
    ...(existing.data.opened === undefined ? {} : { opened: existing.data.opened }),
    ...(existing.data.retired === undefined ? {} : { retired: existing.data.retired }),
  };
  const recordedMatch = matchText(existing.data.match);
  const givenMatch = matchText(doc.match);
  // What it matches and how it checks define the control; its name, limit and thresholds may change.
  for (const [field, recorded, given] of [["match", recordedMatch, givenMatch], ["policy", existing.data.policy, doc.policy]] as const) {
    if (recorded !== given) {
      throw new JincaiError(
        BudgetErrorCode.CONTROL_CONFLICT,
        `control ${control.id} was defined with ${field} ${recorded}; now ${given}: only its name, limit and thresholds can change (define the new one under another id)`,
        { details: { controlId: control.id, field, recorded, given } },
      );
    }
  }
  if (JSON.stringify(existing.data) === JSON.stringify(kept)) return same;
  const changes: string[] = [];
  const before = BigInt(existing.data.limit);
  if (before !== control.limit) changes.push(`limit ${formatFen(before)} → ${formatFen(control.limit)}`);
  if (JSON.stringify(existing.data.thresholds) !== JSON.stringify(kept.thresholds)) changes.push("thresholds");
  if (existing.data.name !== kept.name) changes.push("name");
  if (before !== control.limit) {
    const ids = controlAccountIds(control.id);
    const delta = control.limit - before;
    // A lower limit debits the control: its limit check (used ≤ limit) then refuses a cut below use.
    const result = await tx.createTransfers([{
      id: `${CONTROL_LIMIT_PREFIX}${control.id}:${existing.version + 1}`,
      debitAccountId: delta > 0n ? CONTROL_SOURCE_ACCOUNT_ID : ids.control,
      creditAccountId: delta > 0n ? ids.control : CONTROL_SOURCE_ACCOUNT_ID,
      amount: delta > 0n ? delta : -delta,
      date: control.date,
      references: { documentId: control.id, memo: `limit ${formatFen(before)} -> ${formatFen(control.limit)}` },
    }]);
    if (!result.applied) {
      if (delta > 0n || !result.results.some((r) => r.status === "exceeds_limit")) throw ledgerFailure(result.results, `the new limit of control ${control.id}`);
      throw new JincaiError(BudgetErrorCode.INVALID_CONTROL, `control ${control.id}: its limit cannot fall from ${formatFen(before)} to ${formatFen(control.limit)}, below what it has used`, {
        details: { controlId: control.id, limit: control.limit.toString(), before: before.toString() },
      });
    }
  }
  await tx.putRecord({ collection: QUOTA_CONTROL_COLLECTION, id: control.id, data: kept, index: { policy: control.policy }, expectedVersion: existing.version });
  return { status: "changed", opening: 0n, lines: 0, changes };
}

/** BUDGET_INVALID_CONTROL for an absolute control whose lines have already used more than its limit. */
function passedLimit(control: QuotaControl, usage: { readonly used: bigint; readonly quotaIds: readonly string[] }): JincaiError {
  const n = usage.quotaIds.length;
  return new JincaiError(
    BudgetErrorCode.INVALID_CONTROL,
    `control ${control.id}: its ${n} quota ${n === 1 ? "line has" : "lines have"} already used or reserved ${formatFen(usage.used)}, more than its absolute limit ${formatFen(control.limit)} by ${formatFen(usage.used - control.limit)}`,
    { details: { controlId: control.id, used: usage.used.toString(), limit: control.limit.toString(), over: (usage.used - control.limit).toString() } },
  );
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
