/**
 * The payment importer (支付): rows are reserved and posted against their quota through
 * availability control, move stored payments on through their lifecycle, and refund. The rules
 * are the treasury package's; this file only translates rows into its inputs and its results
 * into row outcomes with the column to point at.
 */
import { findQuotas, loadQuotaControls } from "@jincai/budget";
import { formatFen } from "@jincai/core";
import type { PaymentRow, StoreTx } from "@jincai/core";
import {
  advancePayments,
  applyPayments,
  createPaymentContext,
  isOverspent,
  refundPayments,
  retryAfterFreeing,
  shortfallOf,
  TreasuryWarningCode,
} from "@jincai/treasury";
import type { AdvanceItem, FreshPayments, PaymentContext, PaymentImportRow, PaymentItemResult, RefundItem, RefundStep, RetryRow } from "@jincai/treasury";
import type { JincaiConfig } from "../config";
import { loadReferenceData } from "../reference-data";
import { decodePaymentHints } from "./payment-hints";
import type { EncodedPaymentHints } from "./payment-hints";
import { paymentInputs } from "./payment-inputs";
import type { RowStatus } from "./payment-inputs";
import type { Importer, RowOutcome, RowWarning } from "./row-outcome";

const PAYMENT_FIELDS: Readonly<Record<string, string>> = {
  TREASURY_EXCEEDS_QUOTA: "amount", TREASURY_EXCEEDS_CONTROL: "amount", BUDGET_EXCEEDS_QUOTA: "amount",
  BUDGET_EXCEEDS_CONTROL: "amount", TREASURY_QUOTA_NOT_FOUND: "quota_id", TREASURY_QUOTA_AMBIGUOUS: "quota_id",
  TREASURY_CODE_MISMATCH: "function_code", BUDGET_MISSING_DIMENSION: "agency_code", BUDGET_NOT_EXECUTABLE: "quota_id",
  TREASURY_INVALID_TRANSITION: "status", TREASURY_PERIOD_CLOSED: "paid_on",
};
/** Why a row without 指标编号 found no quota by its dimensions (a stored payment's row takes the payment's). */
const UNMATCHED: ReadonlySet<string> = new Set(["TREASURY_QUOTA_AMBIGUOUS", "TREASURY_QUOTA_NOT_FOUND", "BUDGET_MISSING_DIMENSION"]);
/** Why a row moved on as a stored payment's was not planned (a new payment keeps it). */
const UNPLANNED: ReadonlySet<string> = new Set(["BUDGET_OUTSIDE_FISCAL_YEAR", ...UNMATCHED]);

/**
 * Prepares the payment importer for one file: quotas are matched through an index built once.
 *
 * @example
 * ```ts
 * const importer = await paymentImporter(tx, config);
 * ```
 */
export async function paymentImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<PaymentRow>> {
  // The year's codes: a payment refining a quota held at economic 类 must name a 款 of the list.
  const { codes, importedCodes } = await loadReferenceData(tx, config.fiscalYear);
  const quotas = await findQuotas(tx, { fiscalYear: String(config.fiscalYear) });
  const controls = await loadQuotaControls(tx);
  const context = createPaymentContext(quotas, controls, codes);
  return {
    // The reading thread plans the rows ahead against the same context (see payment-hints).
    threadPlan: { kind: "payments", data: { fiscalYear: config.fiscalYear, quotas, controls, importedCodes } },
    async apply(rows, prepared) {
      const { out, inputs, at, statuses } = paymentInputs(rows, config.fiscalYear);
      const hints = prepared === undefined ? undefined : decodePaymentHints(prepared as EncodedPaymentHints, quotas, inputs.length);
      // The paid payments this chunk writes as new: its refunds need not read them back.
      const fresh: FreshPayments = new Map();
      const results = await applyPayments(tx, inputs, context, fresh, hints === undefined ? {} : { hints });
      // A payment stored earlier (yesterday's export, or earlier in this file) in an earlier
      // status moves on to the row's: submitted → approved, paid or rejected. An approved or
      // rejected row was first stored as submitted (when new). A submitted row of a payment
      // stored further on is an older export's: a duplicate when its date agrees.
      const advances: AdvanceItem[] = [];
      for (let k = 0; k < results.length; k++) {
        const status = statuses[k]!;
        const first = results[k]!.status;
        // A row without 指标编号 whose dimensions match several lines, or none, or are not all
        // given, is of its stored payment's quota if the payment is stored (its dimensions must
        // be that quota's): looked up with the rows below. Rows planned never come here.
        if (UNMATCHED.has(first) && inputs[k]!.quotaId === undefined) {
          advances.push({ row: inputs[k]!, to: status === "refunded" ? "paid" : status, index: k });
        } else if (status === "approved" || status === "rejected") {
          if (first === "ok" || first === "exists" || first === "TREASURY_PAYMENT_CONFLICT") advances.push({ row: inputs[k]!, to: status, index: k });
          // A rejection may come after the year ends (releasing a reservation is not bound to it):
          // for a stored payment it moves on; a new payment dated then stays refused as planned.
          else if (status === "rejected" && first === "BUDGET_OUTSIDE_FISCAL_YEAR" && inputs[k]!.date > `${config.fiscalYear}-12-31`) {
            advances.push({ row: inputs[k]!, to: status, index: k });
          }
        } else if (first === "TREASURY_PAYMENT_CONFLICT" && inputs[k]!.status === "paid") advances.push({ row: inputs[k]!, to: "paid", index: k });
        // An earlier export's row of a payment that has moved on (or was imported as paid).
        else if (first === "TREASURY_PAYMENT_CONFLICT" && status === "submitted") advances.push({ row: inputs[k]!, to: "submitted", index: k });
      }
      if (advances.length > 0) {
        for (const moved of await advancePayments(tx, advances, context)) {
          // A new approved or rejected row was stored as submitted: that is its change. A new
          // payment is not found: it keeps why it could not be planned.
          if (moved.status === "TREASURY_PAYMENT_NOT_FOUND" && UNPLANNED.has(results[moved.index]!.status)) continue;
          if (!(moved.status === "exists" && results[moved.index]!.status === "ok")) results[moved.index] = moved;
        }
      }
      const refunds: RefundItem[] = [];
      const refundAt: number[] = [];
      for (let k = 0; k < results.length; k++) {
        const i = at[k]!;
        const row = rows[i]!;
        out[i] = outcome(row, results[k]!);
        if (out[i]!.status !== "rejected" && statuses[k] === "refunded" && row.refund_date !== undefined) {
          refunds.push({ paymentNumber: row.payment_id, step: refundStep(row) });
          refundAt.push(i);
        }
      }
      // The chunk's refunds go to the ledger in one batch (each row keeps its own outcome).
      const refunded = refunds.length > 0 ? await refundPayments(tx, refunds, context, fresh) : [];
      const freed = new Set<number>(); // rows (by position in `rows`) that gave an amount back
      refunded.forEach((r, k) => {
        const i = refundAt[k]!;
        if ("error" in r) out[i] = refundRejection(rows[i]!, r.error);
        else if (r.applied) {
          freed.add(i);
          // A payment imported before as paid and now refunded: the refund is this row's change.
          if (out[i]!.status === "exists") out[i] = OK;
        }
      });
      // Payments refused only because this chunk's refunds and rejections were applied after them
      // (looked into only when the chunk has both).
      if ((freed.size > 0 || statuses.includes("rejected")) && results.some(isOverspent)) {
        const chunk: RetryRow[] = inputs.map((input, k) => {
          const overspent = isOverspent(results[k]!);
          const freedRow = freed.has(at[k]!) || (statuses[k] === "rejected" && out[at[k]!]!.status === "ok");
          return overspent ? { input, freed: freedRow, overspent, shortfall: shortfallOf(results[k]!) } : { input, freed: freedRow, overspent };
        });
        const retried = await retryAfterFreeing(tx, chunk, context, fresh);
        for (const [k, result] of retried) out[at[k]!] = outcome(rows[at[k]!]!, result);
        // A new approved, rejected or refunded row let through this way takes its next step now.
        await followUp(tx, [...retried.keys()].filter((k) => out[at[k]!]!.status === "ok"), { rows, inputs, at, statuses, out, context, fresh });
      }
      return out;
    },
  };
}

/** What {@link followUp} needs of a chunk. */
interface Chunk {
  readonly rows: readonly PaymentRow[];
  readonly inputs: readonly PaymentImportRow[];
  readonly at: readonly number[];
  readonly statuses: readonly RowStatus[];
  readonly out: RowOutcome[];
  readonly context: PaymentContext;
  readonly fresh: FreshPayments;
}

/**
 * The step after a retried row's reservation or payment: an approved or rejected row moves its
 * payment on, a refunded one is refunded (`ks`: the rows, by position among the inputs).
 */
async function followUp(tx: StoreTx, ks: readonly number[], c: Chunk): Promise<void> {
  const advances: AdvanceItem[] = [];
  const refunds: RefundItem[] = [];
  const refundAt: number[] = [];
  for (const k of ks) {
    const status = c.statuses[k]!;
    const row = c.rows[c.at[k]!]!;
    if (status === "approved" || status === "rejected") advances.push({ row: c.inputs[k]!, to: status, index: k });
    else if (status === "refunded" && row.refund_date !== undefined) {
      refunds.push({ paymentNumber: row.payment_id, step: refundStep(row) });
      refundAt.push(c.at[k]!);
    }
  }
  if (advances.length > 0) {
    for (const moved of await advancePayments(tx, advances, c.context)) {
      if (moved.status !== "exists") c.out[c.at[moved.index]!] = outcome(c.rows[c.at[moved.index]!]!, moved);
    }
  }
  if (refunds.length === 0) return;
  (await refundPayments(tx, refunds, c.context, c.fresh)).forEach((r, n) => {
    const i = refundAt[n]!;
    if ("error" in r) c.out[i] = refundRejection(c.rows[i]!, r.error);
  });
}

/**
 * The refund a 已退票 row gives: its 退票编号 (else `<payment number>-R`), its 退票日期, and its
 * 退票金额 when only part of the payment came back (else the whole of what is left).
 */
function refundStep(row: PaymentRow): RefundStep {
  const step: { -readonly [K in keyof RefundStep]: RefundStep[K] } = { refundNumber: row.refund_number ?? `${row.payment_id}-R`, date: row.refund_date! };
  if (row.refund_amount !== undefined) step.amount = row.refund_amount;
  return step;
}

/** A refused refund, at the column it is about (its amount, its number, or else its date). */
function refundRejection(row: PaymentRow, error: { readonly code: string; readonly message: string; readonly details?: Readonly<Record<string, unknown>> }): RowOutcome {
  const named = error.details?.["field"];
  const field =
    named === "amount" && row.refund_amount !== undefined ? "refund_amount" : named === "refundNumber" && row.refund_number !== undefined ? "refund_number" : "refund_date";
  return { status: "rejected", code: error.code, field, message: `${field}: ${error.message}` };
}

const OK: RowOutcome = Object.freeze({ status: "ok" });
const EXISTS: RowOutcome = Object.freeze({ status: "exists" });

function outcome(row: PaymentRow, result: PaymentItemResult): RowOutcome {
  if (result.status !== "ok" && result.status !== "exists") {
    return { status: "rejected", code: result.status, field: rejectedField(row, result), message: rejection(row, result) };
  }
  // A control's threshold is crossed by the row's amount: shown at the amount.
  const warnings = result.warnings?.map((w): RowWarning => {
    const used = `${formatFen(w.used)} of ${formatFen(w.limit)} used`;
    const what = w.percent !== undefined ? `at ${w.percent}% of its limit, ${used}` : `past its advisory limit, ${used}`;
    return { code: w.code, field: "amount", message: `control ${w.controlId}: ${what}` };
  });
  if (warnings && warnings.length > 0) return { status: result.status, warnings };
  // An older file's row of a payment that has moved on: a duplicate, with what it says that the books do not.
  if (result.details?.["olderRow"] === true && result.message !== undefined) {
    return { status: result.status, warnings: [{ code: TreasuryWarningCode.OLDER_ROW, field: "paid_on", message: result.message }] };
  }
  return result.status === "ok" ? OK : EXISTS;
}

/** The payment column by the domain field a rejection names (a code mismatch says which code). */
const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  agency: "agency_code", fundType: "fund_type", functionCode: "function_code", economicCode: "economic_code",
  govEconomicCode: "gov_economic_code", projectCode: "project_code", fiscalYear: "paid_on", quotaId: "quota_id",
  paymentNumber: "payment_id", payeeName: "payee_name", payeeAccount: "payee_account", date: "paid_on", amount: "amount",
  purpose: "summary",
};

function rejectedField(row: PaymentRow, result: PaymentItemResult): string {
  const named = result.details?.["field"] ?? result.details?.["dimension"];
  const column = typeof named === "string" ? FIELD_COLUMNS[named] : undefined;
  const field = column ?? PAYMENT_FIELDS[result.status] ?? "payment_id";
  // Matched by its dimensions (no 指标编号 in the row): the match starts at the agency.
  return field === "quota_id" && row.quota_id === undefined ? "agency_code" : field;
}

function rejection(row: PaymentRow, result: PaymentItemResult): string {
  const d = result.details ?? {};
  const quota = result.quotaId ?? (typeof d["quotaId"] === "string" ? d["quotaId"] : undefined);
  const on = quota !== undefined ? ` on quota ${quota}` : "";
  if (typeof d["available"] === "bigint" || typeof d["available"] === "string") {
    const available = BigInt(d["available"] as bigint | string);
    // A parent control's limit is the one passed: name it, not the quota line.
    const where = typeof d["controlId"] === "string" ? ` under control ${d["controlId"]}` : on;
    return `payment ${row.payment_id}: amount ${formatFen(row.amount)} exceeds the ${formatFen(available)} available${where}`;
  }
  if (result.message !== undefined) return result.message;
  const extra = Object.entries(d)
    .filter(([k]) => k !== "quotaId")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  return `payment ${row.payment_id}: ${result.status}${on}${extra ? ` (${extra})` : ""}`;
}
