import { describe, expect, it } from "vitest";
import { transferFieldsEqual } from "./transfer-fields-equal";
import type { TransferDraft } from "./transfer-plan";

const posted: TransferDraft = { id: "t1", phase: "posted", debitAccountId: "a", creditAccountId: "b", amount: 100n,
  date: "2026-03-01", references: { voucher: "记-0001", sourceLine: 7 } };

describe("transferFieldsEqual", () => {
  it("matches a replay with equal references and rejects another voucher or amount", () => {
    const input = { id: "t1", debitAccountId: "a", creditAccountId: "b", amount: 100n, date: "2026-03-01",
      references: { sourceLine: 7, voucher: "记-0001" } };
    expect(transferFieldsEqual(input, posted)).toBe(true);
    expect(transferFieldsEqual({ ...input, references: { voucher: "记-0002", sourceLine: 7 } }, posted)).toBe(false);
    expect(transferFieldsEqual({ ...input, amount: 101n }, posted)).toBe(false);
    expect(transferFieldsEqual({ ...input, phase: "pending" }, posted)).toBe(false);
  });
});
