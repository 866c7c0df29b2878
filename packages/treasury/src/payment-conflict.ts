/**
 * What differs between a payment as a row gives it and as it was recorded under the same number:
 * the first field that differs, both values, and the message a clerk can act on ("payment W1 was
 * recorded with amount 100.00; this row says 30.00") instead of "exists with other fields".
 */
import { formatFen } from "@jincai/core";
import type { Payment } from "./payment";
import { conflictMessage } from "./submit-payment";

/** The fields compared, in the order a conflict names the first that differs. */
const FIELDS = ["amount", "date", "quotaId", "economicCode", "payeeName", "payeeAccount", "purpose"] as const;
const NAMES: Readonly<Record<(typeof FIELDS)[number], string>> = {
  amount: "amount",
  date: "date",
  quotaId: "quota",
  economicCode: "economic code",
  payeeName: "payee",
  payeeAccount: "payee account",
  purpose: "purpose",
};

/** A conflict between two payments under one number. */
export interface PaymentConflict {
  /** The message of the row's rejection. */
  readonly message: string;
  /**
   * The first field that differs (`amount`, `date`, `quotaId`, …) with the recorded value and the
   * row's, as text; undefined when none of those differs (only the status, say).
   */
  readonly details?: { readonly field: string; readonly recorded: string; readonly given: string };
}

/**
 * Names the first field in which `given` differs from the payment recorded as `recorded`.
 *
 * @example
 * ```ts
 * paymentConflict(recorded, { ...recorded, amount: 3_000n }).message;
 * // "payment W1 was recorded with amount 100.00; this row says 30.00"
 * ```
 */
export function paymentConflict(recorded: Payment, given: Payment): PaymentConflict {
  for (const field of FIELDS) {
    const a = recorded[field];
    const b = given[field];
    if (a === b) continue;
    const show = (v: string | bigint) => (typeof v === "bigint" ? formatFen(v) : v === "" ? "(empty)" : v);
    return {
      message: `payment ${given.paymentNumber} was recorded with ${NAMES[field]} ${show(a)}; this row says ${show(b)}`,
      details: { field, recorded: String(a), given: String(b) },
    };
  }
  return { message: conflictMessage(given.paymentNumber) };
}
