/**
 * `countRecordsBy`: records counted per value of one indexed field, the `undefined` count of the
 * records that do not index it, re-puts and deletes, the shared sort order (CJK text, values of
 * different lengths) and a transaction's own uncommitted writes.
 */
import { describe, expect, it } from "vitest";
import type { RecordValueCount, RecordWrite } from "../store/store";
import { withStore, type StoreHarness } from "./store-harness";

interface PaymentDoc {
  readonly quotaId?: string;
  readonly amountFen: string;
}

/** A payment document indexing its quota (and status), or, without `quotaId`, indexing only its status. */
const payment = (id: string, quotaId?: string): RecordWrite<PaymentDoc> => ({
  collection: "payment",
  id,
  data: { ...(quotaId === undefined ? {} : { quotaId }), amountFen: "1200000" },
  index: { status: "submitted", ...(quotaId === undefined ? {} : { quotaId }) },
});

const count = (value: string | undefined, n: number): RecordValueCount => ({ value, count: n });

/**
 * Registers the `countRecordsBy` tests.
 *
 * @example
 * ```ts
 * recordCountsSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function recordCountsSuite(h: StoreHarness): void {
  describe("countRecordsBy", () => {
    it("counts payments per quota, sorted by quota id", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([payment("ZF003", "Q2"), payment("ZF001", "Q1"), payment("ZF002", "Q2"), payment("ZF004", "Q1"), payment("ZF005", "Q2")]);
        await store.putRecord({ collection: "contract", id: "HT001", data: {}, index: { quotaId: "Q1" } });
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 2), count("Q2", 3)]);
        expect(await store.countRecordsBy("payment", "status")).toEqual([count("submitted", 5)]);
      });
    });

    it("counts the payments without an indexed quota under undefined, listed last", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([payment("ZF001", "Q1"), payment("ZF002"), payment("ZF003", "Q1")]);
        await store.putRecord({ collection: "payment", id: "ZF004", data: { quotaId: "Q9" } });
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 2), count(undefined, 2)]);
      });
    });

    it("counts a payment re-put from quota Q1 to Q2 once, under Q2", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([payment("ZF001", "Q1"), payment("ZF002", "Q1")]);
        await store.putRecord(payment("ZF001", "Q2"));
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 1), count("Q2", 1)]);
        await store.putRecord(payment("ZF002"));
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q2", 1), count(undefined, 1)]);
      });
    });

    it("drops deleted payments from the counts", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([payment("ZF001", "Q1"), payment("ZF002", "Q2"), payment("ZF003")]);
        expect(await store.deleteRecord("payment", "ZF002")).toBe(true);
        expect(await store.deleteRecord("payment", "ZF003")).toBe(true);
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 1)]);
        expect(await store.deleteRecord("payment", "ZF001")).toBe(true);
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([]);
      });
    });

    it("gives [] for an unknown collection, and only the undefined count for a field no payment indexes", async () => {
      await withStore(h, async (store) => {
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([]);
        await store.putRecords([payment("ZF001", "Q1"), payment("ZF002", "Q2")]);
        expect(await store.countRecordsBy("refund", "quotaId")).toEqual([]);
        expect(await store.countRecordsBy("payment", "agency")).toEqual([count(undefined, 2)]);
      });
    });

    it("sorts CJK quota names and ids of different lengths in JavaScript string order in every store", async () => {
      await withStore(h, async (store) => {
        const values = ["指标-教育", "Q10", "Q9", "q1", "Q", "", "指标", "Ｑ1", "\u{20000}甲", "é", "Q1 "];
        await store.putRecords(values.map((v, i) => payment(`ZF${String(i).padStart(3, "0")}`, v)));
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted).toEqual(["", "Q", "Q1 ", "Q10", "Q9", "q1", "é", "指标", "指标-教育", "\u{20000}甲", "Ｑ1"]);
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual(sorted.map((v) => count(v, 1)));
      });
    });

    it("inside a transaction, counts the transaction's own writes and deletes; a rollback leaves the committed counts", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([payment("ZF001", "Q1"), payment("ZF002", "Q1")]);
        await expect(
          store.transaction(async (tx) => {
            await tx.putRecords([payment("ZF003", "Q2"), payment("ZF004")]);
            await tx.deleteRecord("payment", "ZF001");
            expect(await tx.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 1), count("Q2", 1), count(undefined, 1)]);
            throw new Error("import aborted");
          }),
        ).rejects.toThrow("import aborted");
        expect(await store.countRecordsBy("payment", "quotaId")).toEqual([count("Q1", 2)]);
      });
    });
  });
}
