import { describe, expect, it } from "vitest";
import { batchKeys } from "./batch-keys";

describe("batchKeys", () => {
  it("lists the batch's ids, the pendings it resolves and the accounts it names, once each", () => {
    expect(batchKeys([
      { id: "t1", debitAccountId: "a", creditAccountId: "b", amount: 1n, date: "2026-03-01" },
      { id: "t2", phase: "void", pendingId: "p1", date: "2026-03-01" },
      { id: "t1", debitAccountId: "a", creditAccountId: "c", amount: 1n, date: "2026-03-01" },
    ])).toEqual({ transferIds: ["t1", "t2", "p1"], pendingIds: ["p1"], accountIds: ["a", "b", "c"] });
  });

  it("leaves the batch's own ids out for a store that guesses they are new", () => {
    expect(batchKeys([
      { id: "t1", debitAccountId: "a", creditAccountId: "b", amount: 1n, date: "2026-03-01" },
      { id: "t2", phase: "void", pendingId: "p1", date: "2026-03-01" },
    ], { transferIds: false })).toEqual({ transferIds: [], pendingIds: ["p1"], accountIds: ["a", "b"] });
  });
});
