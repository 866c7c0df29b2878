/**
 * The payment importer's first step, the same on the main thread and on the import's reading
 * thread (which plans the rows ahead, see payment-hints): each row's status, the refund columns
 * checked against it, and the treasury's input for the rows that pass. Pure: it reads nothing.
 */
import { findFundType, formatFen } from "@jincai/core";
import type { PaymentRow } from "@jincai/core";
import { stepDateProblem } from "@jincai/treasury";
import type { PaymentImportRow } from "@jincai/treasury";
import type { RowOutcome } from "./row-outcome";

/** A payment's status as an export states it. */
export type RowStatus = "submitted" | "approved" | "paid" | "refunded" | "rejected";
/** The statuses by name (English in lower case), with the other names payment systems export. */
const STATUSES: Readonly<Record<string, RowStatus>> = {
  "": "paid", 已支付: "paid", paid: "paid", 支付成功: "paid", 已清算: "paid", 已付款: "paid",
  已提交: "submitted", submitted: "submitted", 待审核: "submitted", 审核中: "submitted",
  已审核: "approved", approved: "approved", 审核通过: "approved", 已审批: "approved",
  已退票: "refunded", refunded: "refunded", 退票: "refunded",
  已退回: "rejected", 已作废: "rejected", rejected: "rejected", 退回: "rejected", 作废: "rejected", 审核不通过: "rejected",
};
const STATUS_NAMES = "已提交, 已审核, 已支付, 已退票, 已退回, 已作废, or submitted, approved, paid, refunded, rejected; a mapping file's values.status translates others";

/** A chunk's rows as the treasury takes them. */
export interface PaymentInputs {
  /** The outcomes of the rows refused here (by row index); the others are still to be set. */
  readonly out: RowOutcome[];
  /** The treasury's input of each row that passed, in row order. */
  readonly inputs: PaymentImportRow[];
  /** The row index of each input. */
  readonly at: number[];
  /** The status each input's row states. */
  readonly statuses: RowStatus[];
}

/**
 * Reads a chunk's rows into the treasury's inputs, refusing rows whose status or refund columns
 * contradict each other (before anything is applied, so a quarantined row leaves nothing behind).
 *
 * @example
 * ```ts
 * const { inputs, out } = paymentInputs(rows, 2026);
 * inputs[0]?.status; // "paid"
 * out[3]; // { status: "rejected", code: "IMPORT_INVALID_VALUE", field: "status", … } for 已付讫
 * ```
 */
export function paymentInputs(rows: readonly PaymentRow[], fiscalYear: number): PaymentInputs {
  const out = new Array<RowOutcome>(rows.length);
  const inputs: PaymentImportRow[] = [];
  const at: number[] = [];
  const statuses: RowStatus[] = [];
  rows.forEach((row, i) => {
    let status = STATUSES[(row.status ?? "").toLowerCase()];
    if (status === undefined) {
      out[i] = { status: "rejected", code: "IMPORT_INVALID_VALUE", field: "status", message: `status: unknown payment status "${row.status}" (${STATUS_NAMES})` };
      return;
    }
    if (row.refund_date !== undefined && status !== "refunded") {
      // A 退票日期 says the payment came back: with no status that is the row's status; beside
      // another status the row contradicts itself (before, the date was ignored without a word).
      if ((row.status ?? "") === "") status = "refunded";
      else {
        out[i] = { status: "rejected", code: "TREASURY_INVALID_REFUND", field: "refund_date", message: `refund_date: 退票日期 ${row.refund_date} beside status "${row.status}": a refunded payment's status is 已退票 (or leave the status empty)` };
        return;
      }
    }
    if (status !== "refunded" && (row.refund_amount !== undefined || row.refund_number !== undefined)) {
      const field = row.refund_amount !== undefined ? "refund_amount" : "refund_number";
      out[i] = { status: "rejected", code: "TREASURY_INVALID_REFUND", field, message: `${field}: ${field === "refund_amount" ? "退票金额" : "退票编号"} beside status "${row.status}": only a refunded payment (已退票, with its 退票日期) has one` };
      return;
    }
    if (row.refund_amount !== undefined && row.refund_amount > row.amount) {
      out[i] = { status: "rejected", code: "TREASURY_INVALID_REFUND", field: "refund_amount", message: `refund_amount: 退票金额 ${formatFen(row.refund_amount)} is more than the payment's ${formatFen(row.amount)}` };
      return;
    }
    if (status === "refunded" && row.refund_date === undefined) {
      // Missing input (exit 2), like any required cell.
      out[i] = { status: "rejected", code: "IMPORT_REQUIRED", field: "refund_date", message: "refund_date: a refunded payment (已退票) needs its 退票日期" };
      return;
    }
    // Caught before the row's payment is applied, so a quarantined row leaves nothing behind.
    const early = status === "refunded" ? stepDateProblem(row.payment_id, "refund", row.refund_date!, { status: "paid", date: row.paid_on }) : undefined;
    if (early !== undefined) {
      out[i] = { status: "rejected", code: early.code, field: "refund_date", message: `refund_date: ${early.message}` };
      return;
    }
    inputs.push(paymentInput(row, status, fiscalYear));
    at.push(i);
    statuses.push(status);
  });
  return { out, inputs, at, statuses };
}

// Object literal and assignments, not spreads: this runs once per row of million-row files.
function paymentInput(row: PaymentRow, status: RowStatus, fiscalYear: number): PaymentImportRow {
  const input: { -readonly [K in keyof PaymentImportRow]: PaymentImportRow[K] } = {
    paymentNumber: row.payment_id,
    date: row.paid_on,
    payeeName: row.payee_name,
    payeeAccount: row.payee_account,
    amount: row.amount,
    purpose: row.summary ?? "",
    fiscalYear,
    agency: row.agency_code,
    fundType: fundCodeOf(row.fund_type),
    functionCode: row.function_code,
    status: status === "paid" || status === "refunded" ? "paid" : "submitted",
  };
  // No 用途 (no column, or an empty cell) does not contradict a stored payment's purpose.
  if (row.summary === undefined) input.purposeStated = false;
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

