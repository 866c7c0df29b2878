import { describe, expect, it } from "vitest";
import { compareTransferFlows } from "./compare-transfer-flows";
import type { TransferFlow } from "./store";

const flow = (debitAccountId: string, creditAccountId: string, phase: TransferFlow["phase"]): TransferFlow => ({
  debitAccountId, creditAccountId, phase, count: 1, amount: 100n,
});

describe("compareTransferFlows", () => {
  it("orders by debit id, then credit id, then phase, in code-unit order (quota:Q10 before quota:Q9, uppercase before lowercase)", () => {
    const flows = [
      flow("quota:Q9", "quota-spent:Q9", "posted"),
      flow("quota:Q10", "quota-spent:Q10", "posted"),
      flow("quota:Q10", "quota-spent:Q10", "pending"),
      flow("quota:Q10", "quota-frozen:Q10", "posted"),
      flow("quota:q10", "quota-spent:q10", "posted"),
    ];
    expect([...flows].sort(compareTransferFlows)).toEqual([flows[3], flows[2], flows[1], flows[0], flows[4]]);
  });

  it("returns 0 for two flows of the same accounts and phase", () => {
    expect(compareTransferFlows(flow("quota:Q1", "quota-spent:Q1", "void"), flow("quota:Q1", "quota-spent:Q1", "void"))).toBe(0);
  });
});
