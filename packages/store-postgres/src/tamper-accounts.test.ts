/**
 * PostgreSQL's accounts edited behind the store's back with direct SQL: a quota line moved to
 * another agency (its dimensions), which every balance and limit still allows; the seal that
 * covered the account finds it (core's `verifyLedgerSeals`, `AUDIT_ACCOUNT_MISMATCH`).
 */
import { fixedClock, sealLedger, verifyLedgerSeals } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { useTamperStore } from "./testing/tamper-store";

const db = useTamperStore(async (store) => {
  await store.createAccounts([
    { id: "quota:Q1", book: "quota", code: "Q1", normalSide: "credit", dimensions: { agency: "101001" }, flags: { debitsMustNotExceedCredits: true } },
    { id: "quota-source", book: "quota", code: "1001", normalSide: "debit" },
  ]);
  expect((await store.createTransfers([{ id: "grant:Q1", debitAccountId: "quota-source", creditAccountId: "quota:Q1", amount: 500_000n, date: "2026-01-05" }])).applied).toBe(true);
});

describe("verifyLedgerSeals on PostgreSQL", () => {
  it("finds quota:Q1 moved from agency 101001 to 101002 after the seal, and names it", async () => {
    const { store, admin, s } = db();
    await store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock: fixedClock("2026-02-01T09:00:00Z") }));
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
    await admin.query(`UPDATE ${s}.accounts SET dimensions = '{"agency":"101002"}' WHERE id = 'quota:Q1'`);
    const problems = (await verifyLedgerSeals(store)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "AUDIT_ACCOUNT_MISMATCH", message: expect.stringContaining("quota:Q1") });
  });
});

describe("verifyLedgerSeals on PostgreSQL, with seals after the edit", () => {
  it("seals quota:Q2 created with no transfer, still finds quota:Q1 at the first seal, and finds quota:Q2 edited at its own", async () => {
    const { store, admin, s } = db();
    await store.createAccounts([{ id: "quota:Q2", book: "quota", code: "Q2", normalSide: "credit", dimensions: { agency: "101001" } }]);
    // The second seal is made over quota:Q1 as edited above: it still is the first seal's finding.
    const second = await store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock: fixedClock("2026-02-02T09:00:00Z") }));
    expect(second).toMatchObject({ count: 0, newAccounts: 1 });
    const named = async () => (await verifyLedgerSeals(store)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]);
    expect(await named()).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q1 changed"]]);
    await admin.query(`UPDATE ${s}.accounts SET dimensions = '{"agency":"101002"}' WHERE id = 'quota:Q2'`);
    expect(await named()).toEqual([
      ["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q1 changed"],
      ["AUDIT_ACCOUNT_MISMATCH", 2, "quota:Q2 changed"],
    ]);
  });
});
