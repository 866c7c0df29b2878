import type { StoreTx } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { applyPayments } from "./apply-payments";
import type { FreshPayments } from "./fresh-payments";
import { refundPayments } from "./refund-payments";
import type { RefundItem } from "./refund-payments";
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

  describe("payments the same chunk has just written (fresh)", () => {
    /** The transaction, noting the payment transfers read back (`pay:…`; control probes are `pay:…~…`). */
    function counting(tx: StoreTx, read: string[]): StoreTx {
      return new Proxy(tx, {
        get(target, key, receiver) {
          if (key !== "getTransfers") return Reflect.get(target, key, receiver) as unknown;
          return (ids: readonly string[]) => {
            read.push(...ids);
            return target.getTransfers(ids);
          };
        },
      });
    }
    const refund = (paymentNumber: string, refundNumber = `${paymentNumber}-R`, date = "2026-04-01"): RefundItem => ({ paymentNumber, step: { refundNumber, date } });

    /** One chunk: ZF001 and ZF002 paid, then the refunds; returns the refunds' results and what was read. */
    async function chunk(refunds: readonly RefundItem[], before?: (t: Awaited<ReturnType<typeof treasuryStore>>) => Promise<unknown>) {
      const t = await treasuryStore(undefined, [control()]);
      await before?.(t);
      const read: string[] = [];
      const results = await t.store.transaction(async (tx) => {
        const fresh: FreshPayments = new Map();
        await applyPayments(tx, [payment(), payment({ paymentNumber: "ZF002", amount: 2_000_000n, date: "2026-03-03" })], t.context, fresh);
        return refundPayments(counting(tx, read), refunds, t.context, fresh);
      });
      const documents = await t.store.getRecords("payment", ["ZF001", "ZF002", "ZF003"]);
      return { results, read, documents, figures: await figures(t.store), store: t.store };
    }

    it("refunds them without reading them back, as a refund of payments read from the store", async () => {
      const fast = await chunk([refund("ZF001"), refund("ZF002")]);
      expect(fast.read).toEqual([]);
      // The same payments written in one transaction and refunded in the next are read back.
      const t = await treasuryStore(undefined, [control()]);
      await t.store.transaction((tx) => applyPayments(tx, [payment(), payment({ paymentNumber: "ZF002", amount: 2_000_000n, date: "2026-03-03" })], t.context));
      const read: string[] = [];
      const slow = await t.store.transaction((tx) => refundPayments(counting(tx, read), [refund("ZF001"), refund("ZF002")], t.context));
      expect(read).toEqual(["pay:ZF001", "pay:ZF002", "pay:ZF001~C302", "pay:ZF002~C302"]);
      expect(fast.results).toEqual(slow);
      expect(fast.results[0]).toMatchObject({ payment: { status: "refunded", controlIds: ["C302"] }, applied: true });
      expect(fast.documents).toEqual(await t.store.getRecords("payment", ["ZF001", "ZF002", "ZF003"]));
      expect(fast.figures).toEqual(await figures(t.store));
      const [c] = await fast.store.accountBalances({ accountIds: ["quota-control:C302"] });
      expect(c!.balance.creditsPosted - c!.balance.debitsPosted).toBe(15_000_000n);
    });

    it("reads a payment stored by an earlier import (ZF003) and takes the fresh ones from the chunk", async () => {
      const { results, read } = await chunk([refund("ZF001"), refund("ZF003")], ({ store, context }) =>
        store.transaction((tx) => applyPayments(tx, [payment({ paymentNumber: "ZF003", amount: 300_000n })], context)),
      );
      expect(read).toEqual(["pay:ZF003", "pay:ZF003~C302"]);
      expect(results.map((r) => ("payment" in r ? [r.payment.paymentNumber, r.payment.status, r.applied] : r.error.code))).toEqual([
        ["ZF001", "refunded", true],
        ["ZF003", "refunded", true],
      ]);
    });

    it("applies a second refund of a fresh payment after the first, reading the document the first wrote", async () => {
      const { results, read, documents } = await chunk([refund("ZF001", "TP1"), refund("ZF001", "TP2")]);
      expect(read).toEqual([]);
      expect(results[0]).toMatchObject({ payment: { status: "refunded" }, applied: true });
      expect(results[1]).toMatchObject({ error: { code: "TREASURY_INVALID_TRANSITION" } });
      expect(documents[0]).toMatchObject({ version: 1, data: { refunds: [{ refundNumber: "TP1" }] } });
    });

    it("replays a refund applied by an earlier import from its document, as a no-op", async () => {
      const t = await treasuryStore(undefined, [control()]);
      const once = async () => {
        const read: string[] = [];
        const results = await t.store.transaction(async (tx) => {
          const fresh: FreshPayments = new Map();
          await applyPayments(tx, [payment()], t.context, fresh);
          return refundPayments(counting(tx, read), [refund("ZF001")], t.context, fresh);
        });
        return { results, read, consumed: (await figures(t.store)).consumed };
      };
      expect(await once()).toMatchObject({ results: [{ applied: true }], read: [], consumed: 0n });
      // The file again: the payment exists (not fresh), its document has the refund.
      expect(await once()).toMatchObject({ results: [{ applied: false, payment: { status: "refunded" } }], read: [], consumed: 0n });
      expect((await t.store.getRecord("payment", "ZF001"))?.version).toBe(1);
    });
  });
});
