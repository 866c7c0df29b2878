/**
 * PostgreSQL's payment and quota documents edited behind the store's back with direct SQL: a
 * sealed document changed with its version kept, one deleted, one set back to an older version;
 * the seal that last recorded them finds them (core's `verifyLedgerSeals`, `AUDIT_RECORD_MISMATCH`).
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

  it("finds sealed quota documents edited, deleted and set back to an older version with SQL, as payment documents are", async () => {
    const { store, admin, s } = db();
    const quota = (id: string, amount: string) => ({ id, agency: "101001", amount, documentNumber: "青财预〔2026〕1号" });
    for (const id of ["ZB1", "ZB2", "ZB3"]) await store.putRecord({ collection: "quota", id, data: quota(id, "500000"), index: { agency: "101001" } });
    await store.putRecord({ collection: "quota", id: "ZB3", data: quota("ZB3", "400000"), index: { agency: "101001" }, expectedVersion: 1 });
    const sealBoth = () => store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock: fixedClock("2026-03-31T18:00:00Z"), collections: ["payment", "quota"] }));
    // The file's store is shared: the payments' seals and edits of the test before stay, and are left aside here.
    expect(await sealBoth()).toMatchObject({ changedRecordsBy: { quota: 3 } });
    const event = (await store.lastAuditEvent())!.sequence;
    const quotaProblems = async () => (await verifyLedgerSeals(store)).problems.filter((p) => p.message.includes("quota documents"));
    expect(await quotaProblems()).toEqual([]);
    await admin.query(`UPDATE ${s}.records SET data = jsonb_set(data::jsonb, '{agency}', '"102001"')::json WHERE collection = 'quota' AND id = 'ZB1'`);
    await admin.query(`DELETE FROM ${s}.records WHERE collection = 'quota' AND id = 'ZB2'`);
    await admin.query(`UPDATE ${s}.records SET version = 1, data = jsonb_set(data::jsonb, '{amount}', '"500000"')::json WHERE collection = 'quota' AND id = 'ZB3'`);
    expect((await quotaProblems()).map((p) => [p.code, p.sequence, p.message.split(": ")[1]])).toEqual([["AUDIT_RECORD_MISMATCH", event, "ZB1 changed; ZB2 missing; ZB3 at version 1, sealed at version 2"]]);
  });
});
