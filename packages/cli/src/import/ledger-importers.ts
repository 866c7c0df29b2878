/**
 * Importers that move amounts: quotas (指标, loaded as limited ledger accounts) and payments
 * (支付, reserved and posted against their quota through availability control). The rules are
 * the budget and treasury packages'; this file only translates CSV rows into their inputs and
 * their results into row outcomes with the field to point at.
 */
import { PAYMENT_TYPES, QUOTA_SOURCES, loadQuota, validateQuotaLine } from "@jincai/budget";
import type { QuotaIssue, QuotaLine } from "@jincai/budget";
import { FUND_TYPES, findFundType, formatFen, isJincaiError } from "@jincai/core";
import type { PaymentRow, QuotaRow, StoreTx } from "@jincai/core";
import { advancePayment, applyPayments, loadPaymentContext, refundPayments } from "@jincai/treasury";
import type { PaymentImportRow, PaymentItemResult, RefundItem } from "@jincai/treasury";
import type { JincaiConfig } from "../config";
import { loadReferenceData } from "../reference-data";
import { lookupCode } from "./lookup-code";
import type { Importer, RowOutcome } from "./row-outcome";

const QUOTA_FIELDS: Readonly<Record<string, string>> = {
  id: "quota_id", agency: "agency_code", fundType: "fund_type", functionCode: "function_code",
  economicCode: "economic_code", govEconomicCode: "gov_economic_code", projectCode: "project_code",
  amount: "amount", source: "source", paymentType: "payment_type", fiscalYear: "fiscal_year", documentNumber: "doc_no",
};

/**
 * Prepares the quota importer for one file.
 *
 * @example
 * ```ts
 * const importer = await quotaImporter(tx, config);
 * ```
 */
export async function quotaImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<QuotaRow>> {
  const ref = await loadReferenceData(tx, config.fiscalYear);
  const context = { codes: ref.codes, agencies: ref.agencies, fundTypes: FUND_TYPES };
  return {
    async apply(rows) {
      const out: RowOutcome[] = [];
      for (const row of rows) {
        const built = quotaLine(row, config, ref);
        if ("rejected" in built) {
          out.push(built.rejected);
          continue;
        }
        const problem = quotaProblem(validateQuotaLine(built.line, context), built);
        if (problem !== undefined) {
          out.push(problem);
          continue;
        }
        const line = built.line;
        try {
          out.push({ status: (await loadQuota(tx, line, context)).status });
        } catch (error) {
          if (!isJincaiError(error)) throw error;
          if (error.code === "BUDGET_PERIOD_CLOSED") {
            const dated = row.issued_on !== undefined ? `issued_on ${line.date}` : `its date ${line.date} (no issued_on, so 1 January)`;
            out.push({ status: "rejected", code: error.code, field: "issued_on", message: `quota ${line.id}: ${dated} is in a closed period` });
          } else out.push({ status: "rejected", code: error.code, field: "quota_id", message: error.message });
        }
      }
      return out;
    },
  };
}

/** A quota line built from a row, and how its government economic code was come by. */
interface BuiltQuotaLine {
  readonly line: QuotaLine;
  /** The row left gov_economic_code empty: the code was derived from economic_code (or could not be). */
  readonly derivedGov: boolean;
  /** Why the derivation failed, when it did for a reason other than the codes themselves. */
  readonly mappingProblem?: { readonly code: string; readonly message: string };
}

function quotaLine(row: QuotaRow, config: JincaiConfig, ref: Awaited<ReturnType<typeof loadReferenceData>>): BuiltQuotaLine | { rejected: RowOutcome } {
  const reject = (code: string, field: string, message: string) => ({ rejected: { status: "rejected" as const, code, field, message } });
  if (row.fiscal_year !== config.fiscalYear) {
    return reject("BUDGET_INVALID_QUOTA", "fiscal_year", `fiscal_year: ${row.fiscal_year} is not this database's fiscal year ${config.fiscalYear} (jincai init --year)`);
  }
  const source = lookupCode(QUOTA_SOURCES, row.source ?? "年初预算");
  if (source === undefined) return reject("BUDGET_UNKNOWN_SOURCE", "source", `source: unknown 指标来源 "${row.source}"`);
  const paymentType = lookupCode(PAYMENT_TYPES, row.payment_type ?? "直接支付");
  if (paymentType === undefined) return reject("BUDGET_UNKNOWN_PAYMENT_TYPE", "payment_type", `payment_type: unknown 支付方式 "${row.payment_type}"`);
  const executable = parseFlag(row.executable);
  if (executable === undefined) return reject("BUDGET_INVALID_QUOTA", "executable", `executable: "${row.executable}" is not 是/否`);
  const fundType = findFundType(row.fund_type)?.code ?? row.fund_type;
  let govEconomicCode = row.gov_economic_code ?? "";
  const derivedGov = govEconomicCode === "";
  const economicCode = row.economic_code ?? "";
  const unitType = ref.agencies.find(row.agency_code)?.unitType;
  let mappingProblem: BuiltQuotaLine["mappingProblem"];
  if (derivedGov && economicCode !== "" && unitType !== undefined) {
    try {
      govEconomicCode = ref.codes.mapEconomicCode(economicCode, unitType, row.fiscal_year);
    } catch (error) {
      // An unknown economic code is reported by the validation, as for any code; a code the
      // mapping table lacks is reported as that.
      if (!isJincaiError(error)) throw error;
      mappingProblem = { code: error.code, message: error.message };
    }
  }
  const line: QuotaLine = {
    id: row.quota_id,
    documentNumber: row.doc_no ?? "",
    source,
    fiscalYear: row.fiscal_year,
    division: config.division,
    agency: row.agency_code,
    fundType,
    functionCode: row.function_code,
    economicCode,
    govEconomicCode,
    projectCode: row.project_code ?? "",
    paymentType,
    amount: row.amount,
    executable,
    date: row.issued_on ?? `${row.fiscal_year}-01-01`,
  };
  return mappingProblem === undefined ? { line, derivedGov } : { line, derivedGov, mappingProblem };
}

/**
 * The one problem a rejected quota row reports. A government economic code the row did not give
 * was derived from its economic code and unit type, so its problems follow from others (an
 * unknown agency, an unknown economic code) and are reported only when nothing else is wrong,
 * at the economic code's column and saying where the code came from.
 */
function quotaProblem(issues: readonly QuotaIssue[], built: BuiltQuotaLine): RowOutcome | undefined {
  const own = built.derivedGov ? issues.filter((i) => i.field !== "govEconomicCode") : issues;
  const issue = own[0];
  if (issue !== undefined) return { status: "rejected", code: issue.code, field: QUOTA_FIELDS[issue.field] ?? "quota_id", message: issue.message };
  if (issues.length === 0) return undefined;
  const economic = built.line.economicCode;
  if (built.mappingProblem !== undefined) {
    return {
      status: "rejected", code: built.mappingProblem.code, field: "economic_code",
      message: `economic_code: ${built.mappingProblem.message}; give gov_economic_code (政府经济科目)`,
    };
  }
  const gov = issues[0]!;
  return {
    status: "rejected", code: gov.code, field: "economic_code",
    message: `gov_economic_code derived from economic_code ${economic}: ${gov.message}; give gov_economic_code (政府经济科目)`,
  };
}

function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined || text === "") return true;
  if (["是", "true", "1", "yes", "Y", "y"].includes(text)) return true;
  if (["否", "false", "0", "no", "N", "n"].includes(text)) return false;
  return undefined;
}

const PAYMENT_FIELDS: Readonly<Record<string, string>> = {
  TREASURY_EXCEEDS_QUOTA: "amount", TREASURY_EXCEEDS_CONTROL: "amount", BUDGET_EXCEEDS_QUOTA: "amount",
  BUDGET_EXCEEDS_CONTROL: "amount", TREASURY_QUOTA_NOT_FOUND: "quota_id", TREASURY_QUOTA_AMBIGUOUS: "quota_id",
  TREASURY_CODE_MISMATCH: "function_code", BUDGET_MISSING_DIMENSION: "agency_code", BUDGET_NOT_EXECUTABLE: "quota_id",
  TREASURY_INVALID_TRANSITION: "status",
};
/** A payment's status as an export states it. */
type RowStatus = "submitted" | "approved" | "paid" | "refunded" | "rejected";
const STATUSES: Readonly<Record<string, RowStatus>> = {
  "": "paid", 已支付: "paid", paid: "paid", 已提交: "submitted", submitted: "submitted", 已审核: "approved", approved: "approved",
  已退票: "refunded", refunded: "refunded", 已退回: "rejected", 已作废: "rejected", rejected: "rejected",
};
const STATUS_NAMES = "已提交, 已审核, 已支付, 已退票, 已退回, 已作废";

/**
 * Prepares the payment importer for one file: quotas are matched through an index built once.
 *
 * @example
 * ```ts
 * const importer = await paymentImporter(tx, config);
 * ```
 */
export async function paymentImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<PaymentRow>> {
  const context = await loadPaymentContext(tx, { fiscalYear: config.fiscalYear });
  return {
    async apply(rows) {
      const out = new Array<RowOutcome>(rows.length);
      const inputs: PaymentImportRow[] = [];
      const at: number[] = [];
      rows.forEach((row, i) => {
        const status = STATUSES[row.status ?? ""];
        if (status === undefined) {
          out[i] = { status: "rejected", code: "TREASURY_INVALID_PAYMENT", field: "status", message: `status: unknown payment status "${row.status}" (${STATUS_NAMES})` };
          return;
        }
        if (status === "refunded" && row.refund_date === undefined) {
          out[i] = { status: "rejected", code: "TREASURY_INVALID_REFUND", field: "refund_date", message: "refund_date: a refunded payment needs its 退票日期" };
          return;
        }
        inputs.push(paymentInput(row, status, config));
        at.push(i);
      });
      const results = await applyPayments(tx, inputs, context);
      // A payment stored earlier (yesterday's export, or earlier in this file) in an earlier
      // status moves on to the row's: submitted → approved, paid or rejected. An approved or
      // rejected row was first stored as submitted (when new). Rare, so one row at a time.
      for (let k = 0; k < results.length; k++) {
        const status = STATUSES[rows[at[k]!]!.status ?? ""]!;
        const first = results[k]!;
        if (status === "approved" || status === "rejected") {
          if (first.status !== "ok" && first.status !== "exists" && first.status !== "TREASURY_PAYMENT_CONFLICT") continue;
          const moved = await advancePayment(tx, inputs[k]!, status, context, k);
          results[k] = moved.status === "exists" && first.status === "ok" ? first : moved;
        } else if (first.status === "TREASURY_PAYMENT_CONFLICT" && inputs[k]!.status === "paid") {
          results[k] = await advancePayment(tx, inputs[k]!, "paid", context, k);
        }
      }
      const refunds: RefundItem[] = [];
      const refundAt: number[] = [];
      for (let k = 0; k < results.length; k++) {
        const i = at[k]!;
        const row = rows[i]!;
        out[i] = outcome(row, results[k]!);
        if (out[i]!.status !== "rejected" && STATUSES[row.status ?? ""] === "refunded" && row.refund_date !== undefined) {
          refunds.push({ paymentNumber: row.payment_id, step: { refundNumber: `${row.payment_id}-R`, date: row.refund_date } });
          refundAt.push(i);
        }
      }
      // The chunk's refunds go to the ledger in one batch (each row keeps its own outcome).
      const refunded = refunds.length > 0 ? await refundPayments(tx, refunds, context) : [];
      refunded.forEach((r, k) => {
        const i = refundAt[k]!;
        if ("error" in r) out[i] = { status: "rejected", code: r.error.code, field: "refund_date", message: `refund_date: ${r.error.message}` };
        // A payment imported before as paid and now refunded: the refund is this row's change.
        else if (r.applied && out[i]!.status === "exists") out[i] = OK;
      });
      return out;
    },
  };
}

// Object literal and assignments, not spreads: this runs once per row of million-row files.
function paymentInput(row: PaymentRow, status: RowStatus, config: JincaiConfig): PaymentImportRow {
  const input: { -readonly [K in keyof PaymentImportRow]: PaymentImportRow[K] } = {
    paymentNumber: row.payment_id,
    date: row.paid_on,
    payeeName: row.payee_name ?? "",
    payeeAccount: row.payee_account ?? "",
    amount: row.amount,
    purpose: row.summary ?? "",
    fiscalYear: config.fiscalYear,
    agency: row.agency_code,
    fundType: fundCodeOf(row.fund_type),
    functionCode: row.function_code,
    status: status === "paid" || status === "refunded" ? "paid" : "submitted",
  };
  if (row.quota_id !== undefined) input.quotaId = row.quota_id;
  if (row.economic_code !== undefined) input.economicCode = row.economic_code;
  if (row.gov_economic_code !== undefined) input.govEconomicCode = row.gov_economic_code;
  if (row.project_code !== undefined) input.projectCode = row.project_code;
  return input;
}

// A file repeats a handful of fund names or codes: translate each once (bounded).
const FUND_CODES = new Map<string, string>();
function fundCodeOf(value: string): string {
  let code = FUND_CODES.get(value);
  if (code === undefined) {
    code = findFundType(value)?.code ?? value;
    if (FUND_CODES.size < 1000) FUND_CODES.set(value, code);
  }
  return code;
}

const OK: RowOutcome = Object.freeze({ status: "ok" });
const EXISTS: RowOutcome = Object.freeze({ status: "exists" });

function outcome(row: PaymentRow, result: PaymentItemResult): RowOutcome {
  if (result.status !== "ok" && result.status !== "exists") {
    return { status: "rejected", code: result.status, field: rejectedField(result), message: rejection(row, result) };
  }
  const warnings = result.warnings?.map((w) => `${w.code} ${w.controlId ?? ""}`.trim());
  if (warnings && warnings.length > 0) return { status: result.status, warnings };
  return result.status === "ok" ? OK : EXISTS;
}

/** The payment column by the domain field a rejection names (a code mismatch says which code). */
const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  agency: "agency_code", fundType: "fund_type", functionCode: "function_code", economicCode: "economic_code",
  govEconomicCode: "gov_economic_code", projectCode: "project_code", fiscalYear: "paid_on", quotaId: "quota_id",
  paymentNumber: "payment_id", payeeName: "payee_name", payeeAccount: "payee_account", date: "paid_on", amount: "amount",
  purpose: "summary",
};

function rejectedField(result: PaymentItemResult): string {
  const named = result.details?.["field"] ?? result.details?.["dimension"];
  const column = typeof named === "string" ? FIELD_COLUMNS[named] : undefined;
  return column ?? PAYMENT_FIELDS[result.status] ?? "payment_id";
}

function rejection(row: PaymentRow, result: PaymentItemResult): string {
  const d = result.details ?? {};
  const quota = result.quotaId ?? (typeof d["quotaId"] === "string" ? d["quotaId"] : undefined);
  const on = quota !== undefined ? ` on quota ${quota}` : "";
  if (typeof d["available"] === "bigint" || typeof d["available"] === "string") {
    const available = BigInt(d["available"] as bigint | string);
    return `payment ${row.payment_id}: amount ${formatFen(row.amount)} exceeds the ${formatFen(available)} available${on}`;
  }
  if (result.message !== undefined) return result.message;
  const extra = Object.entries(d)
    .filter(([k]) => k !== "quotaId")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  return `payment ${row.payment_id}: ${result.status}${on}${extra ? ` (${extra})` : ""}`;
}
