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
    expect(results[0]).toMatchObject({ payment: { status: "refunded", controlIds: ["C302"] } });
    expect(results[1]).toMatchObject({ error: { code: "TREASURY_PAYMENT_NOT_FOUND" } });
    expect(results[2]).toMatchObject({ payment: { status: "paid", refundedAmount: 500_000n } });
    expect(results[3]).toMatchObject({ error: { code: "TREASURY_INVALID_TRANSITION" } });
    expect((await figures(store)).consumed).toBe(1_500_000n);
    const [c] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    expect(c!.balance.creditsPosted - c!.balance.debitsPosted).toBe(15_000_000n - 1_500_000n);
  });

  it("replays a refund already applied as a no-op", async () => {
    const { store, context } = await twoHistoricPayments();
    const items = [{ paymentNumber: "ZF001", step: { refundNumber: "TP1", date: "2026-04-01" } }];
    await store.transaction((tx) => refundPayments(tx, items, context));
    const again = await store.transaction((tx) => refundPayments(tx, items, context));
    expect(again[0]).toMatchObject({ payment: { status: "refunded" } });
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
    expect(results[0]).toMatchObject({ payment: { status: "refunded" } });
    expect(results[1]).toMatchObject({ error: { code: "TREASURY_LEDGER_REJECTED" } });
    expect((await figures(store)).consumed).toBe(2_000_000n);
  });
});
