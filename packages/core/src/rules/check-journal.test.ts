import { describe, expect, it } from "vitest";
import type { Balance } from "../ledger/account";
import { createMemoryStore } from "../store/memory-store";
import type { AccountBalance, StoreTx, TransferFlow } from "../store/store";
import { ACCOUNTS, pay, seedLedger } from "../testing/ledger-fixture";
import { checkJournal } from "./check-journal";

const balance = (b: Partial<Balance>): Balance => ({ debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n, ...b });
const row = (id: string, b: Partial<Balance>): AccountBalance => ({
  account: { id, book: "quota", code: id, dimensions: {}, normalSide: "credit", flags: {}, closed: false },
  balance: balance(b),
});
const flow = (debitAccountId: string, creditAccountId: string, amount: bigint, phase: TransferFlow["phase"] = "posted"): TransferFlow => ({
  debitAccountId, creditAccountId, phase, count: 1, amount,
});

/** A store whose balances, months (as of the far future) and transfers are given apart, as a file changed behind its back has them. */
function tampered(current: AccountBalance[], flows: TransferFlow[], months = current): Pick<StoreTx, "accountBalances" | "transferFlows"> {
  return {
    accountBalances: async (query) => (query?.asOf === undefined ? current : months),
    transferFlows: async () => flows,
  };
}

describe("checkJournal", () => {
  it("passes a real ledger: grants and payments, posted, pending and posted later", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 1_000n), pay("p2", 500n, { phase: "pending" }), { id: "p2.post", phase: "post", pendingId: "p2", date: "2026-03-11" }]);
    expect(await checkJournal(store)).toEqual([]);
  });

  it("reports both accounts of a posted payment whose amount was changed in the transfers, with the sums as evidence", async () => {
    const current = [row("q", { creditsPosted: 1_000n, debitsPosted: 400n }), row("paid", { creditsPosted: 400n }), row("src", { debitsPosted: 1_000n })];
    const flows = [flow("src", "q", 1_000n), flow("q", "paid", 100_400n, "post")];
    const failures = await checkJournal(tampered(current, flows));
    expect(failures.map((f) => [f.rule, f.evidence["accountId"]])).toEqual([["ledger.journal", "q"], ["ledger.journal", "paid"]]);
    expect(failures[0]?.evidence).toEqual({ accountId: "q", debitsPosted: "4.00", creditsPosted: "10.00", transferDebits: "1004.00", transferCredits: "10.00" });
  });

  it("reports an account whose posted payment was deleted from the transfers", async () => {
    const current = [row("q", { creditsPosted: 1_000n, debitsPosted: 400n }), row("paid", { creditsPosted: 400n }), row("src", { debitsPosted: 1_000n })];
    const failures = await checkJournal(tampered(current, [flow("src", "q", 1_000n)]));
    expect(failures.map((f) => f.evidence["accountId"])).toEqual(["q", "paid"]);
  });

  it("reports transfers naming an account that is gone", async () => {
    const failures = await checkJournal(tampered([], [flow("src", "q", 1_000n)]));
    expect(failures.map((f) => f.message)).toEqual(["transfers name account src, which does not exist", "transfers name account q, which does not exist"]);
  });

  it("reports an account whose months were changed so they no longer add up to its balance", async () => {
    const current = [row("q", { creditsPosted: 1_000n }), row("src", { debitsPosted: 1_000n })];
    const months = [row("q", { creditsPosted: 900n }), row("src", { debitsPosted: 1_000n })];
    const failures = await checkJournal(tampered(current, [flow("src", "q", 1_000n)], months));
    expect(failures).toEqual([expect.objectContaining({ rule: "ledger.journal", evidence: expect.objectContaining({ accountId: "q", monthsCreditsPosted: "9.00", creditsPosted: "10.00" }) })]);
  });

  it("leaves pending balances to the other rules: a partial post releases more than it posts", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("r1", 800n, { phase: "pending" }), { id: "r1.post", phase: "post", pendingId: "r1", amount: 300n, date: "2026-03-12" }]);
    expect(await checkJournal(store)).toEqual([]);
    expect((await store.accountBalances({ accountIds: [ACCOUNTS.q1] }))[0]?.balance.debitsPending).toBe(0n);
  });
});
