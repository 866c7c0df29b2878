/**
 * `tx.savepoint`: a unit inside a transaction that fails alone. A dry run of several import
 * files rests on it: each file is undone by itself when it has bad rows, and the files after it
 * see the ones that passed.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "./ledger-fixture";
import { auditEvent } from "./record-audit.suite";
import { balance, balanceOf, countTransfers } from "./suite-helpers";
import type { StoreTx } from "../store/store";
import { withStore, type StoreHarness } from "./store-harness";

const { q1, paid1 } = ACCOUNTS;

class Undo extends Error {}

/** Runs `fn` in a savepoint of `tx` and swallows the {@link Undo} it throws to roll it back. */
async function undone(tx: StoreTx, fn: (tx: StoreTx) => Promise<unknown>): Promise<void> {
  await expect(tx.savepoint(async (sp) => {
    await fn(sp);
    throw new Undo();
  })).rejects.toBeInstanceOf(Undo);
}

/**
 * Registers the savepoint tests.
 *
 * @example
 * ```ts
 * savepointSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function savepointSuite(h: StoreHarness): void {
  describe("savepoint", () => {
    it("undoes only the failed savepoint's payment, document and audit event; the transaction commits the rest", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay-before", 100_000n)]);
          await undone(tx, async (sp) => {
            await sp.putRecord({ collection: "payments", id: "ZF-002", data: { amountFen: "200000" } });
            expect((await sp.createTransfers([pay("pay-inside", 200_000n)])).applied).toBe(true);
            await sp.appendAuditEvent(auditEvent(1));
            expect(await balanceOf(sp, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 300_000n }));
          });
          expect(await balanceOf(tx, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100_000n }));
          await tx.createTransfers([pay("pay-after", 50_000n)]);
        });
        expect(await store.getTransfer("pay-inside")).toBeUndefined();
        expect(await store.getRecord("payments", "ZF-002")).toBeUndefined();
        expect(await store.lastAuditEvent()).toBeUndefined();
        expect((await store.getTransfer("pay-before"))?.sequence).toBe(4);
        expect((await store.getTransfer("pay-after"))?.sequence).toBe(5);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 150_000n }));
        expect(await balanceOf(store, paid1, "2026-12-31")).toEqual(balance({ creditsPosted: 150_000n }));
      });
    });

    it("gives back what a failed savepoint spent: a later payment may use the whole 10,000.00 quota again", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await undone(tx, async (sp) => {
            expect((await sp.createTransfers([pay("pay-big", 900_000n)])).applied).toBe(true);
          });
          const r = await tx.createTransfers([pay("pay-whole", 1_000_000n)]);
          expect(r.results.map((x) => x.status)).toEqual(["ok"]);
          // And the failed savepoint's id is free again.
          expect((await tx.createTransfers([pay("pay-big", 1n)])).results[0]?.status).toBe("exceeds_limit");
        });
        expect(await store.getTransfer("pay-big")).toBeUndefined();
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 1_000_000n }));
      });
    });

    it("keeps a savepoint that returns, and lets the files after it see what it wrote", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const seen = await store.transaction(async (tx) => {
          const value = await tx.savepoint(async (sp) => {
            await sp.createTransfers([pay("pay-day1", 600_000n)]);
            return "day 1";
          });
          expect(value).toBe("day 1");
          // The second file overspends only because the first one stays.
          const second = await tx.savepoint(async (sp) => sp.createTransfers([pay("pay-day2", 600_000n)]));
          return second.results[0]?.status;
        });
        expect(seen).toBe("exceeds_limit");
        expect((await store.getTransfer("pay-day1"))?.amount).toBe(600_000n);
      });
    });

    it("undoes a kept savepoint with the transaction that throws after it", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const boom = new Error("dry run: roll everything back");
        await expect(store.transaction(async (tx) => {
          await tx.savepoint(async (sp) => {
            await sp.createTransfers([pay("pay-kept", 100_000n)]);
            await sp.putRecord({ collection: "payments", id: "ZF-kept", data: {} });
          });
          throw boom;
        })).rejects.toBe(boom);
        expect(await store.getTransfer("pay-kept")).toBeUndefined();
        expect(await store.getRecord("payments", "ZF-kept")).toBeUndefined();
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n }));
      });
    });

    it("nests: an inner savepoint fails alone, an outer one that fails takes its kept inner one with it", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.transaction(async (tx) => {
          await tx.savepoint(async (outer) => {
            await outer.createTransfers([pay("pay-outer", 100_000n)]);
            await undone(outer, async (inner) => inner.createTransfers([pay("pay-inner-undone", 100_000n)]));
            await outer.savepoint(async (inner) => inner.createTransfers([pay("pay-inner-kept", 200_000n)]));
          });
          await undone(tx, async (outer) => {
            await outer.savepoint(async (inner) => inner.createTransfers([pay("pay-gone-inner", 1_000n)]));
            await outer.createTransfers([pay("pay-gone-outer", 1_000n)]);
          });
        });
        expect(await store.getTransfer("pay-inner-undone")).toBeUndefined();
        expect(await store.getTransfer("pay-gone-inner")).toBeUndefined();
        expect(await store.getTransfer("pay-gone-outer")).toBeUndefined();
        expect((await store.getTransfer("pay-outer"))?.sequence).toBe(4);
        expect((await store.getTransfer("pay-inner-kept"))?.sequence).toBe(5);
        expect(await countTransfers(store)).toBe(5);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 300_000n }));
      });
    });

    it("forgets an account created in a failed savepoint, so it can be created again", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const account = { id: "paid-103001", book: "quota", code: "3001", normalSide: "debit" } as const;
        await store.transaction(async (tx) => {
          await undone(tx, async (sp) => {
            await sp.createAccounts([account]);
            await sp.createTransfers([pay("pay-103", 100n, { creditAccountId: account.id })]);
          });
          expect(await tx.getAccount(account.id)).toBeUndefined();
          expect((await tx.createTransfers([pay("pay-103", 100n, { creditAccountId: account.id })])).results[0]?.status).toBe("account_not_found");
          expect((await tx.createAccounts([{ ...account, code: "3002" }]))[0]?.status).toBe("ok");
        });
        expect((await store.getAccount(account.id))?.code).toBe("3002");
      });
    });

    it("on the store itself is a transaction of its own: kept when it returns, undone when it throws", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.savepoint(async (tx) => tx.createTransfers([pay("pay-own", 100n)]));
        await undone(store, async (tx) => {
          await tx.createTransfers([pay("pay-undone", 100n)]);
          expect(await tx.getTransfer("pay-undone")).toBeDefined();
        });
        expect((await store.getTransfer("pay-own"))?.sequence).toBe(4);
        expect(await store.getTransfer("pay-undone")).toBeUndefined();
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100n }));
      });
    });
  });
}
