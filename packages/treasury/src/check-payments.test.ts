import type { AccountBalance, StoredRecord, Transfer } from "@jincai/core";
import { ZERO_BALANCE } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { checkPayments } from "./check-payments";

const line = (id: string): AccountBalance => ({
  account: { id, book: "quota", code: "Q", dimensions: {}, normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, closed: false },
  balance: ZERO_BALANCE,
});
const transfer = (id: string, debit: string, credit: string): Transfer => ({
  id, phase: "posted", debitAccountId: debit, creditAccountId: credit, amount: 12_345n, date: "2026-03-01", references: { voucher: id.slice(4) }, sequence: 1,
});
function store(transfers: Transfer[], records: StoredRecord[] = []) {
  return {
    accountBalances: async () => [line("quota:Q1")],
    async *transfers() {
      yield* transfers;
    },
    async *queryRecords<T>() {
      yield* records as StoredRecord<T>[];
    },
  };
}

describe("checkPayments", () => {
  it("accepts a payment, its refund and the legs of its parent control", async () => {
    const failures = await checkPayments(store([
      transfer("pay:P1", "quota:Q1", "quota-spent:Q1"),
      transfer("pay:P1.refund:R1", "quota-spent:Q1", "quota:Q1"),
      transfer("pay:P1~C302", "quota-control:C302", "quota-control-spent:C302"),
    ]));
    expect(failures).toEqual([]);
  });

  it("reports a payment that spends an account other than a quota line, with its evidence", async () => {
    const failures = await checkPayments(store([transfer("pay:P2", "quota:Q9", "quota-spent:Q9")]));
    expect(failures).toEqual([
      expect.objectContaining({ rule: "payment.tied", evidence: expect.objectContaining({ transferId: "pay:P2", amount: "123.45" }) }),
    ]);
  });

  it("reports a payment document whose quota does not exist", async () => {
    const doc = { collection: "payment", id: "P3", version: 1, data: { quotaId: "Q404" }, index: {} } as StoredRecord;
    const failures = await checkPayments(store([], [doc]));
    expect(failures).toEqual([expect.objectContaining({ rule: "payment.tied", evidence: { paymentNumber: "P3", quotaId: "Q404" } })]);
  });
});
