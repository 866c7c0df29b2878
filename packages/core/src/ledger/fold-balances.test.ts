import { describe, expect, it } from "vitest";
import { ZERO_BALANCE } from "./account";
import { foldBalances, foldBalancesByPeriod } from "./fold-balances";
import type { TransferDraft } from "./transfer-plan";

const posted: TransferDraft = { id: "t1", phase: "posted", debitAccountId: "a", creditAccountId: "b", amount: 100n,
  date: "2026-03-01", references: { voucher: "记-0001", sourceLine: 7 } };

describe("foldBalances", () => {
  it("folds a reservation posted at 60 of 100 into 60 posted and nothing pending", () => {
    const res: TransferDraft = { ...posted, id: "r1", phase: "pending" };
    const post: TransferDraft = { ...posted, id: "p1", phase: "post", pendingId: "r1", amount: 60n };
    const b = foldBalances([res, post], () => undefined);
    expect(b.get("a")).toEqual({ ...ZERO_BALANCE, debitsPosted: 60n });
    expect(b.get("b")).toEqual({ ...ZERO_BALANCE, creditsPosted: 60n });
    expect(foldBalances([post], (id) => (id === "r1" ? 100n : undefined)).get("a")).toEqual({
      ...ZERO_BALANCE, debitsPosted: 60n, debitsPending: -100n,
    });
  });
});

describe("foldBalancesByPeriod", () => {
  it("puts a reservation on its day and its payment, released in full, on the payment's day; a month nets both", () => {
    const res: TransferDraft = { ...posted, id: "r1", phase: "pending", date: "2026-03-01" };
    const post: TransferDraft = { ...posted, id: "p1", phase: "post", pendingId: "r1", amount: 60n, date: "2026-03-05" };
    const days = foldBalancesByPeriod([res, post], () => undefined, (d) => d);
    expect(days.get("a")?.get("2026-03-01")).toEqual({ ...ZERO_BALANCE, debitsPending: 100n });
    expect(days.get("a")?.get("2026-03-05")).toEqual({ ...ZERO_BALANCE, debitsPosted: 60n, debitsPending: -100n });
    expect(days.get("b")?.get("2026-03-05")).toEqual({ ...ZERO_BALANCE, creditsPosted: 60n, creditsPending: -100n });
    const months = foldBalancesByPeriod([res, post], () => undefined, (d) => d.slice(0, 7));
    expect(months.get("a")?.get("2026-03")).toEqual({ ...ZERO_BALANCE, debitsPosted: 60n });
  });

  it("sums the days up to the same balance as foldBalances, with a void of an earlier reservation", () => {
    const transfers: TransferDraft[] = [
      posted,
      { ...posted, id: "t2", amount: 250n, date: "2026-03-02" },
      { ...posted, id: "v1", phase: "void", pendingId: "r0", amount: 40n, date: "2026-03-02" },
    ];
    const days = foldBalancesByPeriod(transfers, () => 40n, (d) => d);
    const whole = foldBalances(transfers, () => 40n);
    for (const account of ["a", "b"]) {
      const sum = { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
      for (const b of days.get(account)!.values()) {
        sum.debitsPosted += b.debitsPosted;
        sum.creditsPosted += b.creditsPosted;
        sum.debitsPending += b.debitsPending;
        sum.creditsPending += b.creditsPending;
      }
      expect(sum).toEqual(whole.get(account));
    }
  });
});
