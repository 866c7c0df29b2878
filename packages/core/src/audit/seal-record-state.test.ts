import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import type { Store, StoreTx } from "../store/store";
import { seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import type { SealedRecords } from "./seal-records";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "./seal-ledger";
import { verifyLedgerSeals } from "./verify-ledger-seals";
import { LEDGER_SEAL_STATE_COLLECTION } from "./seal-record-state";

const clock = fixedClock("2026-03-31T18:00:00Z");
const doc = (status: string) => ({ payeeName: "青川市自来水有限公司", purpose: "水费", status });
const put = (store: Store, id: string, status: string) => store.putRecord({ collection: "payment", id, data: doc(status), index: { status } });

/** What a seal read: the kept seal records by id, and where it started reading the audit chain. */
interface Reads {
  readonly sealRecords: string[];
  readonly chainFrom: number[];
}

async function seal(store: Store, collections: readonly string[] = ["payment"]): Promise<Reads> {
  const reads: Reads = { sealRecords: [], chainFrom: [] };
  const view: StoreTx = {
    ...store,
    getRecord: (collection, id) => (collection === LEDGER_SEAL_COLLECTION && reads.sealRecords.push(id), store.getRecord(collection, id)),
    auditEvents: (from) => (reads.chainFrom.push(from ?? 1), store.auditEvents(from)),
  };
  await sealLedger(view, { actor: "u:zhang", clock, collections });
  return reads;
}

const keptRecords = async (store: Store, event: number): Promise<SealedRecords> =>
  (await store.getRecord<{ records: SealedRecords }>(LEDGER_SEAL_COLLECTION, String(event)))!.data.records;

/** The fixture ledger with payment documents ZF1..ZF3 sealed at event 1, and ZF2 paid and sealed at event 2. */
async function sealedTwice(): Promise<Store> {
  const store = createMemoryStore();
  await seedLedger(store);
  for (const id of ["ZF1", "ZF2", "ZF3"]) await put(store, id, "submitted");
  await seal(store);
  await put(store, "ZF2", "paid");
  expect(await seal(store)).toEqual({ sealRecords: ["1"], chainFrom: [1] });
  return store;
}

describe("sealLedger (the versions kept between seals)", () => {
  it("reads the last seal record and the versions it keeps, not the earlier seals, and seals what changed since", async () => {
    const store = await sealedTwice();
    await put(store, "ZF3", "paid");
    await put(store, "ZF4", "submitted");
    await store.deleteRecord("payment", "ZF1");
    expect(await seal(store)).toEqual({ sealRecords: ["2"], chainFrom: [2] });
    expect((await keptRecords(store, 3)).payment).toMatchObject({ ids: ["ZF3", "ZF4"], versions: [2, 1], deleted: ["ZF1"], state: expect.stringMatching(/^sha-256:/) });
    expect((await store.getRecord(LEDGER_SEAL_STATE_COLLECTION, "payment"))!.data).toEqual({ ids: ["ZF2", "ZF3", "ZF4"], versions: [2, 2, 1] });
    expect(await verifyLedgerSeals(store)).toMatchObject({ problems: [], records: { sealed: 3, changedSince: 0, newSince: 0 } });
  });

  it("keeps the versions of a collection no document of which changed, and seals a collection named later from its first document", async () => {
    const store = await sealedTwice();
    const kept = await store.getRecord(LEDGER_SEAL_STATE_COLLECTION, "payment");
    await store.putRecord({ collection: "quota", id: "ZB1", data: { agency: "101001" } });
    expect(await seal(store, ["payment", "quota"])).toEqual({ sealRecords: ["2"], chainFrom: [2] });
    expect((await store.getRecord(LEDGER_SEAL_STATE_COLLECTION, "payment"))!.version).toBe(kept!.version);
    expect(await keptRecords(store, 3)).toMatchObject({ payment: { ids: [], state: (await keptRecords(store, 2)).payment!.state }, quota: { ids: ["ZB1"], versions: [1] } });
  });

  it("does not believe versions edited to pass a changed document off as sealed: it reads every earlier seal and seals it", async () => {
    const store = await sealedTwice();
    await put(store, "ZF3", "paid");
    await store.putRecord({ collection: LEDGER_SEAL_STATE_COLLECTION, id: "payment", data: { ids: ["ZF1", "ZF2", "ZF3"], versions: [1, 2, 2] } });
    expect(await seal(store)).toEqual({ sealRecords: ["2", "1", "2"], chainFrom: [2, 1] });
    expect((await keptRecords(store, 3)).payment).toMatchObject({ ids: ["ZF3"], versions: [2], deleted: [] });
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
  });

  it("reads every earlier seal after seals that kept no versions (made before session 18)", async () => {
    const store = await sealedTwice();
    await store.deleteRecord(LEDGER_SEAL_STATE_COLLECTION, "payment");
    await put(store, "ZF1", "paid");
    expect((await seal(store)).chainFrom).toEqual([2, 1]);
    expect((await keptRecords(store, 3)).payment).toMatchObject({ ids: ["ZF1"], versions: [2] });
  });
});
