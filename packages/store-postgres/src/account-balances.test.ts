import { foldBalances } from "@jincai/core";
import type { Store, Transfer, TransferInput } from "@jincai/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestStore } from "./testing/test-server";

let store: Store;
let all: Transfer[];

/** Quota line `q1` funded in January, a reservation posted partly in February, one voided, pay on both sides of New Year. */
const BATCHES: TransferInput[][] = [
  [{ id: "fund", debitAccountId: "src", creditAccountId: "q1", amount: 100_000n, date: "2026-01-05" }],
  [{ id: "res-1", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 30_000n, date: "2026-01-20" }],
  [
    { id: "pay-0201", debitAccountId: "q1", creditAccountId: "paid", amount: 100n, date: "2026-02-01" },
    { id: "res-1-post", phase: "post", pendingId: "res-1", amount: 20_000n, date: "2026-02-03" },
    { id: "res-2", phase: "pending", debitAccountId: "q1", creditAccountId: "paid", amount: 5_000n, date: "2026-02-10" },
  ],
  [{ id: "res-2-void", phase: "void", pendingId: "res-2", date: "2026-02-11" }],
  [
    { id: "pay-1231", debitAccountId: "q1", creditAccountId: "paid", amount: 700n, date: "2026-12-31" },
    { id: "pay-0101", debitAccountId: "q1", creditAccountId: "paid", amount: 900n, date: "2027-01-01" },
  ],
];

beforeAll(async () => {
  store = await openTestStore();
  await store.createAccounts([
    { id: "src", book: "quota", code: "1001", normalSide: "debit" },
    { id: "q1", book: "quota", code: "2001", normalSide: "credit", flags: { debitsMustNotExceedCredits: true } },
    { id: "paid", book: "quota", code: "3001", normalSide: "debit" },
  ]);
  for (const batch of BATCHES) expect((await store.createTransfers(batch)).applied).toBe(true);
  all = [];
  for await (const t of store.transfers()) all.push(t);
});
afterAll(() => store.close());

async function q1(asOf: string) {
  const [row] = await store.accountBalances({ accountIds: ["q1"], asOf });
  return row?.balance;
}

describe("accountBalances", () => {
  it("counts January whole from account_months on its last day, 2026-01-31", async () => {
    expect(await q1("2026-01-31")).toEqual({ debitsPosted: 0n, creditsPosted: 100_000n, debitsPending: 30_000n, creditsPending: 0n });
  });

  it("releases January's 300.00 reservation on 2026-02-03, when February's post of 200.00 lands", async () => {
    expect(await q1("2026-02-02")).toEqual({ debitsPosted: 100n, creditsPosted: 100_000n, debitsPending: 30_000n, creditsPending: 0n });
    expect(await q1("2026-02-03")).toEqual({ debitsPosted: 20_100n, creditsPosted: 100_000n, debitsPending: 0n, creditsPending: 0n });
  });

  it("includes a transfer dated the first day of the month, 2026-02-01", async () => {
    expect((await q1("2026-02-01"))?.debitsPosted).toBe(100n);
  });

  it("holds the 50.00 reservation on 2026-02-10 inside February and not after its void on 2026-02-11", async () => {
    expect((await q1("2026-02-10"))?.debitsPending).toBe(5_000n);
    expect((await q1("2026-02-11"))?.debitsPending).toBe(0n);
  });

  it("counts 2026-12-31 in the year end but not 2027-01-01, which the next day adds", async () => {
    expect((await q1("2026-12-31"))?.debitsPosted).toBe(20_800n);
    expect((await q1("2027-01-01"))?.debitsPosted).toBe(21_700n);
  });

  it("agrees with foldBalances for every account on each day around the month boundaries", async () => {
    const dates = ["2025-12-31", "2026-01-01", "2026-01-19", "2026-01-20", "2026-01-31", "2026-02-01", "2026-02-03",
      "2026-02-10", "2026-02-11", "2026-02-28", "2026-06-20", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-31"];
    for (const asOf of dates) {
      const folded = foldBalances(all.filter((t) => t.date <= asOf), () => undefined);
      const rows = await store.accountBalances({ asOf });
      for (const { account, balance } of rows) {
        const want = folded.get(account.id) ?? { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
        expect({ asOf, id: account.id, ...balance }).toEqual({ asOf, id: account.id, ...want });
      }
    }
  });

  it("reads 2026/02/10 as PostgreSQL did before (the plain fold) and rejects 2026-02-30 with SQLSTATE 22008", async () => {
    expect(await q1("2026/02/10")).toEqual(await q1("2026-02-10"));
    await expect(q1("2026-02-30")).rejects.toMatchObject({ code: "22008" });
  });
});
