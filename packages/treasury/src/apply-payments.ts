/**
 * Applying a chunk of payment rows inside the caller's transaction, fast and exact:
 * 1. plan every row (one Map lookup per row for its quota);
 * 2. read the balances of every account the chunk touches once, and check each row in order
 *    against them at every level (line and controls) — rows that do not fit are held back;
 * 3. write the quota-line transfers of the rows that fit in one atomic batch: the store reports
 *    `exists` for payments already recorded (a replay) and they change nothing more; then the
 *    controls' transfers of the new rows and the documents of `submitted` rows (new `paid` rows
 *    are noted for the refunds of the same chunk, see fresh-payments);
 * 4. when a row did not fit, the pass above may have counted rows that change nothing: payments
 *    the store already holds (a file imported again, yesterday's export repeated, an earlier
 *    status of a payment moving on). So the chunk's payments are looked up, all in one store call
 *    (a replay is `exists`, another payment under the same number a conflict; a row dated in a
 *    closed period is refused here too), and the other rows
 *    checked again in file order against fresh balances before anything is written; those still
 *    over a limit are rejected with `available` and `requested`.
 * The store's limit check stays the authority at every step, and the outcome is that of strict
 * row order. Refunds and rejections are the caller's, after this: a caller that applies them for
 * rows of the same chunk tries the rows they would have let through again with retryAfterFreeing
 * (`unavailable` holding back what rows after each gave back).
 */
import { QUOTA_BOOK, controlWarnings } from "@jincai/budget";
import type { ControlWarning, ReservationCheck } from "@jincai/budget";
import { JincaiError, available, isPeriodLocked, transferFieldsEqual } from "@jincai/core";
import type { CreateTransferResult, StoreTx, TransferInput } from "@jincai/core";
import { applyLedger } from "./apply-ledger";
import { TreasuryErrorCode } from "./error-codes";
import type { FreshPayments } from "./fresh-payments";
import type { PaymentContext } from "./payment-context";
import type { Payment } from "./payment";
import { paymentConflict } from "./payment-conflict";
import { paymentRecord } from "./payment-record";
import { paymentFromTransfer } from "./payment-transfer";
import type { PaymentPlanHints } from "./payment-plan-hints";
import type { PlannedPayment } from "./plan-payment";
import { planPayments } from "./plan-payments";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";
import { conflictMessage, submittedDocument } from "./submit-payment";

/**
 * Options of {@link applyPayments}.
 *
 * @example
 * ```ts
 * const options: ApplyPaymentsOptions = { unavailable: new Map([["quota:Q-2026-001", 500_000n]]) };
 * await applyPayments(tx, rows, context, fresh, options); // rows may use 5,000.00 less of Q-2026-001
 * ```
 */
export interface ApplyPaymentsOptions {
  /**
   * Fen per account (a quota line's or a control's) that the rows may not use, on top of what the
   * store says is used: availability that rows coming after them in a file gave back (a refund,
   * a rejection), which in strict row order they could not have had yet.
   */
  readonly unavailable?: ReadonlyMap<string, bigint>;
  /** What planning the rows found on another thread (see `planPayments`). */
  readonly hints?: PaymentPlanHints;
}

interface Row {
  readonly index: number;
  readonly planned: PlannedPayment;
  warnings?: ControlWarning[];
  failed?: { readonly check: ReservationCheck; readonly available: bigint };
}

/**
 * Applies payment rows (see the module comment); one result per row, in row order.
 *
 * @param tx - The transaction of this chunk.
 * @param rows - The rows; `status` `paid` (default) for historic payments, `submitted` for live ones.
 * @param context - Quotas and controls, built once per import.
 * @param fresh - Filled with the `paid` rows written as new, for the refunds of the same chunk
 *   (see fresh-payments).
 * @param options - `unavailable`: amounts per account the rows may not use; `hints`: what
 *   planning the rows found on another thread (see {@link ApplyPaymentsOptions}).
 * @throws {JincaiError} TREASURY_LEDGER_REJECTED only when the ledger refuses what was checked
 *   (a concurrent writer): the caller's transaction should then be rolled back and retried
 * @example
 * ```ts
 * const results = await store.transaction((tx) => applyPayments(tx, rows, context));
 * results.filter((r) => r.status === "TREASURY_EXCEEDS_QUOTA").map((r) => r.details);
 * // [{ quotaId: "Q-2026-001", available: "1200000", requested: "5000000" }]
 * ```
 */
export async function applyPayments(
  tx: StoreTx,
  rows: readonly PaymentImportRow[],
  context: PaymentContext,
  fresh?: FreshPayments,
  options: ApplyPaymentsOptions = {},
): Promise<PaymentItemResult[]> {
  const results = new Array<PaymentItemResult>(rows.length);
  const candidates: Row[] = [];
  for (const p of planPayments(rows, context, options.hints)) {
    if (p.ok) candidates.push({ index: p.index, planned: p.planned });
    else results[p.index] = p.result;
  }
  if (candidates.length === 0) return results;
  let { accepted, held } = precheckAll(candidates, await loadAvailable(tx, candidates, options.unavailable), context);
  if (held.length > 0) ({ accepted, held } = await recheckWithoutReplays(tx, candidates, context, results, options.unavailable));
  for (const row of held) results[row.index] = overspend(row);
  await applyAccepted(tx, accepted, results, fresh);
  await nameConflicts(tx, candidates, results);
  return results;
}

/**
 * Rows refused as a conflict with a recorded payment say which field differs: the recorded
 * payments are read in one store call, only when there are such rows.
 */
async function nameConflicts(tx: StoreTx, rows: readonly Row[], results: PaymentItemResult[]): Promise<void> {
  const conflicts = rows.filter((row) => results[row.index]?.status === TreasuryErrorCode.PAYMENT_CONFLICT && results[row.index]?.details === undefined);
  if (conflicts.length === 0) return;
  const stored = await tx.getTransfers(conflicts.map((row) => row.planned.plan.transfers[0]!.id));
  conflicts.forEach((row, k) => {
    const transfer = stored[k];
    if (transfer === undefined) return;
    let recorded: Payment;
    try {
      recorded = paymentFromTransfer(transfer);
    } catch {
      return;
    }
    const c = paymentConflict(recorded, row.planned.payment);
    if (c.details !== undefined) results[row.index] = { ...results[row.index]!, message: c.message, details: c.details };
  });
}

/**
 * Checks the rows in order against running balances. (A payment number repeated in the chunk
 * never gets here: planPayments settles the repeat as `exists` or a conflict.)
 */
function precheckAll(rows: readonly Row[], avail: Map<string, bigint>, context: PaymentContext): { accepted: Row[]; held: Row[] } {
  const accepted: Row[] = [];
  const held: Row[] = [];
  for (const row of rows) (precheck(row, avail, context) ? accepted : held).push(row);
  return { accepted, held };
}

/**
 * Step 4: the chunk's payments the store already holds are settled (`exists`, or a conflict),
 * and the other rows are checked again, in order, against fresh balances.
 */
async function recheckWithoutReplays(
  tx: StoreTx,
  rows: readonly Row[],
  context: PaymentContext,
  results: PaymentItemResult[],
  unavailable: ReadonlyMap<string, bigint> | undefined,
): Promise<{ accepted: Row[]; held: Row[] }> {
  // Looked up in one store call (one round trip on PostgreSQL).
  const stored = await tx.getTransfers(rows.map((row) => row.planned.plan.transfers[0]!.id));
  // A row dated in a closed period takes nothing either: the ledger will refuse it.
  const locks = await tx.periodLocks();
  const rest: Row[] = [];
  rows.forEach((row, k) => {
    const existing = stored[k];
    const line = row.planned.plan.transfers[0]!;
    row.warnings = undefined;
    row.failed = undefined;
    if (existing !== undefined) results[row.index] = itemResult(row, transferFieldsEqual(line, existing) ? "exists" : TreasuryErrorCode.PAYMENT_CONFLICT);
    else if (locks.length > 0 && isPeriodLocked(locks, line.date, QUOTA_BOOK)) results[row.index] = periodClosed(row);
    else rest.push(row);
  });
  if (rest.length === 0) return { accepted: [], held: [] };
  return precheckAll(rest, await loadAvailable(tx, rest, unavailable), context);
}

async function loadAvailable(tx: StoreTx, rows: readonly Row[], unavailable?: ReadonlyMap<string, bigint>): Promise<Map<string, bigint>> {
  const ids = new Set<string>();
  for (const r of rows) for (const c of r.planned.plan.checks) ids.add(c.accountId);
  const balances = await tx.accountBalances({ accountIds: [...ids] });
  return new Map(balances.map((b) => [b.account.id, available(b.balance) - (unavailable?.get(b.account.id) ?? 0n)]));
}

/** Checks one row at every level against the running balances; on success takes its amount. */
function precheck(row: Row, avail: Map<string, bigint>, context: PaymentContext): boolean {
  const amount = row.planned.payment.amount;
  const checks = row.planned.plan.checks;
  for (const check of checks) {
    const a = avail.get(check.accountId) ?? 0n;
    if (check.policy === "absolute" && a < amount) {
      row.failed = { check, available: a };
      return false;
    }
  }
  for (const check of checks) {
    const a = avail.get(check.accountId) ?? 0n;
    avail.set(check.accountId, a - amount);
    const control = check.kind === "control" ? context.controlsById.get(check.id) : undefined;
    if (control !== undefined && (control.thresholds !== undefined || control.policy === "advisory")) {
      const crossed = controlWarnings(control, a, amount).filter((w) => w.crossed);
      if (crossed.length > 0) (row.warnings ??= []).push(...crossed);
    }
  }
  return true;
}

/** Step 3: line transfers in one batch, then the new rows' control transfers and documents. */
async function applyAccepted(tx: StoreTx, accepted: Row[], results: PaymentItemResult[], fresh: FreshPayments | undefined): Promise<void> {
  if (accepted.length === 0) return;
  let rows = accepted;
  let r = await tx.createTransfers(rows.map((x) => x.planned.plan.transfers[0]!));
  if (!r.applied) {
    const keep: Row[] = [];
    r.results.forEach((res, i) => {
      const row = rows[i]!;
      if (res.status === "batch_failed") keep.push(row);
      else results[row.index] = ledgerResult(row, res);
    });
    rows = keep;
    r = await tx.createTransfers(rows.map((x) => x.planned.plan.transfers[0]!));
    if (!r.applied) throw refused(r.results);
  }
  const written: Row[] = [];
  r.results.forEach((res, i) => {
    const row = rows[i]!;
    if (res.status === "exists") results[row.index] = itemResult(row, "exists");
    else written.push(row);
  });
  await applyLedger(tx, controlLegs(written), "(import)");
  await writeDocuments(tx, written, results, fresh);
}

/** The transfers of the rows' reservations on parent controls (none without controls). */
function controlLegs(rows: readonly Row[]): TransferInput[] {
  const out: TransferInput[] = [];
  for (const row of rows) {
    const transfers = row.planned.plan.transfers;
    for (let i = 1; i < transfers.length; i++) out.push(transfers[i]!);
  }
  return out;
}

/**
 * Marks the rows whose transfers were all written `ok`: the documents of their `submitted`
 * payments go to the store in one call, their `paid` payments are noted as fresh.
 */
async function writeDocuments(tx: StoreTx, rows: readonly Row[], results: PaymentItemResult[], fresh: FreshPayments | undefined): Promise<void> {
  const documents = [];
  for (const row of rows) {
    if (row.planned.payment.status === "submitted") documents.push(paymentRecord(submittedDocument(row.planned), 0));
    else fresh?.set(row.planned.payment.paymentNumber, row.planned);
    results[row.index] = itemResult(row, "ok");
  }
  if (documents.length > 0) await tx.putRecords(documents);
}

function itemResult(row: Row, status: PaymentItemResult["status"]): PaymentItemResult {
  const p = row.planned.payment;
  const base: PaymentItemResult = status === TreasuryErrorCode.PAYMENT_CONFLICT
    ? { index: row.index, paymentNumber: p.paymentNumber, status, quotaId: p.quotaId, message: conflictMessage(p.paymentNumber) }
    : { index: row.index, paymentNumber: p.paymentNumber, status, quotaId: p.quotaId };
  return status === "ok" && row.warnings !== undefined ? { ...base, warnings: row.warnings } : base;
}

function overspend(row: Row): PaymentItemResult {
  const f = row.failed!;
  const quota = f.check.kind === "quota";
  return {
    ...itemResult(row, quota ? TreasuryErrorCode.EXCEEDS_QUOTA : TreasuryErrorCode.EXCEEDS_CONTROL),
    details: {
      [quota ? "quotaId" : "controlId"]: f.check.id,
      available: f.available.toString(),
      requested: row.planned.payment.amount.toString(),
    },
  };
}

function periodClosed(row: Row): PaymentItemResult {
  const p = row.planned.payment;
  const message = `payment ${p.paymentNumber}: its date ${p.date} is in a closed period`;
  return { ...itemResult(row, TreasuryErrorCode.PERIOD_CLOSED), details: { status: "period_closed", field: "date", date: p.date }, message };
}

function ledgerResult(row: Row, res: CreateTransferResult): PaymentItemResult {
  if (res.status === "exists_with_different_fields") return itemResult(row, TreasuryErrorCode.PAYMENT_CONFLICT);
  if (res.status === "exceeds_limit") {
    const check = row.planned.plan.checks[0]!;
    row.failed = { check, available: row.planned.payment.amount - (res.shortfall ?? 0n) };
    return overspend(row);
  }
  const p = row.planned.payment;
  if (res.status === "period_closed") return periodClosed(row);
  const message = `payment ${p.paymentNumber}: the ledger refused its transfer (${res.status})`;
  return { ...itemResult(row, TreasuryErrorCode.LEDGER_REJECTED), details: { status: res.status }, message };
}

function refused(results: readonly CreateTransferResult[]): JincaiError {
  const failed = results.find((r) => r.status !== "ok" && r.status !== "exists" && r.status !== "batch_failed");
  return new JincaiError(TreasuryErrorCode.LEDGER_REJECTED, `the ledger refused the import: ${failed?.status ?? "unknown"}`, {
    details: { status: failed?.status, transferId: failed?.id },
  });
}
