import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { refundPayments } from "./refund-payments";
import { control, figures, payment, treasuryStore } from "./_testing/treasury-fixtures";

async function twoHistoricPayments() {
  const t = await treasuryStore(undefined, [control()]);
  await t.store.transaction((tx) =>
    applyPayments(tx, [payment(), payment({ paymentNumber: "ZF002", amount: 2_000_000n, date: "2026-03-03" })], t.context),
  );
  return t;
}

describe("refundPayments", () => {
  it("refunds ZF001 and ZF002 in one batch, reports an unknown ZF404 and refuses a second refund of ZF001", async () => {
    const { store, context } = await twoHistoricPayments();
    const results = await store.transaction((tx) =>
      refundPayments(
        tx,
        [
          { paymentNumber: "ZF001", step: { refundNumber: "TP1", date: "2026-04-01" } },
          { paymentNumber: "ZF404", step: { refundNumber: "TP2", date: "2026-04-01" } },
          { paymentNumber: "ZF002", step: { refundNumber: "TP3", amount: 500_000n, date: "2026-04-02" } },
          { paymentNumber: "ZF001", step: { refundNumber: "TP4", date: "2026-04-03" } },
        ],
        context,
      ),
    );
    expect(results[0]).toMatchObject({ payment: { status: "refunded", controlIds: ["C302"] }, applied: true });
    expect(results[1]).toMatchObject({ error: { code: "TREASURY_PAYMENT_NOT_FOUND" } });
    expect(results[2]).toMatchObject({ payment: { status: "paid", refundedAmount: 500_000n } });
    expect(results[3]).toMatchObject({ error: { code: "TREASURY_INVALID_TRANSITION" } });
    expect((await figures(store)).consumed).toBe(1_500_000n);
    const [c] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    expect(c!.balance.creditsPosted - c!.balance.debitsPosted).toBe(15_000_000n - 1_500_000n);
  });

  it("reads documented and historic payments of one batch together: ZF002 has a document from an earlier refund, ZF001 and ZF003 none", async () => {
    const t = await treasuryStore(undefined, [control()]);
    const { store, context } = t;
    await store.transaction((tx) =>
      applyPayments(
        tx,
        [payment(), payment({ paymentNumber: "ZF002", amount: 2_000_000n, date: "2026-03-03" }), payment({ paymentNumber: "ZF003", amount: 300_000n })],
        context,
      ),
    );
    await store.transaction((tx) => refundPayments(tx, [{ paymentNumber: "ZF002", step: { refundNumber: "TP0", amount: 500_000n, date: "2026-03-20" } }], context));
    expect((await store.getRecord("payment", "ZF002"))?.version).toBe(1);
    const results = await store.transaction((tx) =>
      refundPayments(
        tx,
        ["ZF001", "ZF002", "ZF003"].map((paymentNumber, i) => ({ paymentNumber, step: { refundNumber: `TP${i + 1}`, date: "2026-04-01" } })),
        context,
      ),
    );
    expect(results.map((r) => ("payment" in r ? [r.payment.paymentNumber, r.payment.status, r.payment.refundedAmount] : r.error.code))).toEqual([
      ["ZF001", "refunded", 1_000_000n],
      ["ZF002", "refunded", 2_000_000n],
      ["ZF003", "refunded", 300_000n],
    ]);
    expect(results.map((r) => ("payment" in r ? r.payment.controlIds : []))).toEqual([["C302"], ["C302"], ["C302"]]);
    expect((await figures(store)).consumed).toBe(0n);
    expect((await store.getRecords("payment", ["ZF001", "ZF002", "ZF003"])).map((r) => r?.version)).toEqual([1, 2, 1]);
  });

  it("replays a refund already applied as a no-op", async () => {
    const { store, context } = await twoHistoricPayments();
    const items = [{ paymentNumber: "ZF001", step: { refundNumber: "TP1", date: "2026-04-01" } }];
    const first = await store.transaction((tx) => refundPayments(tx, items, context));
    expect(first[0]).toMatchObject({ applied: true });
    const again = await store.transaction((tx) => refundPayments(tx, items, context));
    expect(again[0]).toMatchObject({ payment: { status: "refunded" }, applied: false });
    expect((await figures(store)).consumed).toBe(2_000_000n);
  });

  it("falls back to one refund at a time when the batch is refused: a refund dated in locked April fails alone", async () => {
    const { store, context } = await twoHistoricPayments();
    await store.lockPeriod({ from: "2026-04-01", to: "2026-04-30" });
    const results = await store.transaction((tx) =>
      refundPayments(
        tx,
        [
          { paymentNumber: "ZF001", step: { refundNumber: "TP1", date: "2026-03-20" } },
          { paymentNumber: "ZF002", step: { refundNumber: "TP2", date: "2026-04-02" } },
        ],
        context,
      ),
    );
    expect(results[0]).toMatchObject({ payment: { status: "refunded" }, applied: true });
    expect(results[1]).toMatchObject({ error: { code: "TREASURY_PERIOD_CLOSED", details: { paymentNumber: "ZF002", date: "2026-04-02" } } });
    expect((await figures(store)).consumed).toBe(2_000_000n);
  });
});
