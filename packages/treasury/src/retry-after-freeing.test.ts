import type { QuotaLine } from "@jincai/budget";
import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { createPaymentContext } from "./payment-context";
import type { PaymentImportRow, PaymentItemResult } from "./plan-payments";
import { retryAfterFreeing, shortfallOf } from "./retry-after-freeing";
import type { RetryRow } from "./retry-after-freeing";

const Q1: QuotaLine = {
  id: "Q1", documentNumber: "财预〔2026〕1号", source: "1", fiscalYear: 2026, agency: "101001", fundType: "111",
  functionCode: "2010101", economicCode: "30201", govEconomicCode: "50201", projectCode: "P1", paymentType: "11",
  amount: 10_000_000n, executable: true, date: "2026-01-05",
};
const context = createPaymentContext([Q1], []);
const input = (paymentNumber: string, amount: bigint): PaymentImportRow => ({
  paymentNumber, date: "2026-03-02", payeeName: "武汉某某办公用品公司", payeeAccount: "420101000000001", amount, purpose: "办公用品", quotaId: "Q1",
});
/** A row; an overspent one lacked `lacking` fen (default: its amount) on quota Q1. */
const row = (paymentNumber: string, amount: bigint, kind: "freed" | "overspent" | "plain" = "plain", lacking = amount): RetryRow => ({
  input: input(paymentNumber, amount), freed: kind === "freed", overspent: kind === "overspent",
  ...(kind === "overspent" ? { shortfall: { level: "quota Q1", amount: lacking } } : {}),
});

/** Records each retry and what it was told to keep back; answers `ok`. */
function recorder() {
  const calls: { paymentNumber: string; unavailable: Record<string, bigint> }[] = [];
  const apply = async (_tx: unknown, rows: readonly PaymentImportRow[], _c: unknown, _f: unknown, unavailable: ReadonlyMap<string, bigint>) => {
    calls.push({ paymentNumber: rows[0]!.paymentNumber, unavailable: Object.fromEntries(unavailable) });
    return [{ index: 0, paymentNumber: rows[0]!.paymentNumber, status: "ok" } as PaymentItemResult];
  };
  return { calls, apply };
}

describe("retryAfterFreeing", () => {
  it("tries again, in file order, the refused rows after a row that gave an amount back, keeping back what later rows gave", async () => {
    const { calls, apply } = recorder();
    const rows = [row("A", 1n, "overspent"), row("F1", 300n, "freed"), row("B", 2n, "overspent"), row("F2", 500n, "freed"), row("C", 3n, "overspent"), row("D", 4n)];
    const retried = await retryAfterFreeing(createMemoryStore(), rows, context, new Map(), apply);
    // A came before anything was given back; B may not use F2's 500, C may.
    expect(calls).toEqual([
      { paymentNumber: "B", unavailable: { "quota:Q1": 500n } },
      { paymentNumber: "C", unavailable: {} },
    ]);
    expect([...retried.keys()]).toEqual([2, 4]);
    expect(retried.get(4)).toMatchObject({ index: 4, paymentNumber: "C", status: "ok" });
  });

  it("leaves a chunk alone without a freeing row before a refused one, and a refused row the chunk mentions again later", async () => {
    const { calls, apply } = recorder();
    const tx = createMemoryStore();
    expect((await retryAfterFreeing(tx, [row("A", 1n, "overspent"), row("F", 1n, "freed")], context, new Map(), apply)).size).toBe(0);
    expect((await retryAfterFreeing(tx, [row("F", 1n, "freed"), row("B", 1n, "overspent"), row("B", 1n)], context, new Map(), apply)).size).toBe(0);
    expect(calls).toEqual([]);
  });

  it("tries a row again only when what earlier rows gave back covers what it lacked, less what retried rows took", async () => {
    const { calls, apply } = recorder();
    // F gives 300 back; A lacked 400 (no retry), B lacked 200 (retried, takes 250), C lacked 100 (only 50 left: no retry).
    const rows = [row("F", 300n, "freed"), row("A", 500n, "overspent", 400n), row("B", 250n, "overspent", 200n), row("C", 120n, "overspent", 100n)];
    const retried = await retryAfterFreeing(createMemoryStore(), rows, context, new Map(), apply);
    expect(calls.map((c) => c.paymentNumber)).toEqual(["B"]);
    expect([...retried.keys()]).toEqual([2]);
  });
});

describe("retryAfterFreeing, refused again", () => {
  it("counts on nothing more of what was given back until another row gives more", async () => {
    const calls: string[] = [];
    const refuse = async (_tx: unknown, rows: readonly PaymentImportRow[]) => {
      calls.push(rows[0]!.paymentNumber);
      return [{ index: 0, paymentNumber: rows[0]!.paymentNumber, status: "TREASURY_EXCEEDS_QUOTA" } as PaymentItemResult];
    };
    const rows = [row("F1", 300n, "freed"), row("A", 10n, "overspent"), row("B", 10n, "overspent"), row("F2", 300n, "freed"), row("C", 10n, "overspent"), row("D", 10n, "overspent")];
    await retryAfterFreeing(createMemoryStore(), rows, context, new Map(), refuse);
    expect(calls).toEqual(["A", "C"]);
  });
});

describe("shortfallOf", () => {
  it("reads the refusing level and the fen lacking from an overspend's details", () => {
    const result = { index: 0, paymentNumber: "C4", status: "TREASURY_EXCEEDS_CONTROL", details: { controlId: "C302", available: "5000", requested: "10000" } } as PaymentItemResult;
    expect(shortfallOf(result)).toEqual({ level: "control C302", amount: 5_000n });
    expect(shortfallOf({ ...result, details: { quotaId: "Q1", available: 100n, requested: 300n } })).toEqual({ level: "quota Q1", amount: 200n });
    expect(shortfallOf({ ...result, details: {} })).toBeUndefined();
  });
});
