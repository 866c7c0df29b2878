/**
 * Balances inside `store.transaction(fn)`: every batch is checked against the batches before it
 * in the same transaction, and every balance read there (by id, by book, as of a date) sees them,
 * however a store keeps them (SQLite and PostgreSQL hold them in memory until `COMMIT`).
 */
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "./ledger-fixture";
import { balanceOf, countTransfers, listTransfers } from "./suite-helpers";
import { withStore, type StoreHarness } from "./store-harness";

const { q1, q2, paid1 } = ACCOUNTS;
const spent = async (store: Parameters<typeof balanceOf>[0]) => (await balanceOf(store, q1)).debitsPosted;

/**
 * Registers the tests of balances inside a transaction.
 *
 * @example
 * ```ts
 * transactionBalancesSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function transactionBalancesSuite(h: StoreHarness): void {
  describe("balances inside a transaction", () => {
    it("checks each batch against the batches before it in the same transaction", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const second = await store.transaction(async (tx) => {
          expect((await tx.createTransfers([pay("pay:ZF001", 600_000n)])).applied).toBe(true);
          expect(await spent(tx)).toBe(600_000n);
          return tx.createTransfers([pay("pay:ZF002", 500_000n)]);
        });
        expect(second.results[0]).toMatchObject({ status: "exceeds_limit", accountId: q1 });
        expect(await spent(store)).toBe(600_000n);
      });
    });

    it("inside a transaction, takes a large batch half replayed as exists for the old half and applies the new half", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const batch = (from: number) => Array.from({ length: 100 }, (_, i) => pay(`pay:ZF${String(from + i).padStart(4, "0")}`, 4_000n));
        await store.transaction(async (tx) => {
          expect((await tx.createTransfers(batch(0))).applied).toBe(true);
          // Payments 50–99 again, then 100–149: the replayed ones change nothing.
          const mixed = await tx.createTransfers(batch(50));
          expect(mixed.applied).toBe(true);
          expect(mixed.results.map((r) => r.status)).toEqual([...Array(50).fill("exists"), ...Array(50).fill("ok")]);
          expect(await spent(tx)).toBe(600_000n);
          // A large batch that only fits if its replayed half is not counted again.
          const fits = await tx.createTransfers(batch(100).map((t, i) => (i < 50 ? t : { ...t, amount: 7_999n })));
          expect(fits.results.filter((r) => r.status === "exists")).toHaveLength(50);
          expect(fits.results.filter((r) => r.status === "ok")).toHaveLength(50);
        });
        expect(await spent(store)).toBe(999_950n);
        expect(await countTransfers(store)).toBe(3 + 200);
      });
    });

    it("answers by book and as of a date with the transaction's own batches, before and after more of them", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay:ZF001", 100_000n, { date: "2026-03-10" })]);
          const byBook = await tx.accountBalances({ book: "quota" });
          expect(byBook.find((b) => b.account.id === q1)!.balance.debitsPosted).toBe(100_000n);
          expect(byBook.find((b) => b.account.id === paid1)!.balance.creditsPosted).toBe(100_000n);
          const [march] = await tx.accountBalances({ accountIds: [q1], asOf: "2026-03-31" });
          expect(march!.balance.debitsPosted).toBe(100_000n);
          // More batches after a dated read: nothing counted twice, nothing lost.
          await tx.createTransfers([pay("pay:ZF002", 20_000n, { date: "2026-04-02" })]);
          await tx.createTransfers([pay("pay:ZF003", 3_000n, { date: "2026-04-20", debitAccountId: q2 })]);
          expect((await balanceOf(tx, q1, "2026-03-31")).debitsPosted).toBe(100_000n);
          expect((await balanceOf(tx, q1, "2026-04-30")).debitsPosted).toBe(120_000n);
          expect(await spent(tx)).toBe(120_000n);
        });
        expect((await balanceOf(store, q1, "2026-04-30")).debitsPosted).toBe(120_000n);
        expect((await balanceOf(store, q1, "2026-03-31")).debitsPosted).toBe(100_000n);
        expect(await spent(store)).toBe(120_000n);
        expect((await balanceOf(store, q2)).debitsPosted).toBe(3_000n);
        expect((await balanceOf(store, paid1)).creditsPosted).toBe(123_000n);
      });
    });

    it("numbers the transfers of many batches in one transaction without gaps, and the next call after them", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const before = await countTransfers(store);
        await store.transaction(async (tx) => {
          for (let b = 0; b < 5; b++) {
            const batch = [0, 1, 2].map((k) => pay(`pay:ZF${b}${k}`, 1_000n));
            expect((await tx.createTransfers(batch)).applied).toBe(true);
          }
          expect((await tx.createTransfers([pay("pay:big", 10_000_000n)])).applied).toBe(false);
        });
        expect((await store.createTransfers([pay("pay:after", 1_000n)])).applied).toBe(true);
        const sequences = (await listTransfers(store)).map((t) => t.sequence);
        expect(sequences).toEqual(Array.from({ length: before + 16 }, (_, i) => i + 1));
        expect(await spent(store)).toBe(16_000n);
      });
    });

    it("forgets the changes of a transaction that rolls back", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await expect(
          store.transaction(async (tx) => {
            await tx.createTransfers([pay("pay:ZF001", 900_000n)]);
            throw new Error("import cancelled");
          }),
        ).rejects.toThrow("import cancelled");
        expect(await spent(store)).toBe(0n);
        await store.transaction(async (tx) => {
          expect((await tx.createTransfers([pay("pay:ZF001", 900_000n)])).applied).toBe(true);
        });
        expect(await spent(store)).toBe(900_000n);
      });
    });

    it("leaves the balances as they were when a batch is refused", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay:ZF001", 300_000n)]);
          const refused = await tx.createTransfers([pay("pay:ZF002", 100n), pay("pay:ZF003", 800_000n)]);
          expect(refused.applied).toBe(false);
          expect(await spent(tx)).toBe(300_000n);
        });
        expect(await spent(store)).toBe(300_000n);
      });
    });

    it("sees an account closed inside the transaction", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay:ZF001", 100n)]);
          await tx.closeAccount(q1);
          const after = await tx.createTransfers([pay("pay:ZF002", 100n)]);
          expect(after.results[0]!.status).toBe("account_closed");
          expect(await spent(tx)).toBe(100n);
        });
        expect((await store.getAccount(q1))?.closed).toBe(true);
        expect(await spent(store)).toBe(100n);
      });
    });

    it("voids a reservation on an account closed earlier in the same transaction, its balance exact", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("res:ZF001", 300_000n, { phase: "pending" }), pay("pay:ZF002", 5_000n)]);
          await tx.closeAccount(q1);
          const voided = await tx.createTransfers([{ id: "void:ZF001", phase: "void", pendingId: "res:ZF001", date: "2026-03-12" }]);
          expect(voided.applied).toBe(true);
          expect(await balanceOf(tx, q1)).toMatchObject({ debitsPending: 0n, debitsPosted: 5_000n });
        });
        expect(await balanceOf(store, q1)).toMatchObject({ debitsPending: 0n, debitsPosted: 5_000n, creditsPosted: 1_000_000n });
        expect((await balanceOf(store, q1, "2026-03-31")).debitsPending).toBe(0n);
      });
    });
  });
}
