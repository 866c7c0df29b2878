/** `store.transaction`: commit together, roll back together, serialise against other calls. */
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "./ledger-fixture";
import { auditEvent } from "./record-audit.suite";
import { balance, balanceOf, countTransfers } from "./suite-helpers";
import { withStore, type StoreHarness } from "./store-harness";

const { q1, paid1 } = ACCOUNTS;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Registers the transaction tests.
 *
 * @example
 * ```ts
 * transactionSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function transactionSuite(h: StoreHarness): void {
  describe("transaction", () => {
    it("commits a payment document, its transfer and its audit event together", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const result = await store.transaction(async (tx) => {
          await tx.putRecord({ collection: "payments", id: "ZF-001", data: { amountFen: "20000" }, expectedVersion: 0 });
          const r = await tx.createTransfers([pay("pay-1", 20_000n, { references: { documentId: "ZF-001" } })]);
          expect(await balanceOf(tx, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 20_000n }));
          await tx.appendAuditEvent(auditEvent(1));
          return r.applied;
        });
        expect(result).toBe(true);
        expect((await store.getRecord("payments", "ZF-001"))?.version).toBe(1);
        expect((await store.getTransfer("pay-1"))?.references).toEqual({ documentId: "ZF-001" });
        expect((await store.lastAuditEvent())?.sequence).toBe(1);
      });
    });

    it("rolls back records, transfers, accounts, locks and audit events when the callback throws", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.putRecord({ collection: "payments", id: "ZF-000", data: { amountFen: "1" } });
        const boom = new Error("approval service down");
        await expect(store.transaction(async (tx) => {
          await tx.putRecord({ collection: "payments", id: "ZF-000", data: { amountFen: "2" } });
          await tx.putRecord({ collection: "payments", id: "ZF-001", data: { amountFen: "20000" } });
          await tx.createTransfers([pay("res-1", 20_000n, { phase: "pending" })]);
          await tx.createTransfers([{ id: "post-1", phase: "post", pendingId: "res-1", date: "2026-03-10" }]);
          await tx.createAccounts([{ id: "paid-103001", book: "quota", code: "3001", normalSide: "debit" }]);
          await tx.closeAccount(paid1);
          await tx.lockPeriod({ from: "2026-01-01", to: "2026-01-31" });
          await tx.appendAuditEvent(auditEvent(1));
          expect(await tx.deleteRecord("payments", "ZF-000")).toBe(true);
          throw boom;
        })).rejects.toBe(boom);
        expect((await store.getRecord<{ amountFen: string }>("payments", "ZF-000"))?.data.amountFen).toBe("1");
        expect(await store.getRecord("payments", "ZF-001")).toBeUndefined();
        expect(await store.getTransfer("res-1")).toBeUndefined();
        expect(await store.getResolution("res-1")).toBeUndefined();
        expect(await countTransfers(store)).toBe(3);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n }));
        expect(await balanceOf(store, paid1)).toEqual(balance({}));
        expect(await store.getAccount("paid-103001")).toBeUndefined();
        expect((await store.getAccount(paid1))?.closed).toBe(false);
        expect(await store.periodLocks()).toEqual([]);
        expect(await store.lastAuditEvent()).toBeUndefined();
        expect((await store.createTransfers([pay("pay-after", 100n)])).applied).toBe(true);
        expect((await store.getTransfer("pay-after"))?.sequence).toBe(4);
      });
    });

    it("keeps a transaction going after a batch inside it fails, writing nothing of that batch", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          const bad = await tx.createTransfers([pay("pay-1", 100n), pay("pay-2", 2_000_000n)]);
          expect(bad.applied).toBe(false);
          expect((await tx.createTransfers([pay("pay-3", 100n)])).applied).toBe(true);
        });
        expect(await store.getTransfer("pay-1")).toBeUndefined();
        expect((await store.getTransfer("pay-3"))?.sequence).toBe(4);
      });
    });

    it("lets only one of a transaction and a concurrent call spend the same 6,000.00 of a 10,000.00 quota", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const inTx = store.transaction(async (tx) => {
          const r = await tx.createTransfers([pay("pay-tx", 600_000n)]);
          await delay(20);
          return r;
        });
        const outside = store.createTransfers([pay("pay-out", 600_000n)]);
        const [a, b] = await Promise.all([inTx, outside]);
        expect([a.applied, b.applied].filter(Boolean)).toHaveLength(1);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 600_000n }));
      });
    });
  });
}
