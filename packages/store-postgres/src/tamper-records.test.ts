/**
 * PostgreSQL's payment documents edited behind the store's back with direct SQL: a sealed
 * document's payee changed with its version kept, and one deleted; the seal that last recorded
 * them finds them (core's `verifyLedgerSeals`, `AUDIT_RECORD_MISMATCH`).
 */
import { fixedClock, sealLedger, verifyLedgerSeals } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { useTamperStore } from "./testing/tamper-store";

const doc = (status: string) => ({ payeeName: "青川市自来水有限公司", purpose: "水费", status, events: [{ status, date: "2026-03-10" }] });

const db = useTamperStore(async (store) => {
  for (const id of ["ZF1", "ZF2", "ZF3"]) await store.putRecord({ collection: "payment", id, data: doc("submitted"), index: { status: "submitted" } });
});

const seal = () => db().store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock: fixedClock("2026-03-31T18:00:00Z"), collections: ["payment"] }));

describe("verifyLedgerSeals on PostgreSQL (the documents)", () => {
  it("seals the documents, then only those changed, and finds one edited with SQL and one deleted, naming the seal and the payments", async () => {
    const { store, admin, s } = db();
    expect(await seal()).toMatchObject({ count: 0, changedRecords: 3 });
    await store.putRecord({ collection: "payment", id: "ZF3", data: doc("approved"), index: { status: "approved" }, expectedVersion: 1 });
    expect((await verifyLedgerSeals(store)).records).toMatchObject({ sealed: 2, changedSince: 1 });
    expect(await seal()).toMatchObject({ count: 0, changedRecords: 1 });
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
    await admin.query(`UPDATE ${s}.records SET data = jsonb_set(data::jsonb, '{payeeName}', '"青川市某某贸易公司"')::json WHERE collection = 'payment' AND id = 'ZF1'`);
    await admin.query(`UPDATE ${s}.records SET data = jsonb_set(data::jsonb, '{events,0,date}', '"2026-03-01"')::json WHERE collection = 'payment' AND id = 'ZF3'`);
    await admin.query(`DELETE FROM ${s}.records WHERE collection = 'payment' AND id = 'ZF2'`);
    const problems = (await verifyLedgerSeals(store)).problems;
    expect(problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]])).toEqual([
      ["AUDIT_RECORD_MISMATCH", 1, "ZF1 changed; ZF2 missing"],
      ["AUDIT_RECORD_MISMATCH", 2, "ZF3 changed"],
    ]);
  });
});
