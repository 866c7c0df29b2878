import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import type { Store, StoredRecord } from "../store/store";
import { pay, seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import { tamperedView } from "./_tampered-view";
import type { SealView } from "./_tampered-view";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { recordSealLine } from "./seal-records";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "./seal-ledger";
import { verifyLedgerSeals } from "./verify-ledger-seals";

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (view: SealView, collections: readonly string[] = ["payment"]) => sealLedger(view, { actor: "u:zhang", clock, collections });

interface Doc {
  readonly payeeName: string;
  readonly purpose: string;
  readonly status: string;
  readonly events: readonly { readonly status: string; readonly date: string }[];
}
const doc = (status: string): Doc => ({ payeeName: "青川市自来水有限公司", purpose: "水费", status, events: [{ status, date: "2026-03-10" }] });
const put = (store: Store, id: string, data: Doc) => store.putRecord({ collection: "payment", id, data, index: { status: data.status } });

/** A ledger with three payment documents ZF1..ZF3 (and a quota document, not sealed), sealed once. */
async function sealedPayments(): Promise<Store> {
  const store = createMemoryStore();
  await seedLedger(store);
  for (const id of ["ZF1", "ZF2", "ZF3"]) await put(store, id, doc("submitted"));
  await store.putRecord({ collection: "quota", id: "ZB1", data: { agency: "101001" } });
  await seal(store);
  return store;
}

/** The view of `store` with payment `id`'s document edited in place (its version kept). */
const edited = (store: SealView, id: string, change: (d: Doc) => Doc | undefined): SealView =>
  tamperedView(store, {
    record: (r) => {
      if (r.collection !== "payment" || r.id !== id) return r;
      const data = change(r.data as Doc);
      return data === undefined ? undefined : { ...r, data };
    },
  });

describe("sealLedger (the documents)", () => {
  it("records every document of the sealed collections at the first seal, then only those new or changed", async () => {
    const store = await sealedPayments();
    const first = (await store.getRecord<{ records: Record<string, { ids: string[]; versions: number[]; marks: string[]; deleted: string[] }> }>(LEDGER_SEAL_COLLECTION, "1"))!.data.records;
    expect(Object.keys(first)).toEqual(["payment"]);
    expect(first.payment).toMatchObject({ ids: ["ZF1", "ZF2", "ZF3"], versions: [1, 1, 1], deleted: [] });
    expect(first.payment!.marks).toHaveLength(3);
    // ZF2 approved, ZF4 submitted: no transfer, but a seal all the same.
    await put(store, "ZF2", doc("approved"));
    await put(store, "ZF4", doc("submitted"));
    expect(await seal(store)).toMatchObject({ count: 0, newAccounts: 0, changedRecords: 2 });
    const second = (await store.getRecord<{ records: Record<string, { ids: string[]; versions: number[] }> }>(LEDGER_SEAL_COLLECTION, "2"))!.data.records;
    expect(second.payment).toMatchObject({ ids: ["ZF2", "ZF4"], versions: [2, 1] });
    expect(await seal(store)).toBeUndefined();
    expect(await verifyLedgerSeals(store)).toMatchObject({ problems: [], records: { collections: ["payment"], sealed: 4, changedSince: 0, newSince: 0, firstEvent: 1 } });
  });

  it("goes on sealing a collection an earlier seal recorded when a later call does not name it", async () => {
    const store = await sealedPayments();
    await put(store, "ZF1", doc("approved"));
    expect(await seal(store, [])).toMatchObject({ changedRecords: 1 });
  });

  it("does not seal the seals' own records", async () => {
    const store = await sealedPayments();
    await put(store, "ZF1", doc("approved"));
    await seal(store, ["payment", LEDGER_SEAL_COLLECTION]);
    const kept = (await store.getRecord<{ records: Record<string, unknown> }>(LEDGER_SEAL_COLLECTION, "2"))!.data.records;
    expect(Object.keys(kept)).toEqual(["payment"]);
  });

  it("writes the collection, id, version, data and index of a document into its line", () => {
    const r: StoredRecord = { collection: "payment", id: "ZF1", version: 2, data: { amount: 30_750n, payeeName: "青川" }, index: { status: "paid" } };
    expect(recordSealLine(r)).toBe('["payment","ZF1",2,{"amount":"30750","payeeName":"青川"},{"status":"paid"}]\n');
  });
});

describe("verifyLedgerSeals (the documents)", () => {
  it("finds a sealed payment document's payee edited with its version kept, naming the seal and the payment", async () => {
    const store = await sealedPayments();
    const report = await verifyLedgerSeals(edited(store, "ZF2", (d) => ({ ...d, payeeName: "青川市某某贸易公司" })));
    expect(report.problems).toEqual([
      { code: "AUDIT_RECORD_MISMATCH", sequence: 1, message: "the payment documents sealed at event 1 have changed: ZF2 changed: a document was edited (its version kept or lowered) or deleted behind the store's back" },
    ]);
  });

  it("finds the date of a status change edited, which no transfer records, at the last seal that recorded the document", async () => {
    const store = await sealedPayments();
    await put(store, "ZF3", doc("approved"));
    await store.createTransfers([pay("pay:ZF9", 100n)]);
    await seal(store);
    const backdated = edited(store, "ZF3", (d) => ({ ...d, events: [{ status: "approved", date: "2026-01-02" }] }));
    expect((await verifyLedgerSeals(backdated)).problems).toEqual([{ code: "AUDIT_RECORD_MISMATCH", sequence: 2, message: expect.stringContaining("sealed at event 2 have changed: ZF3 changed: ") }]);
  });

  it("finds a sealed document deleted, and an older copy put back, but not one deleted before a seal recorded it so", async () => {
    const store = await sealedPayments();
    await put(store, "ZF1", doc("approved"));
    await seal(store);
    const older: StoredRecord<Doc> = { collection: "payment", id: "ZF1", version: 1, data: doc("submitted"), index: { status: "submitted" } };
    const tampered = tamperedView(store, {
      record: (r) => (r.id === "ZF2" ? undefined : r.id === "ZF1" ? older : r),
    });
    expect((await verifyLedgerSeals(tampered)).problems.map((p) => [p.sequence, p.message.split(": ")[1]])).toEqual([
      [1, "ZF2 missing"],
      [2, "ZF1 at version 1, sealed at version 2"],
    ]);
    await store.deleteRecord("payment", "ZF3");
    expect((await verifyLedgerSeals(store)).problems).toHaveLength(1);
    expect(await seal(store)).toMatchObject({ changedRecords: 1 });
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
  });

  it("counts documents changed or created since the last seal as not sealed yet, not as problems", async () => {
    const store = await sealedPayments();
    await put(store, "ZF1", doc("approved"));
    await put(store, "ZF5", doc("submitted"));
    expect(await verifyLedgerSeals(store)).toMatchObject({ problems: [], records: { sealed: 2, changedSince: 1, newSince: 1 } });
  });

  it("does not believe a seal record edited to leave a document out: it reports the record", async () => {
    const store = await sealedPayments();
    const kept = (await store.getRecord<{ records: { payment: { ids: string[]; versions: number[]; marks: string[]; deleted: string[] } } }>(LEDGER_SEAL_COLLECTION, "1"))!;
    const p = kept.data.records.payment;
    await store.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: "1", data: { ...kept.data, records: { payment: { ...p, ids: p.ids.slice(1), versions: p.versions.slice(1), marks: p.marks.slice(1) } } } });
    const report = await verifyLedgerSeals(edited(store, "ZF1", (d) => ({ ...d, purpose: "劳务费" })));
    expect(report.problems).toEqual([{ code: "AUDIT_SEAL_MISMATCH", sequence: 1, message: expect.stringContaining("it was edited behind the store's back") }]);
  });

  it("reads a seal made before documents were sealed as before, and says from which seal documents are covered", async () => {
    const store = await sealedPayments();
    // The first seal as an older version wrote it: no `records`, and the event's digest of that.
    const kept = (await store.getRecord<Record<string, unknown>>(LEDGER_SEAL_COLLECTION, "1"))!;
    const { records: _records, ...older } = kept.data;
    const olderDigest = await sha256Hasher.hash(new TextEncoder().encode(canonicalJson(older)));
    const asOlder: SealView = {
      ...edited(store, "ZF2", (d) => ({ ...d, payeeName: "青川市某某贸易公司" })),
      getRecord: async (collection, id) => (collection === LEDGER_SEAL_COLLECTION && id === "1" ? ({ ...kept, data: older } as never) : store.getRecord(collection, id)),
      async *auditEvents(from) {
        for await (const e of store.auditEvents(from)) yield e.sequence === 1 ? { ...e, digest: olderDigest } : e;
      },
    };
    const before = await verifyLedgerSeals(asOlder);
    expect(before).toMatchObject({ problems: [], records: { collections: [], sealed: 0 } });
    // The next seal records every document no believed seal recorded: from then on they are covered.
    await store.createTransfers([pay("pay:ZF9", 100n)]);
    expect(await seal(asOlder)).toMatchObject({ changedRecords: 3 });
    expect((await verifyLedgerSeals(asOlder)).records).toMatchObject({ collections: ["payment"], sealed: 3, firstEvent: 2 });
    const after = await verifyLedgerSeals(edited(asOlder, "ZF1", (d) => ({ ...d, payeeName: "X" })));
    expect(after.problems.map((p) => [p.code, p.sequence])).toEqual([["AUDIT_RECORD_MISMATCH", 2]]);
  });

  it("covers a collection sealed from a later seal on (quota documents after payments), and says which seals did not", async () => {
    const store = await sealedPayments();
    // The quota document existed at the first seal, which did not seal it.
    expect(await seal(store, ["payment", "quota"])).toMatchObject({ changedRecords: 1, changedRecordsBy: { payment: 0, quota: 1 } });
    expect((await verifyLedgerSeals(store)).records).toMatchObject({ collections: ["payment", "quota"], firstEvent: 1, firstEvents: { payment: 1, quota: 2 } });
    // Later seals go on sealing it without being told.
    await store.putRecord({ collection: "quota", id: "ZB2", data: { agency: "102001" } });
    await store.putRecord({ collection: "quota", id: "ZB1", data: { agency: "101001", amount: "100" } });
    expect(await seal(store)).toMatchObject({ changedRecordsBy: { payment: 0, quota: 2 } });
    const quota = (id: string, change: (r: StoredRecord) => StoredRecord | undefined): SealView =>
      tamperedView(store, { record: (r) => (r.collection === "quota" && r.id === id ? change(r) : r) });
    const found = async (view: SealView) => (await verifyLedgerSeals(view)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]);
    expect(await found(quota("ZB1", (r) => ({ ...r, data: { agency: "102001", amount: "100" } })))).toEqual([["AUDIT_RECORD_MISMATCH", 3, "ZB1 changed"]]);
    expect(await found(quota("ZB2", () => undefined))).toEqual([["AUDIT_RECORD_MISMATCH", 3, "ZB2 missing"]]);
    // The copy sealed at event 2 put back: an older version than the last seal recorded.
    expect(await found(quota("ZB1", (r) => ({ ...r, version: 1, data: { agency: "101001" } })))).toEqual([["AUDIT_RECORD_MISMATCH", 3, "ZB1 at version 1, sealed at version 2"]]);
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
  });

  it("keeps 128-bit marks, and verifies the 64-bit marks of seals made before them by their 16 digits", async () => {
    const store = await sealedPayments();
    type Kept = { accounts: { marks: string[] }; records: { payment: { marks: string[] } } };
    const kept = (await store.getRecord<Kept>(LEDGER_SEAL_COLLECTION, "1"))!;
    expect(kept.data.records.payment.marks.every((m) => /^[0-9a-f]{32}$/.test(m))).toBe(true);
    expect(kept.data.accounts.marks.every((m) => /^[0-9a-f]{32}$/.test(m))).toBe(true);
    // The same seal as an earlier version kept it: 16-digit marks, and its event's digest of that.
    const asOlder = (digits: number): SealView => {
      const short = (marks: string[]) => marks.map((m) => m.slice(0, digits));
      const older = { ...kept.data, accounts: { ...kept.data.accounts, marks: short(kept.data.accounts.marks) }, records: { payment: { ...kept.data.records.payment, marks: short(kept.data.records.payment.marks) } } };
      const olderDigest = sha256Hasher.hash(new TextEncoder().encode(canonicalJson(older)));
      return {
        ...tamperedView(store, {}),
        getRecord: async (collection, id) => (collection === LEDGER_SEAL_COLLECTION && id === "1" ? ({ ...kept, data: older } as never) : store.getRecord(collection, id)),
        async *auditEvents(from) {
          for await (const e of store.auditEvents(from)) yield e.sequence === 1 ? { ...e, digest: await olderDigest } : e;
        },
      };
    };
    expect((await verifyLedgerSeals(asOlder(16))).problems).toEqual([]);
    const payeeEdited = (view: SealView) => verifyLedgerSeals(edited(view, "ZF2", (d) => ({ ...d, payeeName: "青川市某某贸易公司" })));
    expect((await payeeEdited(asOlder(16))).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]])).toEqual([["AUDIT_RECORD_MISMATCH", 1, "ZF2 changed"]]);
    // A mark cut shorter than any seal kept is not believed: every document it names is reported.
    expect((await verifyLedgerSeals(asOlder(8))).problems.map((p) => p.code)).toEqual(["AUDIT_ACCOUNT_MISMATCH", "AUDIT_RECORD_MISMATCH"]);
  });
});
