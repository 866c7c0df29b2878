/** `putRecords`: many documents in one call, in order, all or none, with per-item versions. */
import { describe, expect, it } from "vitest";
import type { RecordWrite } from "../store/store";
import { withStore, type StoreHarness } from "./store-harness";

interface PaymentDoc {
  readonly status: string;
  readonly amountFen: string;
}

const doc = (id: string, status: string, expectedVersion?: number): RecordWrite<PaymentDoc> => ({
  collection: "payment",
  id,
  data: { status, amountFen: "1200000" },
  index: { status },
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});

/**
 * Registers the `putRecords` tests.
 *
 * @example
 * ```ts
 * recordBatchSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function recordBatchSuite(h: StoreHarness): void {
  describe("putRecords", () => {
    it("stores three submitted payments in one call, each at version 1, found by their index", async () => {
      await withStore(h, async (store) => {
        expect(await store.putRecords([doc("ZF001", "submitted", 0), doc("ZF002", "submitted", 0), doc("ZF003", "submitted")])).toEqual([1, 1, 1]);
        expect((await store.getRecord<PaymentDoc>("payment", "ZF002"))?.data.status).toBe("submitted");
        const found: string[] = [];
        for await (const r of store.queryRecords("payment", { where: { status: "submitted" } })) found.push(r.id);
        expect(found).toEqual(["ZF001", "ZF002", "ZF003"]);
      });
    });

    it("writes a payment twice in one call: the second check sees the first write", async () => {
      await withStore(h, async (store) => {
        expect(await store.putRecords([doc("ZF001", "submitted", 0), doc("ZF001", "approved", 1)])).toEqual([1, 2]);
        const r = await store.getRecord<PaymentDoc>("payment", "ZF001");
        expect([r?.version, r?.data.status]).toEqual([2, "approved"]);
        const approved: string[] = [];
        for await (const x of store.queryRecords("payment", { where: { status: "submitted" } })) approved.push(x.id);
        expect(approved).toEqual([]);
      });
    });

    it("updates stored payments and adds new ones in one call, each found by its new index only", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([doc("ZF001", "submitted", 0), doc("ZF002", "submitted", 0)]);
        expect(await store.putRecords([doc("ZF002", "paid", 1), doc("ZF003", "submitted", 0), doc("ZF001", "rejected")])).toEqual([2, 1, 2]);
        const ids = async (status: string) => {
          const out: string[] = [];
          for await (const r of store.queryRecords("payment", { where: { status } })) out.push(`${r.id}@${r.version}`);
          return out;
        };
        expect(await ids("submitted")).toEqual(["ZF003@1"]);
        expect(await ids("paid")).toEqual(["ZF002@2"]);
        expect(await ids("rejected")).toEqual(["ZF001@2"]);
      });
    });

    it("throws RECORD_VERSION_CONFLICT on a stale version and writes nothing of the call", async () => {
      await withStore(h, async (store) => {
        await store.putRecord(doc("ZF002", "submitted"));
        await expect(store.putRecords([doc("ZF001", "submitted", 0), doc("ZF002", "approved", 0), doc("ZF003", "submitted", 0)]))
          .rejects.toMatchObject({ code: "RECORD_VERSION_CONFLICT", details: { id: "ZF002", expectedVersion: 0, actualVersion: 1 } });
        expect(await store.getRecord("payment", "ZF001")).toBeUndefined();
        expect((await store.getRecord<PaymentDoc>("payment", "ZF002"))?.data.status).toBe("submitted");
        expect(await store.getRecord("payment", "ZF003")).toBeUndefined();
      });
    });

    it("inside a transaction that rolls back, leaves nothing", async () => {
      await withStore(h, async (store) => {
        await expect(
          store.transaction(async (tx) => {
            await tx.putRecords([doc("ZF001", "submitted", 0), doc("ZF002", "submitted", 0)]);
            expect((await tx.getRecord("payment", "ZF002"))?.version).toBe(1);
            throw new Error("import aborted");
          }),
        ).rejects.toThrow("import aborted");
        expect(await store.getRecord("payment", "ZF001")).toBeUndefined();
      });
    });

    it("accepts an empty call", async () => {
      await withStore(h, async (store) => expect(await store.putRecords([])).toEqual([]));
    });

    it("keeps documents of any JSON shape and awkward text as written: a bare string, a number, an array, quotes and control characters", async () => {
      await withStore(h, async (store) => {
        const values: Record<string, unknown> = {
          string: "a bare string",
          numeric: "12345",
          number: 42.5,
          nothing: null,
          list: ["青川", { fen: 12_345_678_901_234_567n }],
          awkward: { payee: '青川"引号"公司\\分部\n第二行\t制表', $key: "starts with $", ctl: "\u0001\u2028" },
        };
        await store.putRecords(Object.entries(values).map(([id, data]) => ({ collection: "shape", id, data })));
        const ids = Object.keys(values);
        const read = await store.getRecords("shape", ids);
        expect(Object.fromEntries(read.map((r, i) => [ids[i], r?.data]))).toEqual(values);
        // Updated in a second call, they read back as written again.
        await store.putRecords(ids.map((id) => ({ collection: "shape", id, data: values[id], expectedVersion: 1 })));
        expect((await store.getRecords("shape", ids)).map((r) => r?.version)).toEqual(ids.map(() => 2));
        expect((await store.getRecord("shape", "string"))?.data).toBe("a bare string");
      });
    });
  });

  describe("getRecords", () => {
    it("reads payments by id in one call, in the order asked, missing ones as undefined", async () => {
      await withStore(h, async (store) => {
        await store.putRecords([doc("ZF001", "submitted", 0), doc("ZF002", "submitted", 0), doc("ZF002", "paid", 1)]);
        await store.putRecord({ collection: "other", id: "ZF003", data: { status: "x", amountFen: "1" } });
        const found = await store.getRecords<PaymentDoc>("payment", ["ZF002", "ZF003", "ZF001"]);
        expect(found.map((r) => r && `${r.id}@${r.version} ${r.data.status}`)).toEqual(["ZF002@2 paid", undefined, "ZF001@1 submitted"]);
        expect(found[0]).toEqual(await store.getRecord("payment", "ZF002"));
        expect(await store.getRecords("payment", [])).toEqual([]);
      });
    });
  });
}
