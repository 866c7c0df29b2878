import { findQuotas, loadQuotaControls } from "@jincai/budget";
import type { QuotaControl } from "@jincai/budget";
import type { CodeRegistry, StoreTx } from "@jincai/core";
import { createQuotaIndex } from "./quota-index";
import type { QuotaIndex } from "./quota-index";

/**
 * What payments are planned against: the quotas and the controls in force, as read when it was
 * built. Build once per import, after the controls are defined (see {@link loadPaymentContext}).
 *
 * @example
 * ```ts
 * const context: PaymentContext = await loadPaymentContext(store, { fiscalYear: 2026, codes: registry });
 * context.controlsById.get("101001-302")?.limit; // 130000000n
 * await submitPayment(store, input, context);
 * ```
 */
export interface PaymentContext {
  /** The quota index. */
  readonly quotas: QuotaIndex;
  /** The controls in force, in id order. */
  readonly controls: readonly QuotaControl[];
  /** The same controls by id. */
  readonly controlsById: ReadonlyMap<string, QuotaControl>;
  /**
   * The year's classification, when known: a payment refining a quota held at economic 类 (302)
   * must name a 款 of its list (30201). Without it, the 款 is checked for shape only (5 digits).
   */
  readonly codes?: Pick<CodeRegistry, "check">;
}

/**
 * Builds a payment context from quota lines and controls already in memory.
 *
 * @example
 * ```ts
 * const context = createPaymentContext([quota], [], createStarterCodeRegistry({ years: [2026] }));
 * context.quotas.get("Q-2026-001")?.amount; // 50000000n
 * ```
 */
export function createPaymentContext(
  quotas: Parameters<typeof createQuotaIndex>[0],
  controls: readonly QuotaControl[],
  codes?: Pick<CodeRegistry, "check">,
): PaymentContext {
  const context = { quotas: createQuotaIndex(quotas), controls, controlsById: new Map(controls.map((c) => [c.id, c])) };
  return codes === undefined ? context : { ...context, codes };
}

/**
 * Reads the quotas (optionally of one fiscal year) and the controls, and builds a context.
 *
 * A context is a snapshot: build it again after loading a quota or defining a control. A payment
 * planned with a context read before a control was defined does not debit that control (the
 * control is not in its list), so build it inside the transaction that applies the payments, as
 * `jincai import` does for each file after it defines the configured controls.
 *
 * @example
 * ```ts
 * const context = await loadPaymentContext(store, { fiscalYear: 2026, codes: registry });
 * ```
 */
export async function loadPaymentContext(
  tx: StoreTx,
  options: { readonly fiscalYear?: number; readonly codes?: Pick<CodeRegistry, "check"> } = {},
): Promise<PaymentContext> {
  const where: Record<string, string> = options.fiscalYear === undefined ? {} : { fiscalYear: String(options.fiscalYear) };
  return createPaymentContext(await findQuotas(tx, where), await loadQuotaControls(tx), options.codes);
}
