import { createMemoryStore } from "@jincai/core";
import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { apply } from "./_testing/budget-store";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { adjustQuota } from "./adjust-quota";
import { loadQuota } from "./load-quota";
import { quotaExecution } from "./quota-execution";
import { reserveQuota } from "./reserve-quota";

/** Q-2026-001 with 500,000.00 and Q-2026-002 with 200,000.00. */
async function twoLines(): Promise<Store> {
  const store = createMemoryStore();
  await loadQuota(store, quotaLine(), fixtureContext());
  await loadQuota(store, quotaLine({ id: "Q-2026-002", economicCode: "30211", amount: 20_000_000n }), fixtureContext());
  return store;
}

const amounts = async (store: Store) => (await quotaExecution(store)).map((f) => [f.quotaId, f.amount, f.available]);

describe("adjustQuota", () => {
  it("moves 100,000.00 between two loaded lines (调剂): one falls, the other rises, the total stays", async () => {
    const store = await twoLines();
    const move = { id: "TZ-01", batch: "TZ2026-1", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 10_000_000n };
    expect(await adjustQuota(store, move)).toEqual({ status: "ok", transferId: "quota-adjust:TZ-01" });
    expect(await amounts(store)).toEqual([["Q-2026-001", 40_000_000n, 40_000_000n], ["Q-2026-002", 30_000_000n, 30_000_000n]]);
    expect((await store.getTransfer("quota-adjust:TZ-01"))?.references).toMatchObject({ voucher: "TZ2026-1", documentId: "TZ-01" });
  });

  it("gives 500.00 back to the year's 指标来源 when no line receives it (收回)", async () => {
    const store = await twoLines();
    await adjustQuota(store, { id: "SH-01", date: "2026-12-20", fromQuotaId: "Q-2026-002", amount: 50_000n });
    expect(await amounts(store)).toEqual([["Q-2026-001", 50_000_000n, 50_000_000n], ["Q-2026-002", 19_950_000n, 19_950_000n]]);
    const [source] = await store.accountBalances({ accountIds: ["quota-source:2026"] });
    expect(source?.balance).toMatchObject({ debitsPosted: 70_000_000n, creditsPosted: 50_000n });
  });

  it("refuses to move more than the origin has available after its payments, and writes nothing", async () => {
    const store = await twoLines();
    await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 45_000_000n, date: "2026-03-01", immediate: true }, []).transfers);
    await expect(adjustQuota(store, { id: "TZ-02", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 6_000_000n })).rejects.toMatchObject({
      code: "BUDGET_EXCEEDS_QUOTA",
      message: "adjustment TZ-02: moving 60,000.00 from quota Q-2026-001 exceeds the 50,000.00 available there",
      details: { available: "5000000", requested: "6000000", field: "amount" },
    });
    expect(await store.getTransfer("quota-adjust:TZ-02")).toBeUndefined();
  });

  it("names the side that does not exist, and refuses a line moving to itself", async () => {
    const store = await twoLines();
    const base = { date: "2026-06-01", amount: 100n };
    await expect(adjustQuota(store, { ...base, id: "A", fromQuotaId: "Q-404", toQuotaId: "Q-2026-002" })).rejects.toMatchObject({ code: "BUDGET_QUOTA_NOT_FOUND", details: { field: "fromQuotaId" } });
    await expect(adjustQuota(store, { ...base, id: "B", fromQuotaId: "Q-2026-001", toQuotaId: "Q-404" })).rejects.toMatchObject({ code: "BUDGET_QUOTA_NOT_FOUND", details: { field: "toQuotaId" } });
    await expect(adjustQuota(store, { ...base, id: "C", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-001" })).rejects.toMatchObject({ code: "BUDGET_INVALID_QUOTA", details: { field: "toQuotaId" } });
  });

  it("refuses a zero amount, a bad date and lines of different fiscal years", async () => {
    const store = await twoLines();
    await loadQuota(store, quotaLine({ id: "Q-2025-001", fiscalYear: 2025, date: "2025-01-05" }), fixtureContext([2025, 2026]));
    await expect(adjustQuota(store, { id: "A", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 0n })).rejects.toMatchObject({ code: "BUDGET_INVALID_AMOUNT" });
    await expect(adjustQuota(store, { id: "A", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 100 as unknown as bigint })).rejects.toMatchObject({
      code: "BUDGET_INVALID_AMOUNT", message: "adjustment A: amount must be a bigint of fen, not number 100",
    });
    await expect(adjustQuota(store, { id: "B", date: "2026-02-30", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 1n })).rejects.toMatchObject({ code: "BUDGET_INVALID_QUOTA", details: { field: "date" } });
    await expect(adjustQuota(store, { id: "C", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2025-001", amount: 1n })).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      message: "adjustment C: quota Q-2025-001 is of fiscal year 2025, not 2026",
    });
  });

  it("refuses an adjustment dated before either of its lines was issued", async () => {
    const store = await twoLines();
    await loadQuota(store, quotaLine({ id: "Q-2026-003", documentNumber: "财预〔2026〕3号", amount: 100_00n, date: "2026-07-01" }), fixtureContext());
    const move = { id: "TZ-09", date: "2026-06-30", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-003", amount: 100n };
    await expect(adjustQuota(store, move)).rejects.toMatchObject({
      code: "BUDGET_NOT_YET_ISSUED",
      message: "adjustment TZ-09: dated 2026-06-30, before quota Q-2026-003 was issued on 2026-07-01",
      details: { adjustmentId: "TZ-09", field: "date" },
    });
    await expect(adjustQuota(store, { ...move, fromQuotaId: "Q-2026-003", toQuotaId: "Q-2026-001" })).rejects.toMatchObject({
      code: "BUDGET_NOT_YET_ISSUED",
      details: { adjustmentId: "TZ-09", fromQuotaId: "Q-2026-003", field: "date", issuedOn: "2026-07-01" },
    });
    expect((await adjustQuota(store, { ...move, date: "2026-07-01" })).status).toBe("ok");
  });

  it("is a no-op when applied twice, and a conflict under the same id with another amount", async () => {
    const store = await twoLines();
    const move = { id: "TZ-01", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 10_000_000n };
    await adjustQuota(store, move);
    expect((await adjustQuota(store, move)).status).toBe("exists");
    await expect(adjustQuota(store, { ...move, amount: 1n })).rejects.toMatchObject({
      code: "BUDGET_QUOTA_CONFLICT",
      message: "adjustment TZ-01 was applied with amount 100,000.00; this row says 0.01",
      details: { field: "amount", recorded: "100,000.00", given: "0.01" },
    });
    await expect(adjustQuota(store, { ...move, toQuotaId: undefined })).rejects.toMatchObject({
      message: "adjustment TZ-01 was applied with toQuotaId Q-2026-002; this row says (收回)",
      details: { field: "toQuotaId" },
    });
    expect(await amounts(store)).toEqual([["Q-2026-001", 40_000_000n, 40_000_000n], ["Q-2026-002", 30_000_000n, 30_000_000n]]);
  });

  it("takes the same adjustment again without its 调整批次 as a no-op, and says (none) for a batch never recorded", async () => {
    const store = await twoLines();
    const move = { id: "TZ-01", batch: "青财调〔2026〕3号", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 10_000_000n };
    await adjustQuota(store, move);
    const { batch: _batch, ...withoutBatch } = move;
    expect((await adjustQuota(store, withoutBatch)).status).toBe("exists");
    await expect(adjustQuota(store, { ...withoutBatch, amount: 1n })).rejects.toMatchObject({ details: { field: "amount" } });
    await expect(adjustQuota(store, { ...move, batch: "青财调〔2026〕4号" })).rejects.toMatchObject({
      message: "adjustment TZ-01 was applied with batch 青财调〔2026〕3号; this row says 青财调〔2026〕4号",
    });
    await adjustQuota(store, { ...withoutBatch, id: "TZ-02" });
    await expect(adjustQuota(store, { ...move, id: "TZ-02" })).rejects.toMatchObject({
      message: "adjustment TZ-02 was applied with batch (none); this row says 青财调〔2026〕3号",
      details: { field: "batch", recorded: "", given: "青财调〔2026〕3号" },
    });
    expect(await amounts(store)).toEqual([["Q-2026-001", 30_000_000n, 30_000_000n], ["Q-2026-002", 40_000_000n, 40_000_000n]]);
  });

  it("refuses an adjustment dated after its lines' fiscal year ended, and takes one dated before it began (提前下达)", async () => {
    const store = await twoLines();
    await expect(adjustQuota(store, { id: "SH-27", date: "2027-01-05", fromQuotaId: "Q-2026-001", amount: 100n })).rejects.toMatchObject({
      code: "BUDGET_OUTSIDE_FISCAL_YEAR",
      message: "adjustment SH-27: dated 2027-01-05, after fiscal year 2026 of quota Q-2026-001 ended (2026-12-31); date a year-end 调剂 or 收回 on or before 2026-12-31",
      details: { field: "date", fiscalYear: 2026 },
    });
    expect((await adjustQuota(store, { id: "SH-26", date: "2026-12-31", fromQuotaId: "Q-2026-001", amount: 100n })).status).toBe("ok");
    expect(await amounts(store)).toEqual([["Q-2026-001", 49_999_900n, 49_999_900n], ["Q-2026-002", 20_000_000n, 20_000_000n]]);
  });

  it("refuses a 调剂 into a line of another fund type (一般公共预算 into 政府性基金), but not a 收回", async () => {
    const store = await twoLines();
    await loadQuota(store, quotaLine({ id: "Q-2026-F", fundType: "121", amount: 1_000_000n }), fixtureContext());
    await expect(adjustQuota(store, { id: "TZ-F", date: "2026-06-01", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-F", amount: 100n })).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      message: "adjustment TZ-F: moves fund type 111 of quota Q-2026-001 into fund type 121: a 调剂 stays within one 资金性质",
    });
    expect((await adjustQuota(store, { id: "SH-F", date: "2026-06-01", fromQuotaId: "Q-2026-F", amount: 100n })).status).toBe("ok");
  });

  it("refuses an adjustment dated in a closed period with BUDGET_PERIOD_CLOSED", async () => {
    const store = await twoLines();
    await store.lockPeriod({ from: "2026-06-01", to: "2026-06-30" });
    await expect(store.transaction((tx) => adjustQuota(tx, { id: "TZ-01", date: "2026-06-15", fromQuotaId: "Q-2026-001", toQuotaId: "Q-2026-002", amount: 1n }))).rejects.toMatchObject({
      code: "BUDGET_PERIOD_CLOSED",
    });
  });
});
