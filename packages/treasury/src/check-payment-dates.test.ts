import { consumeReservation, releaseReservation, reserveQuota } from "@jincai/budget";
import type { TransferInput } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { checkPaymentDates } from "./check-payment-dates";
import { refundPayment } from "./refund-payment";
import { control, payment, quota, treasuryStore } from "./_testing/treasury-fixtures";

/** The transfers of a plan, all dated `date` (what an older version, or a hand edit, could store). */
const dated = (transfers: readonly TransferInput[], date: string): TransferInput[] => transfers.map((t) => ({ ...t, date }));

describe("checkPaymentDates (payment.in-year)", () => {
  it("passes a year of payments, with a rejection and a bank refund after the year ended", async () => {
    const { store, context } = await treasuryStore(undefined, [control()]);
    await store.transaction((tx) => applyPayments(tx, [payment(), { ...payment({ paymentNumber: "ZF002", date: "2026-12-31" }), status: "submitted" as const }], context));
    const late = reserveQuota(quota(), { id: "pay:ZF002", amount: 1_000_000n, date: "2026-12-31" }, context.controls).reservation;
    expect((await store.createTransfers(releaseReservation(late, { date: "2027-01-05" }))).applied).toBe(true);
    await refundPayment(store, "ZF001", { refundNumber: "TP1", date: "2027-01-06" }, context);
    expect(await checkPaymentDates(store)).toEqual([]);
  });

  it("reports each payment that spends a 2026 line before 2026 began or after it ended, with its evidence", async () => {
    const { store, context } = await treasuryStore(undefined, [control()]);
    const early = reserveQuota(quota(), { id: "pay:ZF010", amount: 100_00n, date: "2026-01-06", immediate: true, references: { voucher: "ZF010" } }, context.controls);
    const pending = reserveQuota(quota(), { id: "pay:ZF011", amount: 200_00n, date: "2026-12-30", references: { voucher: "ZF011" } }, context.controls);
    const { fiscalYear: _, ...rebuilt } = pending.reservation;
    for (const batch of [dated(early.transfers, "2025-12-31"), pending.transfers, consumeReservation(rebuilt, { date: "2027-01-04", references: { voucher: "ZF011" } })]) {
      expect((await store.createTransfers(batch)).applied).toBe(true);
    }
    const failures = await checkPaymentDates(store);
    expect(failures.map((f) => [f.rule, f.severity, f.evidence["transferId"], f.evidence["date"], f.evidence["phase"]])).toEqual([
      ["payment.in-year", "error", "pay:ZF010", "2025-12-31", "posted"],
      ["payment.in-year", "error", "pay:ZF011.post", "2027-01-04", "post"],
    ]);
    expect(failures[0]).toMatchObject({
      message: "payment ZF010 spends quota line quota:Q1 of fiscal year 2026 on 2025-12-31",
      evidence: { quotaAccount: "quota:Q1", fiscalYear: "2026", amount: "100.00" },
    });
  });
});
