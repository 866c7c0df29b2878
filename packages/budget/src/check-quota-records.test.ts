import { describe, expect, it } from "vitest";
import { budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { checkQuotaRecords } from "./check-quota-records";
import { QUOTA_COLLECTION } from "./quota-record";
import type { QuotaDocument } from "./quota-record";

describe("checkQuotaRecords", () => {
  it("passes quota lines loaded through loadQuota: each document and its account agree", async () => {
    expect(await checkQuotaRecords(await budgetStore([quotaLine(), quotaLine({ id: "Q-2026-002", functionCode: "2010102" })]))).toEqual([]);
  });

  it("reports a document whose function code was changed behind the ledger's back, with both codes", async () => {
    const store = await budgetStore([quotaLine()]);
    const doc = (await store.getRecord<QuotaDocument>(QUOTA_COLLECTION, "Q-2026-001"))!;
    await store.putRecord({ collection: QUOTA_COLLECTION, id: doc.id, data: { ...doc.data, functionCode: "2010102" }, index: doc.index, expectedVersion: doc.version });
    expect(await checkQuotaRecords(store)).toEqual([
      expect.objectContaining({ rule: "quota.record", evidence: { quotaId: "Q-2026-001", dimension: "functionCode", document: "2010102", account: "2010101" } }),
    ]);
  });

  it("reports a quota account whose document was deleted, and a document with no account", async () => {
    const store = await budgetStore([quotaLine()]);
    const doc = (await store.getRecord<QuotaDocument>(QUOTA_COLLECTION, "Q-2026-001"))!;
    await store.deleteRecord(QUOTA_COLLECTION, doc.id, doc.version);
    await store.putRecord({ collection: QUOTA_COLLECTION, id: "Q-2026-009", data: { ...doc.data, id: "Q-2026-009" } });
    expect((await checkQuotaRecords(store)).map((f) => f.message)).toEqual([
      "quota Q-2026-009 has a document but no ledger account",
      "quota Q-2026-001 has a ledger account but no document",
    ]);
  });
});
