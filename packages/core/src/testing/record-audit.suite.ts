/** The record store (optimistic versions, index queries, paging), the audit event log, and periods closed on the record. */
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../audit/audit-event";
import { closePeriod } from "../audit/close-period";
import { sealLedger } from "../audit/seal-ledger";
import { verifyLedgerSeals } from "../audit/verify-ledger-seals";
import { verifyPeriodLocks } from "../audit/verify-period-locks";
import { fixedClock } from "../time/clock";
import type { StoredRecord } from "../store/store";
import { withStore, type StoreHarness } from "./store-harness";

interface Payment {
  readonly payee: string;
  readonly amountFen: string;
  readonly lines: readonly string[];
}

const payment = (payee: string, amountFen: string): Payment => ({ payee, amountFen, lines: ["30201"] });

/**
 * An audit event with the given sequence (hashes are placeholders: stores only persist them).
 *
 * @example
 * ```ts
 * auditEvent(1).prevHash; // 64 zeros
 * ```
 */
export function auditEvent(sequence: number): AuditEvent {
  return {
    sequence,
    at: `2026-03-10T08:00:0${sequence % 10}.000Z`,
    actor: "cli:zhang.wei",
    action: "ledger.createTransfers",
    subject: `payments-${sequence}.csv`,
    digest: "a".repeat(64),
    prevHash: sequence === 1 ? "0".repeat(64) : String(sequence - 1).padStart(64, "0"),
    hash: String(sequence).padStart(64, "0"),
  };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/**
 * Registers the record and audit tests.
 *
 * @example
 * ```ts
 * recordAuditSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function recordAuditSuite(h: StoreHarness): void {
  describe("putRecord", () => {
    it("stores version 1, then 2, and returns what getRecord reads", async () => {
      await withStore(h, async (store) => {
        const first = await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("北京某公司", "120000"),
          index: { agency: "101001", status: "draft" }, expectedVersion: 0 });
        expect(first).toEqual({ collection: "payments", id: "ZF-001", version: 1, data: payment("北京某公司", "120000"),
          index: { agency: "101001", status: "draft" } });
        const second = await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("北京某公司", "99000"),
          index: { agency: "101001", status: "approved" }, expectedVersion: 1 });
        expect(second.version).toBe(2);
        expect(await store.getRecord<Payment>("payments", "ZF-001")).toEqual(second);
        expect(await store.getRecord("persons", "ZF-001")).toBeUndefined();
      });
    });

    it("throws RECORD_VERSION_CONFLICT for a stale version or an existing id with expectedVersion 0", async () => {
      await withStore(h, async (store) => {
        await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("甲", "1") });
        await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("甲", "2") });
        for (const expectedVersion of [0, 1, 3]) {
          await expect(store.putRecord({ collection: "payments", id: "ZF-001", data: payment("乙", "3"), expectedVersion }))
            .rejects.toMatchObject({ code: "RECORD_VERSION_CONFLICT" });
        }
        await expect(store.putRecord({ collection: "payments", id: "ZF-404", data: payment("乙", "3"), expectedVersion: 1 }))
          .rejects.toMatchObject({ code: "RECORD_VERSION_CONFLICT" });
        expect((await store.getRecord<Payment>("payments", "ZF-001"))?.data.amountFen).toBe("2");
      });
    });

    it("keeps the stored data when the caller mutates what it wrote or read", async () => {
      await withStore(h, async (store) => {
        const data = { payee: "甲", amountFen: "1", lines: ["30201"] };
        await store.putRecord({ collection: "payments", id: "ZF-001", data });
        data.lines.push("30202");
        const read = await store.getRecord<{ lines: string[] }>("payments", "ZF-001");
        read?.data.lines.push("30299");
        expect((await store.getRecord<Payment>("payments", "ZF-001"))?.data.lines).toEqual(["30201"]);
      });
    });
  });

  describe("queryRecords", () => {
    it("filters on indexed fields and pages in id order", async () => {
      await withStore(h, async (store) => {
        for (const [id, agency] of [["ZF-003", "101001"], ["ZF-001", "101001"], ["ZF-002", "102001"], ["ZF-004", "101001"]]) {
          await store.putRecord({ collection: "payments", id: id!, data: payment(id!, "1"), index: { agency: agency!, year: "2026" } });
        }
        await store.putRecord({ collection: "persons", id: "P-1", data: {}, index: { agency: "101001" } });
        const ids = (rs: StoredRecord[]) => rs.map((r) => r.id);
        expect(ids(await collect(store.queryRecords("payments")))).toEqual(["ZF-001", "ZF-002", "ZF-003", "ZF-004"]);
        const where = { agency: "101001", year: "2026" };
        expect(ids(await collect(store.queryRecords("payments", { where })))).toEqual(["ZF-001", "ZF-003", "ZF-004"]);
        expect(ids(await collect(store.queryRecords("payments", { where, limit: 2 })))).toEqual(["ZF-001", "ZF-003"]);
        expect(ids(await collect(store.queryRecords("payments", { where, limit: 2, afterId: "ZF-003" })))).toEqual(["ZF-004"]);
        expect(ids(await collect(store.queryRecords("payments", { where: { agency: "999999" } })))).toEqual([]);
        // A record matching one field but not the other is left out, whichever field it is.
        await store.putRecord({ collection: "payments", id: "ZF-000", data: payment("ZF-000", "1"), index: { agency: "101001", year: "2025" } });
        await store.putRecord({ collection: "payments", id: "ZF-005", data: payment("ZF-005", "1"), index: { year: "2026" } });
        expect(ids(await collect(store.queryRecords("payments", { where })))).toEqual(["ZF-001", "ZF-003", "ZF-004"]);
        expect(ids(await collect(store.queryRecords("payments", { where: { year: "2026" } })))).toEqual(["ZF-001", "ZF-002", "ZF-003", "ZF-004", "ZF-005"]);
      });
    });

    it("pages through more matching records than a store reads at once, in id order", async () => {
      await withStore(h, async (store) => {
        const writes = Array.from({ length: 2_500 }, (_, k) => ({
          collection: "payments",
          id: `ZF-${String(k).padStart(5, "0")}`,
          data: payment(`ZF-${k}`, "1"),
          index: { agency: k % 2 === 0 ? "101001" : "102001", status: k % 5 === 0 ? "refunded" : "paid" },
        }));
        await store.putRecords(writes);
        const even = writes.filter((_, k) => k % 2 === 0).map((w) => w.id);
        const read = (await collect(store.queryRecords("payments", { where: { agency: "101001" } }))).map((r) => r.id);
        expect(read).toEqual(even);
        const both = (await collect(store.queryRecords("payments", { where: { agency: "101001", status: "refunded" } }))).map((r) => r.id);
        expect(both).toEqual(writes.filter((_, k) => k % 10 === 0).map((w) => w.id));
        const after = (await collect(store.queryRecords("payments", { where: { agency: "101001" }, afterId: "ZF-01999", limit: 600 }))).map((r) => r.id);
        expect(after).toEqual(even.filter((id) => id > "ZF-01999"));
      });
    });
  });

  describe("deleteRecord", () => {
    it("deletes with a version check and reports whether the record existed", async () => {
      await withStore(h, async (store) => {
        await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("甲", "1") });
        await expect(store.deleteRecord("payments", "ZF-001", 2)).rejects.toMatchObject({ code: "RECORD_VERSION_CONFLICT" });
        expect(await store.deleteRecord("payments", "ZF-001", 1)).toBe(true);
        expect(await store.deleteRecord("payments", "ZF-001")).toBe(false);
        expect(await store.getRecord("payments", "ZF-001")).toBeUndefined();
        const again = await store.putRecord({ collection: "payments", id: "ZF-001", data: payment("甲", "1"), expectedVersion: 0 });
        expect(again.version).toBe(1);
      });
    });
  });

  describe("appendAuditEvent", () => {
    it("appends events 1 and 2 and throws AUDIT_SEQUENCE_CONFLICT for 2 again or 4", async () => {
      await withStore(h, async (store) => {
        expect(await store.lastAuditEvent()).toBeUndefined();
        await expect(store.appendAuditEvent(auditEvent(2))).rejects.toMatchObject({ code: "AUDIT_SEQUENCE_CONFLICT" });
        await store.appendAuditEvent(auditEvent(1));
        await store.appendAuditEvent(auditEvent(2));
        await expect(store.appendAuditEvent(auditEvent(2))).rejects.toMatchObject({ code: "AUDIT_SEQUENCE_CONFLICT" });
        await expect(store.appendAuditEvent(auditEvent(4))).rejects.toMatchObject({ code: "AUDIT_SEQUENCE_CONFLICT" });
        await store.appendAuditEvent(auditEvent(3));
        expect(await store.lastAuditEvent()).toEqual(auditEvent(3));
        expect(await collect(store.auditEvents())).toEqual([auditEvent(1), auditEvent(2), auditEvent(3)]);
        expect((await collect(store.auditEvents(2))).map((e) => e.sequence)).toEqual([2, 3]);
      });
    });
  });

  describe("putAuditCheckpoint", () => {
    it("lists checkpoints in sequence order", async () => {
      await withStore(h, async (store) => {
        const cp = (sequence: number) => ({ sequence, hash: String(sequence).padStart(64, "0"), at: "2026-03-10T08:00:00.000Z",
          algorithm: "ed25519", keyId: "key-2026", signature: "c2lnbmF0dXJl" });
        await store.putAuditCheckpoint(cp(20));
        await store.putAuditCheckpoint(cp(10));
        expect(await store.auditCheckpoints()).toEqual([cp(10), cp(20)]);
      });
    });
  });

  describe("closePeriod", () => {
    it("keeps each lock as its period.close event names it, for every book and for one, so verifyPeriodLocks finds nothing", async () => {
      await withStore(h, async (store) => {
        const options = { actor: "cli:zhang.wei", clock: fixedClock("2026-02-03T09:00:00Z") };
        await store.transaction((tx) => closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, options));
        await store.transaction((tx) => closePeriod(tx, { from: "2026-02-01", to: "2026-02-28", book: "quota" }, options));
        expect(await store.periodLocks()).toEqual([{ from: "2026-01-01", to: "2026-01-31" }, { from: "2026-02-01", to: "2026-02-28", book: "quota" }]);
        expect(await verifyPeriodLocks(store)).toEqual({ closes: 2, locks: 2, problems: [] });
      });
    });

    it("adds neither the lock nor its event when the close is rolled back", async () => {
      await withStore(h, async (store) => {
        await expect(
          store.transaction(async (tx) => {
            await closePeriod(tx, { from: "2026-01-01", to: "2026-01-31" }, { actor: "cli:zhang.wei", clock: fixedClock("2026-02-03T09:00:00Z") });
            throw new Error("roll back");
          }),
        ).rejects.toThrow("roll back");
        expect(await store.periodLocks()).toEqual([]);
        expect(await store.lastAuditEvent()).toBeUndefined();
      });
    });
  });

  describe("sealLedger", () => {
    it("reads back the accounts and documents it sealed as they were written, so verifyLedgerSeals finds nothing, before and after a document changes", async () => {
      await withStore(h, async (store) => {
        const clock = fixedClock("2026-03-31T18:00:00Z");
        const seal = () => store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang.wei", clock, collections: ["payment"] }));
        await store.createAccounts([{ id: "quota:Q1", book: "quota", code: "2001", name: "办公费", normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, dimensions: { fiscalYear: "2026", agency: "101001" } }]);
        // Key order, a bigint amount, nested arrays and Chinese text: what each store's JSON keeps.
        const data = { purpose: "水费", amountFen: 30_750n, refunds: [{ date: "2026-03-12", amount: "100" }], events: [[1, true, null]] };
        await store.putRecord({ collection: "payment", id: "ZF1", data, index: { status: "paid", quotaId: "Q1" } });
        await store.putRecord({ collection: "payment", id: "ZF2", data: payment("青川", "100") });
        expect(await seal()).toMatchObject({ count: 0, newAccounts: 1, changedRecords: 2 });
        expect(await verifyLedgerSeals(store)).toMatchObject({ problems: [], records: { sealed: 2, changedSince: 0, newSince: 0 } });
        await store.putRecord({ collection: "payment", id: "ZF2", data: payment("青川", "200"), expectedVersion: 1 });
        expect(await seal()).toMatchObject({ changedRecords: 1 });
        expect((await verifyLedgerSeals(store)).problems).toEqual([]);
      });
    });
  });
}
