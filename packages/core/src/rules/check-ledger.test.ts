import { describe, expect, it } from "vitest";
import type { AccountBalance } from "../store/store";
import { checkLedger } from "./check-ledger";

const row = (id: string, book: string, b: Partial<AccountBalance["balance"]>, limited = false): AccountBalance => ({
  account: { id, book, code: id, dimensions: {}, normalSide: "credit", flags: limited ? { debitsMustNotExceedCredits: true } : {}, closed: false },
  balance: { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n, ...b },
});
const store = (rows: AccountBalance[]) => ({ accountBalances: async () => rows });

describe("checkLedger", () => {
  it("passes a balanced book whose quota stays within its limit", async () => {
    const rows = [row("q", "quota", { creditsPosted: 1000n, debitsPosted: 400n, debitsPending: 600n }, true), row("src", "quota", { debitsPosted: 1000n, creditsPosted: 400n, creditsPending: 600n })];
    expect(await checkLedger(store(rows))).toEqual([]);
  });

  it("reports a book whose debits and credits differ, with the totals as evidence", async () => {
    const failures = await checkLedger(store([row("a", "quota", { debitsPosted: 100n }), row("b", "quota", { creditsPosted: 99n })]));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ rule: "ledger.balanced", evidence: { book: "quota", debitsPosted: "1.00", creditsPosted: "0.99" } });
  });

  it("reports a quota spent past its limit by a pending reservation", async () => {
    const rows = [row("q", "quota", { creditsPosted: 1000n, debitsPosted: 900n, debitsPending: 200n }, true), row("s", "quota", { debitsPosted: 1000n, creditsPosted: 900n, creditsPending: 200n })];
    const failures = await checkLedger(store(rows));
    expect(failures).toEqual([expect.objectContaining({ rule: "ledger.limit", evidence: expect.objectContaining({ accountId: "q", over: "1.00" }) })]);
  });
});
