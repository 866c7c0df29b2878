import { describe, expect, it } from "vitest";
import { advancePayments } from "./advance-payments";
import { applyPayments } from "./apply-payments";
import { getPayment } from "./get-payment";
import { figures, payment, treasuryStore } from "./_testing/treasury-fixtures";

// Yesterday's export: ZF001–ZF003 submitted (10,000.00 yuan each on Q1, 100,000.00).
async function threeSubmitted() {
  const t = await treasuryStore();
  const rows = ["ZF001", "ZF002", "ZF003"].map((paymentNumber) => ({ ...payment({ paymentNumber }), status: "submitted" as const }));
  await t.store.transaction((tx) => applyPayments(tx, rows, t.context));
  return t;
}
const row = (paymentNumber: string, date = "2026-03-05") => ({ ...payment({ paymentNumber, date }), status: "paid" as const });

describe("advancePayments", () => {
  it("pays three submitted payments in one go, one result per row with its index", async () => {
    const { store, context } = await threeSubmitted();
    const items = ["ZF001", "ZF002", "ZF003"].map((n, i) => ({ row: row(n), to: "paid" as const, index: 10 + i }));
    const results = await store.transaction((tx) => advancePayments(tx, items, context));
    expect(results.map((r) => [r.index, r.paymentNumber, r.status])).toEqual([
      [10, "ZF001", "ok"],
      [11, "ZF002", "ok"],
      [12, "ZF003", "ok"],
    ]);
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 3_000_000n });
  });

  it("reports each row as it would be alone: moved on, already there, another payment, unknown", async () => {
    const { store, context } = await threeSubmitted();
    await advancePayments(store, [{ row: row("ZF002"), to: "paid", index: 0 }], context);
    const results = await advancePayments(
      store,
      [
        { row: row("ZF001"), to: "paid", index: 0 },
        { row: row("ZF002"), to: "paid", index: 1 },
        { row: { ...row("ZF003"), amount: 1n }, to: "paid", index: 2 },
        { row: row("ZF404"), to: "paid", index: 3 },
      ],
      context,
    );
    expect(results.map((r) => r.status)).toEqual(["ok", "exists", "TREASURY_PAYMENT_CONFLICT", "TREASURY_PAYMENT_NOT_FOUND"]);
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 2_000_000n });
  });

  it("applies two rows of one payment in row order: approved, then paid", async () => {
    const { store, context } = await threeSubmitted();
    const results = await advancePayments(store, [{ row: row("ZF001", "2026-03-03"), to: "approved", index: 0 }, { row: row("ZF001"), to: "paid", index: 1 }], context);
    expect(results.map((r) => r.status)).toEqual(["ok", "ok"]);
    expect((await getPayment(store, "ZF001")).status).toBe("paid");
  });

  it("falls back to one row at a time when the batch is refused: a pay date in closed April fails alone", async () => {
    const { store, context } = await threeSubmitted();
    await store.lockPeriod({ from: "2026-04-01", to: "2026-04-30" });
    const results = await store.transaction((tx) =>
      advancePayments(tx, [{ row: row("ZF001"), to: "paid", index: 0 }, { row: row("ZF002", "2026-04-02"), to: "paid", index: 1 }, { row: row("ZF003"), to: "rejected", index: 2 }], context),
    );
    expect(results.map((r) => r.status)).toEqual(["ok", "TREASURY_PERIOD_CLOSED", "ok"]);
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n, consumed: 1_000_000n });
    expect((await getPayment(store, "ZF002")).status).toBe("submitted");
  });
});
