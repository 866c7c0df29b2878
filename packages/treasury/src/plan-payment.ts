/**
 * Planning one payment, without reading the store: validate its fields, find its quota (by id or
 * by matching dimensions), check that the codes it gives agree with the quota's, and plan the
 * reservation on the quota and every matching control. Throws the first problem.
 */
import { BudgetErrorCode, reserveQuota } from "@jincai/budget";
import type { QuotaLine, ReservePlan, ReserveRequest } from "@jincai/budget";
import { JincaiError, MAX_FEN, checkCodeShape, fenProblem, formatFen, isIsoDate } from "@jincai/core";
import type { TransferReferences } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment, PaymentInput } from "./payment";
import type { PaymentContext } from "./payment-context";
import { paymentReferences, paymentTransferId } from "./payment-transfer";

/**
 * A payment ready to be applied.
 *
 * @example
 * ```ts
 * const planned: PlannedPayment = planPayment(input, context, "submitted");
 * planned.payment.quotaId; // "Q-2026-001"
 * planned.plan.transfers[0]?.id; // "pay:ZF2026-000123"
 * ```
 */
export interface PlannedPayment {
  /** The payment, `submitted` or `paid`. */
  readonly payment: Payment;
  /** Its reservation: `transfers[0]` is the quota line's, the rest the controls'. */
  readonly plan: ReservePlan;
}

const MATCH_FIELDS = ["agency", "fundType", "functionCode", "economicCode", "projectCode"] as const;
const INHERITED = ["agency", "fundType", "functionCode", "govEconomicCode", "projectCode", "paymentType"] as const;

/**
 * Plans one payment.
 *
 * @param input - The payment request.
 * @param context - Quotas and controls (see `loadPaymentContext`).
 * @param status - `submitted` reserves (pending); `paid` reserves and posts at once (historic).
 * @throws {JincaiError} TREASURY_INVALID_PAYMENT (naming the field and what was given: an amount
 *   that is not a bigint of fen, a fiscal year given as text, a payment number or quota id with
 *   spaces around it), TREASURY_QUOTA_NOT_FOUND, TREASURY_QUOTA_AMBIGUOUS, TREASURY_CODE_MISMATCH,
 *   BUDGET_MISSING_DIMENSION, BUDGET_NOT_EXECUTABLE
 * @example
 * ```ts
 * const { plan } = planPayment({ paymentNumber: "ZF001", quotaId: "Q-2026-001", amount: 1_000_00n, … }, context, "paid");
 * plan.transfers[0].id; // "pay:ZF001"
 * ```
 */
export function planPayment(input: PaymentInput, context: PaymentContext, status: "submitted" | "paid"): PlannedPayment {
  const { quota, economicCode, references } = resolvePayment(input, context);
  return planOnQuota(input, context, status, quota, economicCode, references);
}

/** What {@link resolvePayment} finds: everything of a plan but the reservation. Internal. */
export interface ResolvedPayment {
  /** The quota line the payment spends. */
  readonly quota: QuotaLine;
  /** Its effective economic code (the quota's, or the 款 refining it). */
  readonly economicCode: string;
  /** The references its transfers carry. */
  readonly references: TransferReferences;
}

/**
 * The first half of {@link planPayment}: validates the payment, finds its quota, checks its codes
 * against the quota's and writes its references; throws what `planPayment` throws for those. The
 * reservation (fiscal year, executable line, controls) is left to {@link planOnQuota}. Internal to
 * the package.
 */
export function resolvePayment(input: PaymentInput, context: PaymentContext): ResolvedPayment {
  validatePayment(input);
  const quota = resolveQuota(input, context);
  const economicCode = inheritedEconomicCode(input, quota, context);
  return { quota, economicCode, references: paymentReferences(input, economicCode) };
}

/**
 * The second half of {@link planPayment}: the reservation of a payment already validated, matched
 * to `quota` and given its effective economic code and references (what planning the same row
 * with the same context found, e.g. on the import's reading thread; see `PaymentPlanHints`).
 * Internal to the package.
 */
export function planOnQuota(
  input: PaymentInput,
  context: PaymentContext,
  status: "submitted" | "paid",
  quota: QuotaLine,
  economicCode: string,
  references: TransferReferences,
): PlannedPayment {
  const request: { -readonly [K in keyof ReserveRequest]: ReserveRequest[K] } = {
    id: paymentTransferId(input.paymentNumber),
    amount: input.amount,
    date: input.date,
    immediate: status === "paid",
    references,
  };
  if (economicCode !== quota.economicCode) request.economicCode = economicCode;
  let plan: ReservePlan;
  try {
    plan = reserveQuota(quota, request, context.controls);
  } catch (error) {
    // A date refused is named as the clerk knows it (payment ZF001, not pay:ZF001): planned again
    // with a label, which costs nothing on the rows that pass.
    if (error instanceof JincaiError && (error.code === BudgetErrorCode.OUTSIDE_FISCAL_YEAR || error.code === BudgetErrorCode.NOT_YET_ISSUED)) {
      reserveQuota(quota, { ...request, label: `payment ${input.paymentNumber}` }, context.controls);
    }
    throw error;
  }
  const payment: Payment = {
    paymentNumber: input.paymentNumber,
    date: input.date,
    payeeName: input.payeeName,
    payeeAccount: input.payeeAccount,
    amount: input.amount,
    purpose: input.purpose,
    quotaId: quota.id,
    economicCode,
    status,
    paidAmount: status === "paid" ? input.amount : 0n,
    refundedAmount: 0n,
    controlIds: plan.reservation.controlIds,
  };
  return { payment, plan };
}

function invalid(input: PaymentInput, field: string, message: string): JincaiError {
  const n: unknown = input.paymentNumber;
  // A number with spaces around it is quoted, so the message shows them.
  const label = typeof n === "string" && n.trim() !== n ? JSON.stringify(n) : String(n);
  return new JincaiError(TreasuryErrorCode.INVALID_PAYMENT, `payment ${label}: ${message}`, {
    details: { paymentNumber: input.paymentNumber, field },
  });
}

const TEXT_FIELDS = ["paymentNumber", "payeeName", "payeeAccount"] as const;

// Runs per row of million-row imports: comparisons only; messages are built when refusing.
function validatePayment(input: PaymentInput): void {
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    // trim returns the same string when there is nothing to trim: no allocation on rows that pass.
    const trimmed = typeof value === "string" ? value.trim() : "";
    if (trimmed === "") throw invalid(input, field, textProblem(field, value));
    // " ZF9 " would be a payment of its own beside "ZF9".
    if (field === "paymentNumber" && trimmed !== value) throw invalid(input, field, spacesAround(field, value as string));
  }
  const quotaId = input.quotaId;
  if (quotaId !== undefined && (typeof quotaId !== "string" || quotaId.trim() !== quotaId)) {
    throw invalid(input, "quotaId", typeof quotaId === "string" ? spacesAround("quotaId", quotaId) : textProblem("quotaId", quotaId));
  }
  if (typeof input.purpose !== "string") throw invalid(input, "purpose", textProblem("purpose", input.purpose));
  if (!validDate(input.date)) throw invalid(input, "date", `not a date: ${String(input.date)}`);
  if (typeof input.amount !== "bigint" || input.amount <= 0n) throw invalid(input, "amount", fenProblem(input.amount));
  if (input.amount > MAX_FEN) throw invalid(input, "amount", `amount is more than the ledger holds (${formatFen(MAX_FEN)})`);
  if (input.fiscalYear !== undefined && !Number.isInteger(input.fiscalYear)) {
    throw invalid(input, "fiscalYear", `fiscalYear must be a number (an integer year such as 2026), not ${shown(input.fiscalYear)}`);
  }
}

function shown(value: unknown): string {
  return `${value === null ? "null" : typeof value} ${typeof value === "string" ? JSON.stringify(value) : String(value)}`;
}

function textProblem(field: string, value: unknown): string {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return `${field} is required`;
  return `${field} must be text, not ${shown(value)}`;
}

function spacesAround(field: string, value: string): string {
  if (value.trim() === "") return `${field} ${JSON.stringify(value)} is only spaces: give the quota's id, or leave it out to match by dimensions`;
  return `${field} ${JSON.stringify(value)} has spaces around it (it would be stored apart from ${JSON.stringify(value.trim())})`;
}

// Imports repeat a few hundred dates over millions of rows: remember the valid ones (bounded).
const VALID_DATES = new Set<string>();

function validDate(date: string): boolean {
  if (VALID_DATES.has(date)) return true;
  if (!isIsoDate(date)) return false;
  if (VALID_DATES.size < 10_000) VALID_DATES.add(date);
  return true;
}

function resolveQuota(input: PaymentInput, context: PaymentContext): QuotaLine {
  if (input.quotaId !== undefined && input.quotaId !== "") {
    const q = context.quotas.get(input.quotaId);
    if (q === undefined) throw notFound(input, { quotaId: input.quotaId });
    return q;
  }
  for (const f of MATCH_FIELDS) {
    if (input[f] === undefined || input[f] === "") {
      throw new JincaiError(BudgetErrorCode.MISSING_DIMENSION, `payment ${input.paymentNumber}: ${f} is needed to find its quota`, {
        details: { paymentNumber: input.paymentNumber, dimension: f },
      });
    }
  }
  const key = {
    fiscalYear: input.fiscalYear ?? Number(input.date.slice(0, 4)),
    agency: input.agency!,
    fundType: input.fundType!,
    functionCode: input.functionCode!,
    economicCode: input.economicCode!,
    projectCode: input.projectCode!,
  };
  const found = context.quotas.match(key);
  if (found.length === 0) throw notFound(input, key);
  if (found.length > 1) {
    const named = found.slice(0, 5).map((q) => q.id).join(", ") + (found.length > 5 ? ", …" : "");
    const message = `payment ${input.paymentNumber} matches ${found.length} quotas (${named}): give its 指标编号`;
    throw new JincaiError(TreasuryErrorCode.QUOTA_AMBIGUOUS, message, {
      details: { paymentNumber: input.paymentNumber, quotaIds: found.map((q) => q.id) },
    });
  }
  return found[0]!;
}

function notFound(input: PaymentInput, details: Record<string, unknown>): JincaiError {
  const wanted = typeof details["quotaId"] === "string"
    ? `quota ${details["quotaId"]} does not exist`
    : `no executable quota has ${Object.entries(details).map(([k, v]) => `${k} ${String(v)}`).join(", ")}`;
  return new JincaiError(TreasuryErrorCode.QUOTA_NOT_FOUND, `payment ${input.paymentNumber}: ${wanted}`, {
    details: { paymentNumber: input.paymentNumber, ...details },
  });
}

/** Checks the inherited codes and returns the effective economic code. */
function inheritedEconomicCode(input: PaymentInput, quota: QuotaLine, context: PaymentContext): string {
  for (const f of INHERITED) {
    const given = input[f];
    if (given !== undefined && given !== "" && given !== quota[f]) throw mismatch(input, quota, f, given, quota[f]);
  }
  if (input.fiscalYear !== undefined && input.fiscalYear !== quota.fiscalYear) {
    throw mismatch(input, quota, "fiscalYear", String(input.fiscalYear), String(quota.fiscalYear));
  }
  const eco = input.economicCode;
  if (eco === undefined || eco === "" || eco === quota.economicCode) return quota.economicCode;
  // A 款 may refine a quota held at 类 level; any other difference contradicts the quota.
  if (quota.economicCode.length === 3 && eco.length > 3 && eco.startsWith(quota.economicCode)) {
    // A made-up refinement ("30201 ", "3021") would pass every control that names the real 款.
    const problem = checkCodeShape("economic-dept", eco) ?? (eco.length === 5 ? context.codes?.check("economic-dept", eco, quota.fiscalYear) : "CODE_INVALID_LENGTH");
    if (problem === undefined) return eco;
    throw new JincaiError(problem, `payment ${input.paymentNumber}: economicCode "${eco}" is not a 款 of ${quota.fiscalYear}'s departmental economic classification under ${quota.economicCode}, which quota ${quota.id} holds`, {
      details: { paymentNumber: input.paymentNumber, quotaId: quota.id, field: "economicCode", given: eco, quota: quota.economicCode },
    });
  }
  throw mismatch(input, quota, "economicCode", eco, quota.economicCode);
}

function mismatch(input: PaymentInput, quota: QuotaLine, field: string, given: string, expected: string): JincaiError {
  return new JincaiError(TreasuryErrorCode.CODE_MISMATCH, `payment ${input.paymentNumber}: ${field} ${given} contradicts quota ${quota.id}, which has ${expected}`, {
    details: { paymentNumber: input.paymentNumber, quotaId: quota.id, field, given, quota: expected },
  });
}
