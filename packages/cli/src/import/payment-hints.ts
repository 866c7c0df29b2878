/**
 * Planning a payments import's rows on its reading thread. The main thread is the import's
 * bound (the ledger's checks and SQLite's writes), while the thread that reads the file waits
 * for it most of the time; each payment's plan depends only on its row and on the file's
 * context (the year's quota lines, controls and codes, which a payments import does not change).
 * So the main thread hands the context to the reading thread once, the reading thread works out
 * each row's hint with the treasury's own `hintPayment` (the first half of `planPayment`, without
 * the reservation the main thread plans anyway) and sends, beside the rows, what it found:
 * each row's quota line (by its place in the context's list), the economic code when it refines
 * the quota's, and the references memo. The main thread then plans only the reservations
 * (`planPayments` with hints); a row the reading thread could not plan is planned again in full
 * there, so its rejection comes out where and as it always did.
 */
import type { QuotaControl, QuotaLine } from "@jincai/budget";
import type { CodeEntry, PaymentRow } from "@jincai/core";
import { createPaymentContext, hintPayment } from "@jincai/treasury";
import type { PaymentPlanHints } from "@jincai/treasury";
import { yearCodes } from "../reference-data";
import { paymentInputs } from "./payment-inputs";

/** What the reading thread plans a file's payments against: the main thread's context, as data. */
export interface PaymentHintsData {
  readonly fiscalYear: number;
  /** The year's quota lines, in the order hints name them by. */
  readonly quotas: readonly QuotaLine[];
  /** The controls in force. */
  readonly controls: readonly QuotaControl[];
  /** The codes the bureau imported (the starter list is the same on both threads). */
  readonly importedCodes: readonly CodeEntry[];
}

/** A batch's hints as posted: typed arrays handed over without a copy. */
export interface EncodedPaymentHints {
  /** Per treasury input (not per row: rows refused before planning have none), the quota's place, or -1. */
  readonly quota: Int32Array;
  /** The memos of the inputs with a quota, in order, joined by U+0000 (a memo is JSON: it never holds one). */
  readonly memos: string;
  /** The inputs whose economic code refines their quota's, and that code. */
  readonly refined: readonly (readonly [number, string])[];
}

const SEP = "\u0000";

/**
 * The reading thread's planner of a file's payment batches.
 *
 * @example
 * ```ts
 * const hint = paymentHinter({ fiscalYear: 2026, quotas, controls: [], importedCodes: [] });
 * const { encoded, transfer } = hint(batch.rows.map((r) => r.value));
 * port.postMessage({ type: "batch", batch: rows, prepared: encoded }, transfer);
 * ```
 */
export function paymentHinter(data: PaymentHintsData): (rows: readonly PaymentRow[]) => { encoded: EncodedPaymentHints; transfer: ArrayBuffer[] } {
  const context = createPaymentContext(data.quotas, data.controls, yearCodes(data.fiscalYear, data.importedCodes));
  const place = new Map<string, number>(data.quotas.map((q, i) => [q.id, i]));
  return (rows) => {
    const { inputs } = paymentInputs(rows, data.fiscalYear);
    const quota = new Int32Array(inputs.length).fill(-1);
    const memos: string[] = [];
    const refined: [number, string][] = [];
    // A row refused here is planned again on the main thread, where its error is reported: no
    // stack trace is worth taking for it (as in planPayments).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      for (let k = 0; k < inputs.length; k++) {
        const input = inputs[k]!;
        let hint;
        try {
          hint = hintPayment(input, context);
        } catch {
          continue;
        }
        const at = place.get(hint.quotaId);
        if (at === undefined) continue;
        quota[k] = at;
        memos.push(hint.memo);
        if (hint.economicCode !== data.quotas[at]!.economicCode) refined.push([k, hint.economicCode]);
      }
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    return { encoded: { quota, memos: memos.join(SEP), refined }, transfer: [quota.buffer as ArrayBuffer] };
  };
}

/**
 * The hints of a batch of `count` treasury inputs, against the main thread's own quota lines (the
 * same list the reading thread was given).
 *
 * @example
 * ```ts
 * const hints = decodePaymentHints(message.prepared, quotas, inputs.length);
 * await applyPayments(tx, inputs, context, fresh, { hints });
 * ```
 */
export function decodePaymentHints(encoded: EncodedPaymentHints, quotas: readonly QuotaLine[], count: number): PaymentPlanHints | undefined {
  // Rows are refused before planning the same way on both threads: a different count is a bug,
  // and the rows are then planned in full rather than against the wrong hints.
  if (encoded.quota.length !== count) return undefined;
  const lines = new Array<QuotaLine | undefined>(count);
  const memos = new Array<string | undefined>(count);
  const economicCodes = new Array<string | undefined>(count);
  const parts = encoded.memos.split(SEP);
  let m = 0;
  for (let k = 0; k < count; k++) {
    const at = encoded.quota[k]!;
    if (at < 0) continue;
    lines[k] = quotas[at];
    memos[k] = parts[m++];
  }
  for (const [k, code] of encoded.refined) economicCodes[k] = code;
  return { quotas: lines, economicCodes, memos };
}
