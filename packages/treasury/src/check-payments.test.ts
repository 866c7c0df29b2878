import type { AccountBalance, AccountInput, RecordQuery, RecordValueCount, Store, StoredRecord, Transfer, TransferFlow } from "@jincai/core";
import { ZERO_BALANCE, compareRecordValueCounts, createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { checkPayments } from "./check-payments";

const line = (id: string): AccountBalance => ({
  account: { id, book: "quota", code: "Q", dimensions: {}, normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, closed: false },
  balance: ZERO_BALANCE,
});
const transfer = (id: string, debit: string, credit: string): Transfer => ({
  id, phase: "posted", debitAccountId: debit, creditAccountId: credit, amount: 12_345n, date: "2026-03-01", references: { voucher: id.slice(4) }, sequence: 1,
});
/** A stand-in store over a list of transfers; its flows sum the `pay:` transfers of the list. */
function store(transfers: Transfer[], records: StoredRecord[] = []) {
  return {
    accountBalances: async () => [line("quota:Q1")],
    async transferFlows(): Promise<TransferFlow[]> {
      return transfers
        .filter((t) => t.id.startsWith("pay:"))
        .map((t) => ({ debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId, phase: t.phase, count: 1, amount: t.amount }));
    },
    async *transfers() {
      yield* transfers;
    },
    async countRecordsBy(_collection: string, field: string): Promise<RecordValueCount[]> {
      const counts = new Map<string | undefined, number>();
      for (const r of records) counts.set(r.index[field], (counts.get(r.index[field]) ?? 0) + 1);
      return [...counts].map(([value, count]) => ({ value, count })).sort(compareRecordValueCounts);
    },
    async *queryRecords<T>(_collection: string, query: RecordQuery = {}) {
      const where = Object.entries(query.where ?? {});
      yield* records.filter((r) => where.every(([k, v]) => r.index[k] === v)) as StoredRecord<T>[];
    },
  };
}

/** The store, with the ids of the payment documents its `queryRecords` hands out listed in `read`. */
function readLog(s: Store) {
  const read: string[] = [];
  return {
    read,
    store: {
      ...s,
      async *queryRecords<T>(collection: string, query?: RecordQuery) {
        for await (const r of s.queryRecords<T>(collection, query)) {
          read.push(r.id);
          yield r;
        }
      },
    },
  };
}
/** A payment document as treasury writes it: data and index name the quota. */
const paymentDoc = (id: string, quotaId: string) => ({ collection: "payment", id, data: { quotaId }, index: { status: "paid", quotaId } });

/** Quota lines Q1 and Q2 (with their execution accounts) funded with 10,000.00 yuan each, in a memory store. */
async function quotaLedger() {
  const s = createMemoryStore();
  const account = (id: string, normalSide: "debit" | "credit", limited = false): AccountInput => ({
    id, book: "quota", code: id.split(":")[0]!, normalSide, dimensions: { fiscalYear: "2026" },
    ...(limited ? { flags: { debitsMustNotExceedCredits: true } } : {}),
  });
  await s.createAccounts([
    account("quota-source:2026", "debit"),
    account("quota:Q1", "credit", true), account("quota-spent:Q1", "debit"), account("quota-frozen:Q1", "debit"),
    account("quota:Q2", "credit", true), account("quota-spent:Q2", "debit"),
  ]);
  const load = (q: string) => ({ id: `load:${q}`, debitAccountId: "quota-source:2026", creditAccountId: `quota:${q}`, amount: 1_000_000n, date: "2026-01-05" });
  expect((await s.createTransfers([load("Q1"), load("Q2")])).applied).toBe(true);
  return s;
}
const payment = (id: string, debitAccountId: string, creditAccountId: string, amount: bigint, extra: object = {}) => ({
  id, debitAccountId, creditAccountId, amount, date: "2026-03-02", references: { voucher: id.slice(4) }, ...extra,
});

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

  it("passes a memory ledger of tied payments, a refund and a pending reservation, ignoring non-payment transfers", async () => {
    const s = await quotaLedger();
    await s.createTransfers([
      payment("pay:ZF001", "quota:Q1", "quota-spent:Q1", 50_000n),
      payment("pay:ZF001.refund:TP1", "quota-spent:Q1", "quota:Q1", 10_000n),
      payment("pay:ZF002", "quota:Q2", "quota-spent:Q2", 7_000n, { phase: "pending" }),
      payment("freeze:F1", "quota:Q1", "quota-frozen:Q1", 3_000n),
    ]);
    await s.putRecord({ collection: "payment", id: "ZF002", data: { quotaId: "Q2" } });
    expect(await checkPayments(s)).toEqual([]);
  });

  it("reports, in ledger order, each payment of a memory ledger that credits the wrong account, and only those", async () => {
    const s = await quotaLedger();
    await s.createTransfers([
      payment("pay:ZF010", "quota:Q1", "quota-spent:Q2", 12_345n),
      payment("pay:ZF011", "quota:Q1", "quota-spent:Q1", 20_000n),
      payment("pay:ZF012", "quota:Q2", "quota-frozen:Q1", 500n, { phase: "pending" }),
      payment("pay:ZF013", "quota:Q1", "quota-spent:Q2", 100n),
      payment("pay:ZF014", "quota:Q2", "quota-spent:Q2", 800n),
    ]);
    const failures = await checkPayments(s);
    expect(failures.map((f) => f.evidence["transferId"])).toEqual(["pay:ZF010", "pay:ZF012", "pay:ZF013"]);
    // The same from flows summed once for several rules: every transfer by month, payments marked.
    const flows = await s.transferFlows({ phases: ["posted", "pending", "post"], byMonth: true, markIdPrefix: "pay:" });
    expect(await checkPayments(s, flows)).toEqual(failures);
    expect(failures[0]).toEqual({
      rule: "payment.tied",
      severity: "error",
      message: "payment ZF010 is not tied to a quota line (debit quota:Q1, credit quota-spent:Q2)",
      evidence: { transferId: "pay:ZF010", debit: "quota:Q1", credit: "quota-spent:Q2", amount: "123.45", date: "2026-03-02" },
    });
  });

  it("reports a payment of a memory ledger that debits an account which is not a quota line", async () => {
    const s = await quotaLedger();
    await s.createTransfers([payment("pay:ZF020", "quota-frozen:Q1", "quota-spent:Q1", 900n)]);
    expect(await checkPayments(s)).toEqual([
      expect.objectContaining({ evidence: expect.objectContaining({ transferId: "pay:ZF020", debit: "quota-frozen:Q1", amount: "9.00" }) }),
    ]);
  });

  it("reports a payment document of a memory store naming quota Q404, which does not exist, or no quota", async () => {
    const s = await quotaLedger();
    await s.putRecord({ collection: "payment", id: "ZF030", data: { quotaId: "Q1" } });
    await s.putRecord({ collection: "payment", id: "ZF031", data: { quotaId: "Q404" } });
    await s.putRecord({ collection: "payment", id: "ZF032", data: {} });
    expect((await checkPayments(s)).map((f) => f.evidence)).toEqual([
      { paymentNumber: "ZF031", quotaId: "Q404" },
      { paymentNumber: "ZF032", quotaId: "" },
    ]);
  });

  it("reads no payment document when every document names quota Q1 or Q2, which exist", async () => {
    const s = await quotaLedger();
    await s.putRecords([paymentDoc("ZF040", "Q1"), paymentDoc("ZF041", "Q2"), paymentDoc("ZF042", "Q1")]);
    const noReads: Store = {
      ...s,
      queryRecords: () => {
        throw new Error("a payment document was read");
      },
    };
    expect(await checkPayments(noReads)).toEqual([]);
  });

  it("reads only the documents of quotas Q404 and Q405, reporting them in payment-number order with the same message as before", async () => {
    const s = await quotaLedger();
    await s.putRecords([
      paymentDoc("ZF050", "Q1"), paymentDoc("ZF053", "Q404"), paymentDoc("ZF051", "Q405"),
      paymentDoc("ZF052", "Q2"), paymentDoc("ZF054", "Q404"),
    ]);
    const { store, read } = readLog(s);
    const failures = await checkPayments(store);
    expect(read).toEqual(["ZF053", "ZF054", "ZF051"]);
    expect(failures.map((f) => f.evidence["paymentNumber"])).toEqual(["ZF051", "ZF053", "ZF054"]);
    expect(failures[0]).toEqual({
      rule: "payment.tied",
      severity: "error",
      message: "payment document ZF051 names quota Q405, which does not exist",
      evidence: { paymentNumber: "ZF051", quotaId: "Q405" },
    });
  });

  it("mixes indexed documents of quota Q404 with unindexed ones naming no quota, Q2 or Q9, in payment-number order", async () => {
    const s = await quotaLedger();
    await s.putRecords([
      paymentDoc("ZF060", "Q1"),
      paymentDoc("ZF063", "Q404"),
      { collection: "payment", id: "ZF061", data: {}, index: { status: "paid" } },
      { collection: "payment", id: "ZF062", data: { quotaId: "Q2" } },
      { collection: "payment", id: "ZF064", data: { quotaId: "Q9" } },
    ]);
    const failures = await checkPayments(s);
    expect(failures.map((f) => f.evidence)).toEqual([
      { paymentNumber: "ZF061", quotaId: "" },
      { paymentNumber: "ZF063", quotaId: "Q404" },
      { paymentNumber: "ZF064", quotaId: "Q9" },
    ]);
    expect(failures[0]?.message).toBe("payment document ZF061 names quota (none), which does not exist");
  });
});
