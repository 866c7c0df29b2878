import { findQuotas, loadQuotaControls } from "@jincai/budget";
import type { QuotaControl } from "@jincai/budget";
import type { StoreTx } from "@jincai/core";
import { createQuotaIndex } from "./quota-index";
import type { QuotaIndex } from "./quota-index";

/** What payments are planned against: the quotas and the controls in force. Build once per import. */
export interface PaymentContext {
  /** The quota index. */
  readonly quotas: QuotaIndex;
  /** The controls in force, in id order. */
  readonly controls: readonly QuotaControl[];
  /** The same controls by id. */
  readonly controlsById: ReadonlyMap<string, QuotaControl>;
}

/**
 * Builds a payment context from quota lines and controls already in memory.
 *
 * @example
 * ```ts
 * const context = createPaymentContext([quota], []);
 * context.quotas.get("Q-2026-001")?.amount; // 50000000n
 * ```
 */
export function createPaymentContext(
  quotas: Parameters<typeof createQuotaIndex>[0],
  controls: readonly QuotaControl[],
): PaymentContext {
  return { quotas: createQuotaIndex(quotas), controls, controlsById: new Map(controls.map((c) => [c.id, c])) };
}

/**
 * Reads the quotas (optionally of one fiscal year) and the controls, and builds a context.
 *
 * @example
 * ```ts
 * const context = await loadPaymentContext(store, { fiscalYear: 2026 });
 * ```
 */
export async function loadPaymentContext(tx: StoreTx, options: { readonly fiscalYear?: number } = {}): Promise<PaymentContext> {
  const where: Record<string, string> = options.fiscalYear === undefined ? {} : { fiscalYear: String(options.fiscalYear) };
  return createPaymentContext(await findQuotas(tx, where), await loadQuotaControls(tx));
}
