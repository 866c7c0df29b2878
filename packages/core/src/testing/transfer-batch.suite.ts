/**
 * Batch semantics of `createTransfers`: atomicity, partial mode, idempotent replays, the
 * in-batch overlay, two-phase transfers, limits with pending amounts, and concurrent payments.
 */
import { describe, expect, it } from "vitest";
import type { TransferInput } from "../ledger/transfer";
import { ACCOUNTS, DAY, pay, seedLedger } from "./ledger-fixture";
import { balance, balanceOf, countTransfers } from "./suite-helpers";
import { withStore, type StoreHarness } from "./store-harness";

const { q1, paid1, cap, source } = ACCOUNTS;

/**
 * Registers the batch-semantics tests.
 *
 * @example
 * ```ts
 * transferBatchSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function transferBatchSuite(h: StoreHarness): void {
  describe("createTransfers batches", () => {
    it("applies nothing of an atomic batch whose third item exceeds the quota", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const r = await store.createTransfers([pay("pay-1", 300_000n), pay("pay-2", 300_000n), pay("pay-3", 500_000n)]);
        expect(r.applied).toBe(false);
        expect(r.results.map((x) => x.status)).toEqual(["batch_failed", "batch_failed", "exceeds_limit"]);
        expect(r.results[2]).toMatchObject({ accountId: q1, shortfall: 100_000n });
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n }));
        expect(await balanceOf(store, paid1)).toEqual(balance({}));
        expect(await store.getTransfer("pay-1")).toBeUndefined();
        expect(await countTransfers(store)).toBe(3);
      });
    });

    it("applies the good items of a partial batch and skips the failing ones", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const batch = [pay("pay-1", 300_000n), pay("pay-2", 0n), pay("pay-3", 800_000n), pay("pay-4", 700_000n)];
        const r = await store.createTransfers(batch, { partial: true });
        expect(r.applied).toBe(true);
        expect(r.results.map((x) => x.status)).toEqual(["ok", "amount_must_be_positive", "exceeds_limit", "ok"]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 1_000_000n }));
        expect(await store.getTransfer("pay-3")).toBeUndefined();
        expect((await store.getTransfer("pay-4"))?.sequence).toBe(5);
      });
    });

    it("replays the same batch as all exists and changes no balance", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const batch = [pay("pay-1", 10_000n), pay("res-1", 5_000n, { phase: "pending", expiresOn: "2026-03-31" }),
          { id: "post-1", phase: "post", pendingId: "res-1", date: DAY, references: { voucher: "记-0001" } } as TransferInput];
        expect((await store.createTransfers(batch)).applied).toBe(true);
        const again = await store.createTransfers(batch);
        expect(again.applied).toBe(true);
        expect(again.results.map((x) => x.status)).toEqual(["exists", "exists", "exists"]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 15_000n }));
        expect(await countTransfers(store)).toBe(6);
        expect(await store.getTransfer("post-1")).toMatchObject({ amount: 5_000n, references: { voucher: "记-0001" } });
      });
    });

    it("replays a batch of 100 payments that spent 9,000.00 of the quota as all exists, in atomic and partial mode", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const batch = Array.from({ length: 100 }, (_, i) => pay(`pay:ZF${String(i).padStart(4, "0")}`, 9_000n));
        expect((await store.createTransfers(batch)).applied).toBe(true);
        for (const partial of [false, true]) {
          const again = await store.createTransfers(batch, { partial });
          expect(again.applied).toBe(true);
          expect(new Set(again.results.map((x) => x.status))).toEqual(new Set(["exists"]));
        }
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 900_000n }));
      });
    });

    it("treats a repeated id inside one batch as exists, or a conflict when its fields differ", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const r = await store.createTransfers([pay("pay-1", 100n), pay("pay-1", 100n)]);
        expect(r.results.map((x) => x.status)).toEqual(["ok", "exists"]);
        const c = await store.createTransfers([pay("pay-2", 100n), pay("pay-2", 200n)], { partial: true });
        expect(c.results.map((x) => x.status)).toEqual(["ok", "exists_with_different_fields"]);
        expect(await balanceOf(store, paid1)).toEqual(balance({ creditsPosted: 200n }));
      });
    });

    it("refuses transfer and pending ids with spaces around them or control characters, and stores none of them", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const ids = [" pay:ZF1", "pay:ZF1\t", "pay:ZF1\u3000", "pay:ZF1\n", "pay:Z\u0000F1", "pay:Z\u0085F1", "\uFEFFpay:ZF1"];
        const r = await store.createTransfers([...ids.map((id) => pay(id, 100n)), pay("pay:ZF1", 100n)], { partial: true });
        expect(r.results.map((x) => x.status)).toEqual([...ids.map(() => "id_has_spaces_or_controls"), "ok"]);
        expect(r.results.map((x) => x.id)).toEqual([...ids, "pay:ZF1"]);
        for (const id of ids) expect(await store.getTransfer(id)).toBeUndefined();
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100n }));
        await store.createTransfers([pay("res-1", 5_000n, { phase: "pending" })]);
        const post = await store.createTransfers([
          { id: "post-1", phase: "post", pendingId: "res-1 ", date: DAY },
          { id: "void-1", phase: "void", pendingId: "res\u00001", date: DAY },
        ], { partial: true });
        expect(post.results.map((x) => x.status)).toEqual(["pending_id_has_spaces_or_controls", "pending_id_has_spaces_or_controls"]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100n, debitsPending: 5_000n }));
      });
    });

    it("counts earlier items of the batch against the quota of later ones", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const r = await store.createTransfers([pay("pay-1", 600_000n), pay("pay-2", 600_000n)], { partial: true });
        expect(r.results.map((x) => x.status)).toEqual(["ok", "exceeds_limit"]);
        expect(r.results[1]).toMatchObject({ accountId: q1, shortfall: 200_000n });
      });
    });

    it("lets a batch grant quota and spend it at once", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const r = await store.createTransfers([
          { id: "grant-2", debitAccountId: source, creditAccountId: q1, amount: 500_000n, date: DAY },
          pay("pay-1", 1_500_000n),
        ]);
        expect(r.applied).toBe(true);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_500_000n, debitsPosted: 1_500_000n }));
      });
    });

    it("enforces creditsMustNotExceedDebits on the credit side", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const fill = { id: "fill", debitAccountId: cap, creditAccountId: paid1, amount: 1_000n, date: DAY };
        const take = { id: "take", debitAccountId: paid1, creditAccountId: cap, amount: 1_200n, date: DAY };
        const r = await store.createTransfers([fill, take], { partial: true });
        expect(r.results[1]).toMatchObject({ status: "exceeds_limit", accountId: cap, shortfall: 200n });
      });
    });
  });
  twoPhaseSuite(h);
  concurrencySuite(h);
}

function twoPhaseSuite(h: StoreHarness): void {
  describe("createTransfers two-phase", () => {
    it("reserves 4,000.00 yuan and refuses a 7,000.00 payment that only fits without the reservation", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending" })]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPending: 400_000n }));
        expect(await balanceOf(store, paid1)).toEqual(balance({ creditsPending: 400_000n }));
        const r = await store.createTransfers([pay("pay-1", 700_000n)]);
        expect(r.results[0]).toMatchObject({ status: "exceeds_limit", accountId: q1, shortfall: 100_000n });
        const p = await store.createTransfers([pay("res-2", 700_000n, { phase: "pending" })]);
        expect(p.results[0]).toMatchObject({ status: "exceeds_limit", shortfall: 100_000n });
      });
    });

    it("posts 3,000.00 of a 4,000.00 reservation and releases the rest", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending" })]);
        const r = await store.createTransfers([{ id: "post-1", phase: "post", pendingId: "res-1", amount: 300_000n, date: DAY }]);
        expect(r.applied).toBe(true);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 300_000n }));
        expect(await balanceOf(store, paid1)).toEqual(balance({ creditsPosted: 300_000n }));
        expect(await store.getResolution("res-1")).toMatchObject({ id: "post-1", phase: "post", amount: 300_000n,
          debitAccountId: q1, creditAccountId: paid1 });
      });
    });

    it("posts the full reservation when the amount is omitted", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending" })]);
        await store.createTransfers([{ id: "post-1", phase: "post", pendingId: "res-1", date: DAY }]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 400_000n }));
        expect((await store.getTransfer("post-1"))?.amount).toBe(400_000n);
      });
    });

    it("voids a reservation and frees the quota", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending" })]);
        await store.createTransfers([{ id: "void-1", phase: "void", pendingId: "res-1", date: DAY }]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n }));
        expect(await store.getResolution("res-1")).toMatchObject({ id: "void-1", phase: "void", amount: 400_000n });
        expect((await store.createTransfers([pay("pay-1", 1_000_000n)])).applied).toBe(true);
      });
    });

    it("voids an expired reservation that can no longer be posted", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending", expiresOn: "2026-03-15" })]);
        const late = { id: "post-1", phase: "post", pendingId: "res-1", date: "2026-03-16" } as const;
        expect((await store.createTransfers([late])).results[0]?.status).toBe("pending_expired");
        const onTime = { ...late, id: "post-0", date: "2026-03-15" };
        const voided = await store.createTransfers([{ id: "void-1", phase: "void", pendingId: "res-1", date: "2026-03-16" }]);
        expect(voided.applied).toBe(true);
        expect((await store.createTransfers([onTime])).results[0]?.status).toBe("pending_already_voided");
      });
    });

    it("still voids a reservation after its account was closed", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("res-1", 400_000n, { phase: "pending" })]);
        await store.closeAccount(paid1);
        const post = await store.createTransfers([{ id: "post-1", phase: "post", pendingId: "res-1", date: DAY }]);
        expect(post.results[0]?.status).toBe("account_closed");
        const v = await store.createTransfers([{ id: "void-1", phase: "void", pendingId: "res-1", date: DAY }]);
        expect(v.applied).toBe(true);
      });
    });

    it("posts a reservation made earlier in the same batch", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const r = await store.createTransfers([
          pay("res-1", 400_000n, { phase: "pending" }),
          { id: "post-1", phase: "post", pendingId: "res-1", amount: 100_000n, date: DAY },
          { id: "void-1", phase: "void", pendingId: "res-1", date: DAY },
        ], { partial: true });
        expect(r.results.map((x) => x.status)).toEqual(["ok", "ok", "pending_already_posted"]);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100_000n }));
      });
    });
  });
}

function concurrencySuite(h: StoreHarness): void {
  describe("createTransfers concurrency", () => {
    it("never overspends a 10,000.00 quota under 10 concurrent 2,000.00 payments", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const calls = Array.from({ length: 10 }, (_, i) => store.createTransfers([pay(`pay-${i}`, 200_000n)]));
        const results = await Promise.all(calls);
        expect(results.filter((r) => r.applied)).toHaveLength(5);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 1_000_000n }));
      });
    });
  });
}
