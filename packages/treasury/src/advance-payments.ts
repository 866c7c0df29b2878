/**
 * {@link advancePayment} for many rows at once, for imports: a day's export may move tens of
 * thousands of submitted payments to paid. The payments are read in two store calls, every
 * step is decided in memory, the ledger batches of all of them go in as one checked batch and
 * the new documents in one store call. When that batch is refused, or a payment appears twice,
 * the rows concerned are moved on one by one, so every row gets the outcome it would get alone,
 * in row order.
 */
import type { StoreTx } from "@jincai/core";
import { advancePayment, prepareAdvance } from "./advance-payment";
import type { AdvanceTarget, PreparedAdvance } from "./advance-payment";
import type { PaymentContext } from "./payment-context";
import { paymentRecord } from "./payment-record";
import { findPaymentStates } from "./payment-state";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";

/**
 * One row to move on, with the status it gives its payment and its index in the chunk.
 *
 * @example
 * ```ts
 * const item: AdvanceItem = { row: { ...row, status: "paid", date: "2026-03-05" }, to: "paid", index: 0 };
 * const [result] = await advancePayments(tx, [item], context); // { index: 0, status: "ok", … }
 * ```
 */
export interface AdvanceItem {
  /** The row, as given to `applyPayments`. */
  readonly row: PaymentImportRow;
  /** The status the row gives the payment. */
  readonly to: AdvanceTarget;
  /** The row's index in its chunk, copied to the result. */
  readonly index: number;
}

/**
 * Moves many stored payments on; one result per item, in item order, as {@link advancePayment}
 * gives it.
 *
 * @example
 * ```ts
 * const results = await advancePayments(tx, [{ row, to: "paid", index: 0 }], context);
 * results[0]?.status; // "ok"
 * ```
 */
export async function advancePayments(tx: StoreTx, items: readonly AdvanceItem[], context: PaymentContext): Promise<PaymentItemResult[]> {
  const results = new Array<PaymentItemResult | undefined>(items.length);
  const seen = new Set<string>();
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < items.length; i++) {
    // A second row of the same payment must see the first one applied.
    const number = items[i]!.row.paymentNumber;
    (seen.has(number) ? later : first).push(i);
    seen.add(number);
  }
  const states = await findPaymentStates(tx, first.map((i) => items[i]!.row.paymentNumber));
  const prepared: { readonly at: number; readonly step: PreparedAdvance }[] = [];
  first.forEach((i, k) => {
    const { row, to, index } = items[i]!;
    const step = prepareAdvance(states[k], row, to, context, index);
    if ("result" in step) results[i] = step.result;
    else prepared.push({ at: i, step });
  });
  const batch = prepared.flatMap((p) => p.step.batch);
  if (batch.length === 0 || (await tx.createTransfers(batch)).applied) {
    if (prepared.length > 0) await tx.putRecords(prepared.map((p) => paymentRecord(p.step.doc, p.step.state.version)));
    for (const p of prepared) results[p.at] = okOf(items[p.at]!, p.step);
  } else {
    for (const p of prepared) results[p.at] = await one(tx, items[p.at]!, context);
  }
  for (const i of later) results[i] = await one(tx, items[i]!, context);
  return results as PaymentItemResult[];
}

function one(tx: StoreTx, item: AdvanceItem, context: PaymentContext): Promise<PaymentItemResult> {
  return advancePayment(tx, item.row, item.to, context, item.index);
}

function okOf(item: AdvanceItem, step: PreparedAdvance): PaymentItemResult {
  return { index: item.index, paymentNumber: item.row.paymentNumber, status: "ok", quotaId: step.state.payment.quotaId };
}
