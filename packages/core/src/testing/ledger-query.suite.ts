/**
 * Accounts, period locks, balances (current, as of a date, grouped with roll-up) and transfer
 * queries streamed in sequence order, including 100,000 transfers.
 */
import { describe, expect, it } from "vitest";
import { groupBalances } from "../ledger/group-balances";
import type { TransferInput } from "../ledger/transfer";
import { ACCOUNTS, CHART, DAY, pay, seedLedger } from "./ledger-fixture";
import { balance, balanceOf, countTransfers, listTransfers } from "./suite-helpers";
import { withStore, type StoreHarness } from "./store-harness";

const { q1, q2, q3, paid1, paid2 } = ACCOUNTS;

/**
 * Registers the account, lock, balance and query tests.
 *
 * @example
 * ```ts
 * ledgerQuerySuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function ledgerQuerySuite(h: StoreHarness): void {
  accountSuite(h);
  balanceSuite(h);
  transferQuerySuite(h);
}

function accountSuite(h: StoreHarness): void {
  describe("createAccounts", () => {
    it("reports ok, exists, exists_with_different_fields, id_must_not_be_empty and flags_are_mutually_exclusive", async () => {
      await withStore(h, async (store) => {
        const q = CHART[1]!;
        const r = await store.createAccounts([
          q,
          q,
          { ...q, code: "2002" },
          { ...q, id: "" },
          { ...q, id: "both", flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: true } },
        ]);
        expect(r.map((x) => x.status)).toEqual([
          "ok", "exists", "exists_with_different_fields", "id_must_not_be_empty", "flags_are_mutually_exclusive",
        ]);
        expect(r.map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
        expect(await store.getAccount("both")).toBeUndefined();
        expect(await store.getAccount(q.id)).toMatchObject({ id: q.id, book: "quota", code: "2001", closed: false,
          normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, dimensions: q.dimensions });
      });
    });

    it("refuses account ids with spaces around them or control characters, so \" quota:1\" is never an account beside \"quota:1\"", async () => {
      await withStore(h, async (store) => {
        const q = CHART[1]!;
        const ids = [" quota:1", "quota:1\t", "\u3000quota:1", "quota:1\r\n", "quota:\u00001", "quota:\u007F1"];
        const r = await store.createAccounts([...ids.map((id) => ({ ...q, id })), { ...q, id: "quota:1" }]);
        expect(r.map((x) => x.status)).toEqual([...ids.map(() => "id_has_spaces_or_controls"), "ok"]);
        expect(r.map((x) => x.id)).toEqual([...ids, "quota:1"]);
        for (const id of ids) expect(await store.getAccount(id)).toBeUndefined();
        const t = await store.createTransfers([{ id: "t1", debitAccountId: "quota:1", creditAccountId: "quota:\u00001", amount: 1n, date: DAY }]);
        expect(t.results[0]?.status).toBe("account_not_found");
      });
    });
  });

  describe("closeAccount", () => {
    it("closes paid-101001, and replaying its creation stays exists", async () => {
      await withStore(h, async (store) => {
        await store.createAccounts(CHART);
        await store.closeAccount(paid1);
        expect((await store.getAccount(paid1))?.closed).toBe(true);
        expect((await store.createAccounts(CHART.filter((a) => a.id === paid1)))[0]?.status).toBe("exists");
      });
    });

    it("throws ACCOUNT_NOT_FOUND for an unknown account", async () => {
      await withStore(h, async (store) => {
        await expect(store.closeAccount("paid-999999")).rejects.toMatchObject({ code: "ACCOUNT_NOT_FOUND" });
      });
    });
  });

  describe("lockPeriod", () => {
    it("locks March 2026 for the plan book only", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.lockPeriod({ from: "2026-03-01", to: "2026-03-31", book: "plan" });
        expect(await store.periodLocks()).toEqual([{ from: "2026-03-01", to: "2026-03-31", book: "plan" }]);
        expect((await store.createTransfers([pay("pay-1", 100n)])).applied).toBe(true);
        const plan = { id: "plan-1", debitAccountId: ACCOUNTS.planSource, creditAccountId: ACCOUNTS.plan1, amount: 100n, date: DAY };
        expect((await store.createTransfers([plan])).results[0]?.status).toBe("period_closed");
      });
    });

    it("throws PERIOD_LOCK_INVALID when from is after to", async () => {
      await withStore(h, async (store) => {
        await expect(store.lockPeriod({ from: "2026-02-01", to: "2026-01-31" })).rejects.toMatchObject({
          code: "PERIOD_LOCK_INVALID",
        });
        expect(await store.periodLocks()).toEqual([]);
      });
    });
  });
}

/** Payments across three quota lines on three dates, for balance and query tests. */
const ACTIVITY: readonly TransferInput[] = [
  pay("pay-jan", 10_000n, { date: "2026-01-20" }),
  pay("pay-feb", 20_000n, { date: "2026-02-10", debitAccountId: q2 }),
  pay("pay-mar", 40_000n, { date: "2026-03-10", debitAccountId: q3, creditAccountId: paid2 }),
  pay("res-mar", 5_000n, { date: "2026-03-12", phase: "pending" }),
];

function balanceSuite(h: StoreHarness): void {
  describe("accountBalances", () => {
    it("returns current and as-of balances filtered by book, dimension and id", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers(ACTIVITY);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 10_000n, debitsPending: 5_000n }));
        expect(await balanceOf(store, q1, "2026-03-11")).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 10_000n }));
        expect(await balanceOf(store, q1, "2026-01-04")).toEqual(balance({}));
        const agency = await store.accountBalances({ where: { agency: "101001" } });
        expect(agency.map((r) => r.account.id).sort()).toEqual([ACCOUNTS.cap, paid1, ACCOUNTS.plan1, q1, q2].sort());
        const plan = await store.accountBalances({ book: "plan" });
        expect(plan.map((r) => r.account.id).sort()).toEqual([ACCOUNTS.plan1, ACCOUNTS.planSource]);
      });
    });
  });

  describe("groupBalances", () => {
    it("sums quota use by agency and 类 (3-digit function code) as of 2026-02-28", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers(ACTIVITY);
        const rows = await store.accountBalances({ book: "quota", asOf: "2026-02-28" });
        const quota = rows.filter((r) => r.account.code === "2001");
        const groups = groupBalances(quota, { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } });
        expect(groups).toEqual([
          { key: { agency: "101001", functionCode: "201" }, accountCount: 2,
            balance: balance({ creditsPosted: 1_500_000n, debitsPosted: 30_000n }) },
          { key: { agency: "102001", functionCode: "205" }, accountCount: 1, balance: balance({ creditsPosted: 300_000n }) },
        ]);
        const byBook = groupBalances(await store.accountBalances(), { groupBy: ["book", "code"] });
        expect(byBook.map((g) => `${g.key.book}/${g.key.code}`)).toEqual([
          "plan/4000", "plan/4001", "quota/1001", "quota/2001", "quota/3001", "quota/5001",
        ]);
      });
    });
  });
}

function transferQuerySuite(h: StoreHarness): void {
  describe("getTransfers", () => {
    it("reads payments by id in one call, in the order asked, unknown ids as undefined", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("pay:ZF001", 1_000n), pay("pay:ZF002", 2_000n, { references: { voucher: "ZF002" } })]);
        const found = await store.getTransfers(["pay:ZF002", "pay:none", "pay:ZF001", "pay:ZF002"]);
        expect(found.map((t) => t?.amount)).toEqual([2_000n, undefined, 1_000n, 2_000n]);
        expect(found[0]).toEqual(await store.getTransfer("pay:ZF002"));
        expect(found[0]?.references).toEqual({ voucher: "ZF002" });
        expect(await store.getTransfers([])).toEqual([]);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay:ZF003", 3_000n)]);
          expect((await tx.getTransfers(["pay:ZF003"]))[0]?.amount).toBe(3_000n);
        });
      });
    });
  });

  describe("transfers", () => {
    it("streams by account, dimension, period, phase and sequence in sequence order", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers(ACTIVITY);
        const ids = async (q: Parameters<typeof store.transfers>[0]) => (await listTransfers(store, q)).map((t) => t.id);
        expect(await ids({ accountId: paid1 })).toEqual(["pay-jan", "pay-feb", "res-mar"]);
        expect(await ids({ where: { agency: "102001" } })).toEqual(["fund-q3", "pay-mar"]);
        expect(await ids({ from: "2026-02-01", to: "2026-03-10" })).toEqual(["pay-feb", "pay-mar"]);
        expect(await ids({ phases: ["pending"] })).toEqual(["res-mar"]);
        expect(await ids({ book: "plan" })).toEqual([]);
        expect(await ids({ afterSequence: 5 })).toEqual(["pay-mar", "res-mar"]);
        const all = await listTransfers(store);
        expect(all.map((t) => t.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(all[3]).toEqual({ id: "pay-jan", phase: "posted", debitAccountId: q1, creditAccountId: paid1,
          amount: 10_000n, date: "2026-01-20", references: {}, sequence: 4 });
      });
    });

    it("streams 100,000 transfers created in batches of 10,000", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        for (let b = 0; b < 10; b++) {
          const batch = Array.from({ length: 10_000 }, (_, i) => pay(`bulk-${b}-${i}`, 1n));
          expect((await store.createTransfers(batch)).applied).toBe(true);
        }
        let n = 0;
        let last = 0;
        for await (const t of store.transfers({ accountId: q1, afterSequence: 3 })) {
          if (t.sequence <= last) throw new Error(`out of order at ${t.sequence}`);
          last = t.sequence;
          n++;
        }
        expect(n).toBe(100_000);
        expect(await countTransfers(store, { phases: ["posted"], to: DAY })).toBe(100_003);
        expect(await balanceOf(store, q1)).toEqual(balance({ creditsPosted: 1_000_000n, debitsPosted: 100_000n }));
      });
    }, 300_000);
  });
}
