import { controlAccountIds, defineQuotaControl, loadQuotaControls } from "@jincai/budget";
import { available } from "@jincai/core";
import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { approvePayment } from "./approve-payment";
import { createPaymentContext } from "./payment-context";
import { paymentEconomicCode } from "./payment-transfer";
import { findPaymentState } from "./payment-state";
import { payPayment } from "./pay-payment";
import { refundPayment } from "./refund-payment";
import { rejectPayment } from "./reject-payment";
import { submitPayment } from "./submit-payment";
import { control, payment, quota, treasuryStore } from "./_testing/treasury-fixtures";

// C302 (150,000.00) is defined on June 1, after payments ZF001 (10,000.00) and ZF002 (20,000.00).
const c302 = control({ date: "2026-06-01" });

/** What C302 has used, reserved included, in fen. */
async function used(store: Store): Promise<bigint> {
  const [row] = await store.accountBalances({ accountIds: [controlAccountIds("C302").control] });
  return c302.limit - available(row!.balance);
}

/** A store where two payments were submitted before C302 existed, and C302 defined after. */
async function openedAfterPayments() {
  const t = await treasuryStore();
  await submitPayment(t.store, payment(), t.context);
  await submitPayment(t.store, payment({ paymentNumber: "ZF002", amount: 2_000_000n }), t.context);
  expect(await defineQuotaControl(t.store, c302, { economicCodeOf: paymentEconomicCode })).toMatchObject({ opening: 3_000_000n, reservations: 2 });
  const context = createPaymentContext([quota()], await loadQuotaControls(t.store));
  return { store: t.store, context };
}

describe("findPaymentState", () => {
  it("lists a control defined after a payment that took it over, though its document does not", async () => {
    const { store } = await openedAfterPayments();
    expect((await findPaymentState(store, "ZF001"))?.doc.controlIds).toEqual(["C302"]);
  });

  it("moves a control defined after a payment when the payment is rejected, paid and refunded", async () => {
    const { store, context } = await openedAfterPayments();
    expect(await used(store)).toBe(3_000_000n);
    await rejectPayment(store, "ZF002", { date: "2026-06-05" });
    expect(await used(store)).toBe(1_000_000n);
    await approvePayment(store, "ZF001", { date: "2026-06-05" });
    const paid = await payPayment(store, "ZF001", { date: "2026-06-06" });
    expect(paid.controlIds).toEqual(["C302"]);
    expect(await used(store)).toBe(1_000_000n);
    await refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2026-06-07", amount: 400_000n }, context);
    expect(await used(store)).toBe(600_000n);
  });
});
