/**
 * PostgreSQL edited behind the store's back with direct SQL, where every balance still adds up:
 * a payment's figures moved to another month in `account_months` (core's `checkJournal` names
 * both months).
 */
import { checkJournal } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { useTamperStore } from "./testing/tamper-store";

const db = useTamperStore(async (store) => {
  await store.createAccounts([
    { id: "quota:Q1", book: "quota", code: "2001", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
    { id: "quota-source", book: "quota", code: "1001", normalSide: "debit" },
    { id: "quota-spent:Q1", book: "quota", code: "3001", normalSide: "debit" },
  ]);
  const batch = await store.createTransfers([
    { id: "grant:Q1", debitAccountId: "quota-source", creditAccountId: "quota:Q1", amount: 500_000n, date: "2026-01-05" },
    { id: "pay:R1", debitAccountId: "quota:Q1", creditAccountId: "quota-spent:Q1", amount: 100_000n, date: "2026-01-20" },
  ]);
  expect(batch.applied).toBe(true);
});

describe("checkJournal on PostgreSQL", () => {
  it("names January and February of both accounts once R1's 1000.00 is moved from January to February in account_months", async () => {
    const { store, admin, s } = db();
    expect(await checkJournal(store)).toEqual([]);
    const move = async (id: string, column: "debits_posted" | "credits_posted") => {
      await admin.query(`UPDATE ${s}.account_months SET ${column} = ${column} - 100000 WHERE account_id = $1 AND month = '2026-01'`, [id]);
      await admin.query(
        `INSERT INTO ${s}.account_months (account_id, month, debits_posted, credits_posted, debits_pending, credits_pending) VALUES ($1, '2026-02', 0, 0, 0, 0) ON CONFLICT DO NOTHING`,
        [id],
      );
      await admin.query(`UPDATE ${s}.account_months SET ${column} = ${column} + 100000 WHERE account_id = $1 AND month = '2026-02'`, [id]);
    };
    await move("quota:Q1", "debits_posted");
    await move("quota-spent:Q1", "credits_posted");
    expect((await checkJournal(store)).map((f) => f.message)).toEqual([
      "account quota-spent:Q1: 2026-01 posted credits 0.00 in its months, 1000.00 in its transfers",
      "account quota:Q1: 2026-01 posted debits 0.00 in its months, 1000.00 in its transfers",
      "account quota-spent:Q1: 2026-02 posted credits 1000.00 in its months, 0.00 in its transfers",
      "account quota:Q1: 2026-02 posted debits 1000.00 in its months, 0.00 in its transfers",
    ]);
  });
});
