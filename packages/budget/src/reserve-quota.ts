/**
 * Reserving a quota: the transfers that hold an amount against a quota line and, in the same
 * batch, against every control whose matchers the reservation's dimensions meet. Pure: it reads
 * nothing and writes nothing; the caller adds `transfers` to its batch, so the store's atomic
 * limit check covers every level at once together with the caller's other writes.
 */
import { JincaiError, fenProblem } from "@jincai/core";
import type { Dimensions, TransferInput, TransferReferences } from "@jincai/core";
import { assertInFiscalYear } from "./assert-in-fiscal-year";
import { controlsInForce } from "./controls-in-force";
import { BudgetErrorCode } from "./error-codes";
import { controlAccountIds, quotaAccountIds } from "./quota-account-ids";
import { matchControl } from "./quota-control";
import type { ControlPolicy, QuotaControl } from "./quota-control";
import { quotaDimensions } from "./quota-dimensions";
import type { QuotaLine } from "./quota-line";

/**
 * What to reserve.
 *
 * @example
 * ```ts
 * const request: ReserveRequest = {
 *   id: "pay:ZF2026-000123", amount: 1_500_000n, date: "2026-03-02",
 *   economicCode: "30201", references: { voucher: "ZF2026-000123" }, label: "payment ZF2026-000123",
 * };
 * const plan = reserveQuota(quota, request, controls);
 * ```
 */
export interface ReserveRequest {
  /** The reservation id: the id of the line's transfer (e.g. `pay:<payment number>`). */
  readonly id: string;
  /** Fen, > 0. */
  readonly amount: bigint;
  /** Ledger date, `YYYY-MM-DD`. */
  readonly date: string;
  /** A department economic 款 refining the quota's 类 (e.g. `30201` under `302`). */
  readonly economicCode?: string;
  /** Last date on which the reservation may still be consumed. */
  readonly expiresOn?: string;
  /** Reserve and consume at once with posted transfers (historic, already-paid spending). */
  readonly immediate?: boolean;
  /** References carried by every transfer (voucher, documentId, memo …). */
  readonly references?: TransferReferences;
  /** What a refusal's message calls it (e.g. `payment ZF001`); the id otherwise. */
  readonly label?: string;
}

/**
 * One level a reservation is checked at: the quota line or a control.
 *
 * @example
 * ```ts
 * const check: ReservationCheck = { kind: "control", id: "101001-302", accountId: "quota-control:101001-302", policy: "absolute" };
 * plan.checks[0]; // { kind: "quota", id: "Q-2026-001", accountId: "quota:Q-2026-001", policy: "absolute" }
 * ```
 */
export interface ReservationCheck {
  /** `quota` for the line, `control` for a control. */
  readonly kind: "quota" | "control";
  /** The quota id or control id. */
  readonly id: string;
  /** The ledger account debited at this level. */
  readonly accountId: string;
  /** The line is always `absolute`; a control has its own policy. */
  readonly policy: ControlPolicy;
}

/**
 * A reservation, as `consumeReservation`, `releaseReservation` and `restoreConsumption` need it.
 *
 * @example
 * ```ts
 * const reservation: Reservation = {
 *   id: "pay:ZF2026-000123", quotaId: "Q-2026-001", amount: 1_500_000n,
 *   phase: "pending", controlIds: ["101001-302"], fiscalYear: 2026,
 * };
 * consumeReservation(reservation, { date: "2026-03-05" });
 * ```
 */
export interface Reservation {
  /** The reservation id (the line transfer's id). */
  readonly id: string;
  /** The quota reserved. */
  readonly quotaId: string;
  /** The amount reserved, in fen. */
  readonly amount: bigint;
  /** `pending` (reserved) or `posted` (reserved and consumed at once). */
  readonly phase: "pending" | "posted";
  /** The ids of the controls it also debits, in the order of the controls given. */
  readonly controlIds: readonly string[];
  /** The effective dimensions (the quota's, with the refined economic code); set by `reserveQuota`. */
  readonly dimensions?: Dimensions;
  /**
   * The quota line's fiscal year; set by `reserveQuota`. When set, `consumeReservation` refuses a
   * date outside it (BUDGET_OUTSIDE_FISCAL_YEAR).
   */
  readonly fiscalYear?: number;
}

/**
 * The outcome of {@link reserveQuota}.
 *
 * @example
 * ```ts
 * const plan: ReservePlan = reserveQuota(quota, { id: "pay:ZF2026-000123", amount: 1_500_000n, date: "2026-03-02" }, controls);
 * await store.createTransfers(plan.transfers); // the line's transfer first, then one per control
 * plan.reservation.id; // "pay:ZF2026-000123": keep it to consume or release later
 * ```
 */
export interface ReservePlan {
  /** Keep it (e.g. in the payment document) to consume or release later. */
  readonly reservation: Reservation;
  /** The transfers to add to the caller's batch: the line first, then one per control. */
  readonly transfers: TransferInput[];
  /** The levels checked: the line first, then the controls (shared between plans: do not mutate). */
  readonly checks: readonly ReservationCheck[];
}

const REQUIRED_DIMENSIONS = ["fiscalYear", "agency", "fundType", "functionCode", "economicCode", "govEconomicCode", "project", "paymentType"];

/**
 * Plans a reservation on a quota line and every matching control.
 *
 * @param quota - The quota line.
 * @param request - Id, amount, date and optional refinement, expiry and references.
 * @param controls - Every control (see `loadQuotaControls`); one retired on or before the
 *   request's date is skipped (see `controlsInForce`).
 * @returns The reservation, its transfers and the levels they are checked at.
 * @throws {JincaiError} BUDGET_NOT_EXECUTABLE when the quota is not executable
 * @throws {JincaiError} BUDGET_INVALID_AMOUNT when the amount is not a positive bigint
 * @throws {JincaiError} BUDGET_OUTSIDE_FISCAL_YEAR when the date is outside the quota's fiscal year
 * @throws {JincaiError} BUDGET_NOT_YET_ISSUED when the date is before the quota line's own date (下达日期)
 * @throws {JincaiError} BUDGET_INVALID_REFINEMENT when `economicCode` does not extend the quota's
 * @throws {JincaiError} BUDGET_MISSING_DIMENSION when a required dimension, or one a control
 *   matches on, is absent (fails closed)
 * @example
 * ```ts
 * const plan = reserveQuota(quota, { id: "pay:P001", amount: 12_000_00n, date: "2026-03-02" }, controls);
 * await store.createTransfers(plan.transfers); // { applied: true, … } or exceeds_limit
 * ```
 */
export function reserveQuota(quota: QuotaLine, request: ReserveRequest, controls: readonly QuotaControl[]): ReservePlan {
  if (!quota.executable) {
    throw new JincaiError(BudgetErrorCode.NOT_EXECUTABLE, `quota ${quota.id} is not executable`, { details: { quotaId: quota.id } });
  }
  if (typeof request.amount !== "bigint" || request.amount <= 0n) {
    throw new JincaiError(BudgetErrorCode.INVALID_AMOUNT, `${request.label ?? request.id} on quota ${quota.id}: ${fenProblem(request.amount)}`, {
      details: { quotaId: quota.id, amount: String(request.amount) },
    });
  }
  assertInFiscalYear(request.date, quota.fiscalYear, { quotaId: quota.id, reservationId: request.id }, request.label);
  if (request.date < quota.date) {
    throw new JincaiError(BudgetErrorCode.NOT_YET_ISSUED, `${request.label ?? request.id} is dated ${request.date}, before quota ${quota.id} was issued on ${quota.date}`, {
      details: { quotaId: quota.id, reservationId: request.id, field: "date", date: request.date, issuedOn: quota.date },
    });
  }
  const levels = resolveLevels(quota, request.economicCode, controlsInForce(controls, request.date));
  const phase = request.immediate === true ? "posted" : "pending";
  const transfers: TransferInput[] = new Array<TransferInput>(levels.checks.length);
  transfers[0] = transfer(request, phase, request.id, levels.checks[0]!.accountId, levels.counterparts[0]!);
  for (let i = 1; i < levels.checks.length; i++) {
    const check = levels.checks[i]!;
    transfers[i] = transfer(request, phase, controlTransferId(request.id, check.id), check.accountId, levels.counterparts[i]!);
  }
  const reservation: Reservation = {
    id: request.id,
    quotaId: quota.id,
    amount: request.amount,
    phase,
    controlIds: levels.controlIds,
    dimensions: levels.dims,
    fiscalYear: quota.fiscalYear,
  };
  return { reservation, transfers, checks: levels.checks };
}

/**
 * The id of a reservation's transfer on a control (its post/void add `.post`/`.void`).
 *
 * @example
 * ```ts
 * controlTransferId("pay:P001", "101001-302"); // "pay:P001~101001-302"
 * ```
 */
export function controlTransferId(reservationId: string, controlId: string): string {
  return `${reservationId}~${controlId}`;
}

// Object literals rather than spreads: this runs once per payment of million-row imports.
function transfer(request: ReserveRequest, phase: "pending" | "posted", id: string, debit: string, credit: string): TransferInput {
  const t: { -readonly [K in keyof TransferInput]: TransferInput[K] } = {
    id,
    phase,
    debitAccountId: debit,
    creditAccountId: credit,
    amount: request.amount,
    date: request.date,
  };
  if (request.expiresOn !== undefined && phase === "pending") t.expiresOn = request.expiresOn;
  if (request.references !== undefined) t.references = request.references;
  return t;
}

/** What a reservation touches besides its amount: the same for every unrefined reservation of a quota. */
interface Levels {
  readonly dims: Dimensions;
  readonly controlIds: readonly string[];
  /** The line first, then each matching control. Shared and frozen: callers must not mutate. */
  readonly checks: ReservationCheck[];
  /** The credit account of each level's transfer, in the order of `checks`. */
  readonly counterparts: readonly string[];
}

/** Per quota line (immutable values), the levels of an unrefined reservation, per controls list. */
const LEVELS = new WeakMap<QuotaLine, { readonly controls: readonly QuotaControl[]; readonly levels: Levels }>();

function resolveLevels(quota: QuotaLine, economicCode: string | undefined, controls: readonly QuotaControl[]): Levels {
  const refined = economicCode !== undefined && economicCode !== "" && economicCode !== quota.economicCode;
  if (!refined) {
    const cached = LEVELS.get(quota);
    if (cached !== undefined && cached.controls === controls) return cached.levels;
  }
  const dims = reservationDimensions(quota, refined ? economicCode : undefined);
  const matched = matchingControls(quota.id, dims, controls);
  const line = quotaAccountIds(quota.id);
  const checks: ReservationCheck[] = [{ kind: "quota", id: quota.id, accountId: line.line, policy: "absolute" }];
  const counterparts = [line.spent];
  for (const c of matched) {
    const ids = controlAccountIds(c.id);
    checks.push({ kind: "control", id: c.id, accountId: ids.control, policy: c.policy });
    counterparts.push(ids.spent);
  }
  const levels: Levels = Object.freeze({
    dims: Object.freeze(dims),
    controlIds: Object.freeze(matched.map((c) => c.id)),
    checks: Object.freeze(checks) as ReservationCheck[],
    counterparts: Object.freeze(counterparts),
  });
  if (!refined) LEVELS.set(quota, { controls, levels });
  return levels;
}

function reservationDimensions(quota: QuotaLine, economicCode: string | undefined): Dimensions {
  const dims: Record<string, string> = Object.assign({}, quotaDimensions(quota));
  if (economicCode !== undefined) {
    if (!(economicCode.length > quota.economicCode.length && economicCode.startsWith(quota.economicCode))) {
      throw new JincaiError(BudgetErrorCode.INVALID_REFINEMENT, `${economicCode} does not refine ${quota.economicCode}`, {
        details: { quotaId: quota.id, quotaEconomicCode: quota.economicCode, economicCode },
      });
    }
    dims.economicCode = economicCode;
  }
  for (const d of REQUIRED_DIMENSIONS) {
    if (dims[d] === undefined || dims[d] === "") throw missing(quota.id, d, undefined);
  }
  return dims;
}

function matchingControls(quotaId: string, dims: Dimensions, controls: readonly QuotaControl[]): QuotaControl[] {
  const out: QuotaControl[] = [];
  for (const c of controls) {
    const m = matchControl(c, dims);
    if (m === true) out.push(c);
    else if (m !== false) throw missing(quotaId, m.missing, c.id);
  }
  return out;
}

function missing(quotaId: string, dimension: string, controlId: string | undefined): JincaiError {
  const why = controlId === undefined ? "is required" : `is needed by control ${controlId}`;
  return new JincaiError(BudgetErrorCode.MISSING_DIMENSION, `dimension ${dimension} ${why} and is missing`, {
    details: { quotaId, dimension, ...(controlId === undefined ? {} : { controlId }) },
  });
}
