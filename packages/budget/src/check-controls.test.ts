import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { checkControls } from "./check-controls";
import { QUOTA_CONTROL_COLLECTION, defineQuotaControl } from "./define-quota-control";
import type { QuotaControlDocument } from "./define-quota-control";
import { CONTROL_SOURCE_ACCOUNT_ID, QUOTA_BOOK, controlAccountIds } from "./quota-account-ids";
import { reserveQuota } from "./reserve-quota";
import { retireQuotaControl } from "./retire-quota-control";

/** Rewrites a control's document, as a hand edit in the database could. */
async function editControl(store: Store, id: string, change: (doc: QuotaControlDocument) => QuotaControlDocument): Promise<void> {
  const stored = await store.getRecord<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION, id);
  await store.putRecord({ ...stored!, data: change(stored!.data), expectedVersion: stored!.version });
}

describe("checkControls", () => {
  it("reports nothing when no control is configured", async () => {
    expect(await checkControls(await budgetStore())).toEqual([]);
  });

  it("reports the highest threshold a control has reached, with its usage as evidence", async () => {
    const control = agencyControl({ limit: 40_000_000n, policy: "advisory", thresholds: [{ percent: 50, severity: "info" }, { percent: 90, severity: "warning" }] });
    const store = await budgetStore([quotaLine()], [control]);
    const limit = control.limit;
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: (limit * 95n) / 100n, date: "2026-03-02", immediate: true }, [control]).transfers)).toBe(true);
    const findings = await checkControls(store);
    expect(findings).toEqual([
      expect.objectContaining({ rule: "control.warning", severity: "warning", evidence: expect.objectContaining({ controlId: control.id, policy: "advisory" }) }),
    ]);
    expect(findings[0]!.message).toBe("control 101001-302 (101001 商品和服务支出) has used 380,000.00 of 400,000.00, at or past 90%");
  });

  it("does not repeat a control's id as its name when it has no other", async () => {
    const control = agencyControl({ name: "101001-302", limit: 100n, thresholds: [{ percent: 100, severity: "critical" }] });
    const store = await budgetStore([quotaLine()], [control]);
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 100n, date: "2026-03-02", immediate: true }, [control]).transfers)).toBe(true);
    expect((await checkControls(store))[0]!.message).toBe("control 101001-302 has used 1.00 of 1.00, at or past 100%");
  });

  it("passes controls of every policy whose documents are as defined", async () => {
    const controls = [agencyControl(), agencyControl({ id: "A", policy: "advisory" }), agencyControl({ id: "T", policy: "track" })];
    expect(await checkControls(await budgetStore([quotaLine()], controls))).toEqual([]);
  });
});

describe("checkControls (control.record): a control's document edited behind the store's back", () => {
  it("reports a limit edited in the document against its limit transfers, raised once, alike from flows read for several rules", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl()]);
    await defineQuotaControl(store, agencyControl({ limit: 80_000_000n, date: "2026-06-01" }));
    expect(await checkControls(store)).toEqual([]);
    await editControl(store, "101001-302", (doc) => ({ ...doc, limit: "99000000" }));
    const findings = await checkControls(store);
    expect(findings).toEqual([
      expect.objectContaining({ rule: "control.record", message: "control 101001-302's document says limit 990,000.00, but its ledger account was given 800,000.00" }),
    ]);
    const flows = await store.transferFlows({ phases: ["posted", "pending", "post"], byMonth: true, markIdPrefix: "pay:" });
    expect(await checkControls(store, flows)).toEqual(findings);
  });

  it("reports an absolute control's policy edited to track, which would let imports pass its limit", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl()]);
    await editControl(store, "101001-302", (doc) => ({ ...doc, policy: "track" }));
    expect(await checkControls(store)).toEqual([
      {
        rule: "control.record",
        severity: "error",
        message: "control 101001-302's document says policy track, but its ledger account limits its use to its limit, as only an absolute control's does",
        evidence: { controlId: "101001-302", field: "policy", policy: "track", ledgerPolicy: "absolute", code: "BUDGET_CONTROL_CONFLICT" },
      },
    ]);
  });

  it("reports a tracking control's policy edited to absolute, and an advisory one's edited to track, from the definition its limit transfer recorded", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl({ id: "T", policy: "track" }), agencyControl({ id: "A", policy: "advisory" })]);
    await editControl(store, "T", (doc) => ({ ...doc, policy: "absolute" }));
    await editControl(store, "A", (doc) => ({ ...doc, policy: "track" }));
    expect((await checkControls(store)).map((f) => f.message)).toEqual([
      "control A's document says policy track, but its definition in the ledger (transfer quota-control-limit:A) says advisory",
      "control T's document says policy absolute, but its ledger account does not limit its use, as an absolute control's does",
    ]);
  });

  it("reports matchers edited to count other payments against the control, but not the same matchers in another order", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl(), agencyControl({ id: "B" })]);
    await editControl(store, "101001-302", (doc) => ({ ...doc, match: [{ dimension: "agency", value: "101001" }, { dimension: "economicCode", value: "30299" }] }));
    await editControl(store, "B", (doc) => ({ ...doc, match: [...doc.match].reverse() }));
    expect(await checkControls(store)).toEqual([
      expect.objectContaining({
        rule: "control.record",
        message: "control 101001-302's document says match agency=101001, economicCode=30299, but its definition in the ledger (transfer quota-control-limit:101001-302) says agency=101001, economicCode=302*",
        evidence: { controlId: "101001-302", field: "match", match: "agency=101001, economicCode=30299", ledgerMatch: "agency=101001, economicCode=302*", code: "BUDGET_CONTROL_CONFLICT" },
      }),
    ]);
  });

  it("checks the policy of a control defined before definitions were recorded against its account alone", async () => {
    const store = await budgetStore([quotaLine()]);
    // As an earlier build defined it: the limit transfer names the document, nothing more.
    const ids = controlAccountIds("OLD");
    await store.createAccounts([
      { id: CONTROL_SOURCE_ACCOUNT_ID, book: QUOTA_BOOK, code: "控制来源", name: "控制数来源", normalSide: "debit" },
      { id: ids.control, book: QUOTA_BOOK, code: "OLD", name: "OLD", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
      { id: ids.spent, book: QUOTA_BOOK, code: "控制执行", name: "OLD", normalSide: "credit" },
    ]);
    await apply(store, [{ id: "quota-control-limit:OLD", debitAccountId: CONTROL_SOURCE_ACCOUNT_ID, creditAccountId: ids.control, amount: 100n, date: "2026-01-01", references: { documentId: "OLD" } }]);
    const { limit: _limit, ...rest } = agencyControl({ id: "OLD", name: "OLD" });
    await store.putRecord({ collection: QUOTA_CONTROL_COLLECTION, id: "OLD", data: { ...rest, limit: "100", match: [{ dimension: "agency", value: "999" }] }, index: { policy: "absolute" } });
    expect(await checkControls(store)).toEqual([]);
    await editControl(store, "OLD", (doc) => ({ ...doc, policy: "advisory" }));
    expect((await checkControls(store)).map((f) => f.message)).toEqual([
      "control OLD's document says policy advisory, but its ledger account limits its use to its limit, as only an absolute control's does",
    ]);
  });
});

describe("checkControls with a retired control", () => {
  it("passes a retired control with legs before and after, and raises no threshold warning for it", async () => {
    const control = agencyControl({ limit: 100_000n, policy: "advisory", thresholds: [{ percent: 50, severity: "warning" }] });
    const store = await budgetStore([quotaLine()], [control]);
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 90_000n, date: "2026-03-02", immediate: true }, [control]).transfers)).toBe(true);
    expect(await checkControls(store)).toEqual([expect.objectContaining({ rule: "control.warning" })]);
    await retireQuotaControl(store, control.id, { date: "2026-07-01" });
    expect(await checkControls(store)).toEqual([]);
  });

  it("reports a retirement written into the document alone, one erased from it, and one moved", async () => {
    const store = await budgetStore([quotaLine()], [agencyControl(), agencyControl({ id: "B" })]);
    await editControl(store, "B", (doc) => ({ ...doc, retired: "2026-07-01" }));
    await retireQuotaControl(store, "101001-302", { date: "2026-07-01" });
    await editControl(store, "101001-302", ({ retired: _, ...doc }) => doc);
    expect((await checkControls(store)).map((f) => [f.rule, f.message])).toEqual([
      ["control.record", "control 101001-302's document says it is in force, but its retirement in the ledger (transfer quota-control-retire:101001-302) says 2026-07-01"],
      ["control.record", "control B's document says it was retired from 2026-07-01, but the ledger has no retirement of it"],
    ]);
    await editControl(store, "101001-302", (doc) => ({ ...doc, retired: "2026-08-01" }));
    expect((await checkControls(store))[0]).toMatchObject({ rule: "control.record", evidence: { field: "retired", retired: "2026-08-01", ledgerRetired: "2026-07-01" } });
  });
});
