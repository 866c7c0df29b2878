import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import { freshState } from "./fresh-payments";
import type { FreshPayments } from "./fresh-payments";
import { findPaymentStates } from "./payment-state";
import { control, payment, quota, treasuryStore } from "./_testing/treasury-fixtures";

describe("freshState", () => {
  it("gives a historic payment written by applyPayments as reading it back gives it, its controls from the plan", async () => {
    const { store, context } = await treasuryStore(undefined, [control(), control({ id: "C999", match: [{ dimension: "agency", value: "101001" }] })]);
    const fresh: FreshPayments = new Map();
    await store.transaction((tx) => applyPayments(tx, [payment(), payment({ paymentNumber: "ZF002", amount: 2_000_000n, date: "2026-03-03" })], context, fresh));
    const [zf001, zf002] = await findPaymentStates(store, ["ZF001", "ZF002"]);
    expect(freshState(fresh.get("ZF001")!)).toEqual(zf001);
    expect(freshState(fresh.get("ZF002")!)).toEqual(zf002);
    // Both controls match agency 101001 × 302, in the context's order, as probing finds them.
    expect(fresh.get("ZF001")!.plan.reservation.controlIds).toEqual(["C302", "C999"]);
  });

  it("notes only paid rows written now: not a submitted row, a replay, a rejected row or a repeat", async () => {
    const { store, context } = await treasuryStore([quota(), quota({ id: "Q2", amount: 100n, projectCode: "P2" })]);
    await store.transaction((tx) => applyPayments(tx, [payment({ paymentNumber: "ZF000" })], context));
    const fresh: FreshPayments = new Map();
    const results = await store.transaction((tx) =>
      applyPayments(
        tx,
        [
          payment({ paymentNumber: "ZF000" }),
          payment({ paymentNumber: "ZF001" }),
          { ...payment({ paymentNumber: "ZF002" }), status: "submitted" },
          payment({ paymentNumber: "ZF003", quotaId: "Q2" }),
          payment({ paymentNumber: "ZF001" }),
        ],
        context,
        fresh,
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["exists", "ok", "ok", "TREASURY_EXCEEDS_QUOTA", "exists"]);
    expect([...fresh.keys()]).toEqual(["ZF001"]);
  });
});
