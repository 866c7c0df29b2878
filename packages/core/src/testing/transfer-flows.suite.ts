/**
 * `transferFlows`: transfers summed per (debit, credit, phase) with the book, id-prefix, date
 * and phase filters, per month on request, the shared sort order, and a transaction's own
 * uncommitted transfers.
 */
import { describe, expect, it } from "vitest";
import type { TransferInput } from "../ledger/transfer";
import type { TransferFlow } from "../store/store";
import { compareTransferFlows } from "../store/compare-transfer-flows";
import { ACCOUNTS, DAY, pay, seedLedger } from "./ledger-fixture";
import { withStore, type StoreHarness } from "./store-harness";

const { source, q1, q2, q3, paid1, paid2, plan1, planSource } = ACCOUNTS;

/** Payments on DAY (2026-03-10) and 2026-04-01, a reservation posted in part, one voided, and a plan-book move. */
const MOVES: readonly TransferInput[] = [
  pay("pay-1", 10_000n),
  pay("pay-2", 2_500n),
  pay("pay-3", 700n, { debitAccountId: q2, date: "2026-04-01" }),
  pay("pay-4", 900n, { debitAccountId: q3, creditAccountId: paid2 }),
  pay("pay-5", 4_000n, { phase: "pending" }),
  { id: "pay-5.post", phase: "post", pendingId: "pay-5", amount: 3_000n, date: DAY },
  pay("pay-6", 600n, { phase: "pending" }),
  { id: "pay-6.void", phase: "void", pendingId: "pay-6", date: DAY },
  { id: "plan-1", debitAccountId: planSource, creditAccountId: plan1, amount: 50_000n, date: DAY },
];

const flow = (debitAccountId: string, creditAccountId: string, phase: TransferFlow["phase"], count: number, amount: bigint): TransferFlow => ({
  debitAccountId, creditAccountId, phase, count, amount,
});

/**
 * Registers the `transferFlows` tests.
 *
 * @example
 * ```ts
 * transferFlowsSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function transferFlowsSuite(h: StoreHarness): void {
  describe("transferFlows", () => {
    it("returns nothing on an empty store", async () => {
      await withStore(h, async (store) => {
        expect(await store.transferFlows()).toEqual([]);
        expect(await store.transferFlows({ book: "quota", idPrefix: "pay-" })).toEqual([]);
      });
    });

    it("sums every transfer per debit, credit and phase, sorted by debit id, credit id, then phase", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        expect((await store.createTransfers(MOVES)).applied).toBe(true);
        expect(await store.transferFlows()).toEqual([
          flow(planSource, plan1, "posted", 1, 50_000n),
          flow(q1, paid1, "pending", 2, 4_600n),
          flow(q1, paid1, "post", 1, 3_000n),
          flow(q1, paid1, "posted", 2, 12_500n),
          flow(q1, paid1, "void", 1, 600n),
          flow(q2, paid1, "posted", 1, 700n),
          flow(q3, paid2, "posted", 1, 900n),
          flow(source, q1, "posted", 1, 1_000_000n),
          flow(source, q2, "posted", 1, 500_000n),
          flow(source, q3, "posted", 1, 300_000n),
        ]);
      });
    });

    it("keeps only ids starting with pay- (literally: no wildcards, case-sensitive) and only the quota book", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers(MOVES);
        const payments = await store.transferFlows({ book: "quota", idPrefix: "pay-", phases: ["posted"] });
        expect(payments).toEqual([flow(q1, paid1, "posted", 2, 12_500n), flow(q2, paid1, "posted", 1, 700n), flow(q3, paid2, "posted", 1, 900n)]);
        expect(await store.transferFlows({ idPrefix: "pay_" })).toEqual([]);
        expect(await store.transferFlows({ idPrefix: "pa%" })).toEqual([]);
        expect(await store.transferFlows({ idPrefix: "PAY-" })).toEqual([]);
        expect(await store.transferFlows({ idPrefix: "pay-5." })).toEqual([flow(q1, paid1, "post", 1, 3_000n)]);
        expect(await store.transferFlows({ book: "plan" })).toEqual([flow(planSource, plan1, "posted", 1, 50_000n)]);
        expect(await store.transferFlows({ book: "treasury" })).toEqual([]);
      });
    });

    it("filters on dates (inclusive) and phases", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers(MOVES);
        expect(await store.transferFlows({ from: "2026-04-01", to: "2026-04-01" })).toEqual([flow(q2, paid1, "posted", 1, 700n)]);
        expect(await store.transferFlows({ to: "2026-01-05" })).toHaveLength(3);
        expect(await store.transferFlows({ from: DAY, to: DAY, phases: ["pending", "void"] })).toEqual([
          flow(q1, paid1, "pending", 2, 4_600n),
          flow(q1, paid1, "void", 1, 600n),
        ]);
        expect(await store.transferFlows({ phases: [] })).toEqual([]);
      });
    });

    it("sums per month of the transfers' dates on request, each flow naming its month", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([...MOVES, pay("pay-8", 300n, { date: "2026-04-30" }), pay("pay-9", 50n, { date: "2025-12-31" })]);
        const inMonth = (f: TransferFlow, month: string): TransferFlow => ({ ...f, month });
        expect(await store.transferFlows({ byMonth: true, phases: ["posted"], idPrefix: "pay-" })).toEqual([
          inMonth(flow(q1, paid1, "posted", 1, 50n), "2025-12"),
          inMonth(flow(q1, paid1, "posted", 2, 12_500n), "2026-03"),
          inMonth(flow(q1, paid1, "posted", 1, 300n), "2026-04"),
          inMonth(flow(q2, paid1, "posted", 1, 700n), "2026-04"),
          inMonth(flow(q3, paid2, "posted", 1, 900n), "2026-03"),
        ]);
        expect(await store.transferFlows({ byMonth: true, book: "plan" })).toEqual([inMonth(flow(planSource, plan1, "posted", 1, 50_000n), "2026-03")]);
        expect(await store.transferFlows({ byMonth: false, book: "plan" })).toEqual([flow(planSource, plan1, "posted", 1, 50_000n)]);
      });
    });

    it("tells the transfers of an id prefix apart on request (markIdPrefix), one scan serving both views", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([...MOVES, pay("pay-8", 300n, { date: "2026-04-30" })]);
        const all = await store.transferFlows({ byMonth: true });
        const marked = await store.transferFlows({ byMonth: true, markIdPrefix: "pay-" });
        expect(marked.every((f) => typeof f.marked === "boolean")).toBe(true);
        // The marked flows are the prefix's; unmarked and marked together are every transfer.
        const strip = ({ marked: _m, ...f }: TransferFlow): TransferFlow => f;
        expect(marked.filter((f) => f.marked === true).map(strip)).toEqual(await store.transferFlows({ byMonth: true, idPrefix: "pay-" }));
        const merged = new Map<string, TransferFlow>();
        for (const f of marked.map(strip)) {
          const key = `${f.debitAccountId} ${f.creditAccountId} ${f.phase} ${f.month}`;
          const seen = merged.get(key);
          merged.set(key, seen === undefined ? f : { ...seen, count: seen.count + f.count, amount: seen.amount + f.amount });
        }
        expect([...merged.values()].sort(compareTransferFlows)).toEqual(all);
        expect(marked.some((f) => f.marked === false)).toBe(true);
        // Without the option, no flow says it.
        expect(all.some((f) => "marked" in f)).toBe(false);
        // Past 2^53 the store sums another way; the marks hold there too.
        const big = 2n ** 60n + 1n;
        await store.createTransfers([{ id: "big-1", debitAccountId: source, creditAccountId: paid2, amount: big, date: DAY }]);
        const exact = await store.transferFlows({ idPrefix: "big-", markIdPrefix: "big-" });
        expect(exact).toEqual([{ ...flow(source, paid2, "posted", 1, big), marked: true }]);
      });
    });

    it("sums per month exactly past 2^53 fen too", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const big = 2n ** 60n + 1n;
        const move = (id: string, date: string): TransferInput => ({ id, debitAccountId: source, creditAccountId: paid2, amount: big, date });
        await store.createTransfers([move("big-1", DAY), move("big-2", DAY), move("big-3", "2026-05-02")]);
        expect(await store.transferFlows({ idPrefix: "big-", byMonth: true })).toEqual([
          { ...flow(source, paid2, "posted", 2, 2n * big), month: "2026-03" },
          { ...flow(source, paid2, "posted", 1, big), month: "2026-05" },
        ]);
      });
    });

    it("sums exactly past 2^53 fen: three of 2^52 + 1, and two of 2^60 + 1", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        const move = (id: string, amount: bigint): TransferInput => ({ id, debitAccountId: source, creditAccountId: paid2, amount, date: DAY });
        const wide = 2n ** 52n + 1n;
        const big = 2n ** 60n + 1n;
        const batch = [move("wide-1", wide), move("wide-2", wide), move("wide-3", wide), move("big-1", big), move("big-2", big)];
        expect((await store.createTransfers(batch)).applied).toBe(true);
        expect(await store.transferFlows({ idPrefix: "wide-" })).toEqual([flow(source, paid2, "posted", 3, 3n * wide)]);
        expect(await store.transferFlows({ idPrefix: "big-" })).toEqual([flow(source, paid2, "posted", 2, 2n * big)]);
      });
    });

    it("sees a transaction's own transfers, and nothing of a rolled-back one", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await expect(
          store.transaction(async (tx) => {
            await tx.createTransfers([pay("pay-7", 1_234n)]);
            expect(await tx.transferFlows({ idPrefix: "pay-" })).toEqual([flow(q1, paid1, "posted", 1, 1_234n)]);
            throw new Error("roll back");
          }),
        ).rejects.toThrow("roll back");
        expect(await store.transferFlows({ idPrefix: "pay-" })).toEqual([]);
      });
    });
  });
}
