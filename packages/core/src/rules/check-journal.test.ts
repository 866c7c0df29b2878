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

type Journal = Pick<StoreTx, "accountBalances" | "transferFlows">;

/**
 * A real store whose months were edited behind its back: `amount` of the posted debits (or
 * credits) of `accountId` moved from the month of `from` to the month of `to`, totals unchanged,
 * as an UPDATE of two `account_months` rows leaves them. Balances as of a month end between the
 * two months are off by the amount; the transfers are untouched.
 */
function monthsMoved(store: Journal, change: { accountId: string; side: "debits" | "credits"; amount: bigint; from: string; to: string }): Journal {
  const [early, late, sign] = change.from < change.to ? [change.from, change.to, -1n] : [change.to, change.from, 1n];
  const startOf = (date: string) => `${date.slice(0, 7)}-01`;
  return {
    transferFlows: (query) => store.transferFlows(query),
    accountBalances: async (query) => {
      const rows = await store.accountBalances(query);
      const asOf = query?.asOf;
      if (asOf === undefined || asOf < startOf(early) || asOf >= startOf(late)) return rows;
      return rows.map((r) => {
        if (r.account.id !== change.accountId) return r;
        const key = change.side === "debits" ? "debitsPosted" : "creditsPosted";
        return { ...r, balance: { ...r.balance, [key]: r.balance[key] + sign * change.amount } };
      });
    },
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

  it("passes payments spread over months and over two years", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 1_000n, { date: "2025-12-31" }), pay("p2", 700n, { date: "2026-02-28" }), pay("p3", 300n, { date: "2026-12-01" })]);
    expect(await checkJournal(store)).toEqual([]);
  });

  it("reports both accounts of a payment whose figures were moved from March to April in their months, naming each month", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 100_000n)]);
    const moved = { amount: 100_000n, from: "2026-03-10", to: "2026-04-10" };
    const tampered = monthsMoved(store, { ...moved, accountId: ACCOUNTS.q1, side: "debits" });
    const both = monthsMoved(tampered, { ...moved, accountId: ACCOUNTS.paid1, side: "credits" });
    const failures = await checkJournal(both);
    // The same from flows a caller summed once (more phases, payments marked).
    expect(await checkJournal(both, await both.transferFlows({ phases: ["posted", "pending", "post"], byMonth: true, markIdPrefix: "p" }))).toEqual(failures);
    expect(failures.map((f) => f.message)).toEqual([
      `account ${ACCOUNTS.paid1}: 2026-03 posted credits 0.00 in its months, 1000.00 in its transfers`,
      `account ${ACCOUNTS.q1}: 2026-03 posted debits 0.00 in its months, 1000.00 in its transfers`,
      `account ${ACCOUNTS.paid1}: 2026-04 posted credits 1000.00 in its months, 0.00 in its transfers`,
      `account ${ACCOUNTS.q1}: 2026-04 posted debits 1000.00 in its months, 0.00 in its transfers`,
    ]);
    expect(failures[1]?.evidence).toEqual({
      accountId: ACCOUNTS.q1, month: "2026-03", monthDebitsPosted: "0.00", monthCreditsPosted: "0.00", transferDebits: "1000.00", transferCredits: "0.00",
    });
  });

  it("reports figures moved to a month no transfer is dated in, in the same year", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 100_000n)]);
    const failures = await checkJournal(monthsMoved(store, { accountId: ACCOUNTS.q1, side: "debits", amount: 40_000n, from: "2026-03-10", to: "2026-11-30" }));
    expect(failures.map((f) => [f.evidence["month"], f.evidence["monthDebitsPosted"], f.evidence["transferDebits"]])).toEqual([
      ["2026-03", "600.00", "1000.00"],
      ["2026-11", "400.00", "0.00"],
    ]);
  });

  it("names figures moved out of the transfers' years as before or after them", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 100_000n)]);
    const later = await checkJournal(monthsMoved(store, { accountId: ACCOUNTS.q1, side: "debits", amount: 100_000n, from: "2026-03-10", to: "2031-05-01" }));
    expect(later.map((f) => f.message)).toEqual([
      `account ${ACCOUNTS.q1}: 2026-03 posted debits 0.00 in its months, 1000.00 in its transfers`,
      `account ${ACCOUNTS.q1}: after 2026-12 posted debits 1000.00 in its months, 0.00 in its transfers`,
    ]);
    const earlier = await checkJournal(monthsMoved(store, { accountId: ACCOUNTS.source, side: "debits", amount: 1_000_000n, from: "2026-01-05", to: "2019-07-01" }));
    expect(earlier.map((f) => f.evidence["month"])).toEqual(["before 2026-01", "2026-01"]);
  });

  it("reports a month whose figures were raised, and the months no longer adding up to the balance", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("p1", 100_000n)]);
    const raised: Journal = {
      transferFlows: (query) => store.transferFlows(query),
      accountBalances: async (query) =>
        (await store.accountBalances(query)).map((r) =>
          query?.asOf !== undefined && query.asOf >= "2026-03-31" && r.account.id === ACCOUNTS.q1 ? { ...r, balance: { ...r.balance, debitsPosted: r.balance.debitsPosted + 1n } } : r,
        ),
    };
    const failures = await checkJournal(raised);
    expect(failures.map((f) => f.message)).toEqual([
      `account ${ACCOUNTS.q1}: 2026-03 posted debits 1000.01 in its months, 1000.00 in its transfers`,
      `account ${ACCOUNTS.q1}: its months add up to other figures than its balance (posted debits 1000.01 against 1000.00)`,
    ]);
  });

  it("leaves pending balances to the other rules: a partial post releases more than it posts", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("r1", 800n, { phase: "pending" }), { id: "r1.post", phase: "post", pendingId: "r1", amount: 300n, date: "2026-03-12" }]);
    expect(await checkJournal(store)).toEqual([]);
    expect((await store.accountBalances({ accountIds: [ACCOUNTS.q1] }))[0]?.balance.debitsPending).toBe(0n);
  });
});
