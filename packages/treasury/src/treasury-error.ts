import { JincaiError, isJincaiError } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";

const FROM_BUDGET: Readonly<Record<string, TreasuryErrorCode>> = {
  BUDGET_EXCEEDS_QUOTA: TreasuryErrorCode.EXCEEDS_QUOTA,
  BUDGET_EXCEEDS_CONTROL: TreasuryErrorCode.EXCEEDS_CONTROL,
  BUDGET_LEDGER_REJECTED: TreasuryErrorCode.LEDGER_REJECTED,
  BUDGET_PERIOD_CLOSED: TreasuryErrorCode.PERIOD_CLOSED,
};

/**
 * Re-labels a budget availability error as the treasury's (same message and details); other
 * errors pass through. Internal.
 *
 * @example
 * ```ts
 * asTreasuryError(new JincaiError("BUDGET_EXCEEDS_QUOTA", "…")).code; // "TREASURY_EXCEEDS_QUOTA"
 * ```
 */
export function asTreasuryError(error: unknown, paymentNumber?: string): unknown {
  if (!isJincaiError(error)) return error;
  const code = FROM_BUDGET[error.code];
  if (code === undefined) return error;
  return new JincaiError(code, error.message, { details: { ...error.details, ...(paymentNumber === undefined ? {} : { paymentNumber }) } });
}
