import { describe, expect, it } from "vitest";
import { ZERO_BALANCE } from "./account";
import { foldBalances } from "./fold-balances";
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
