import { MAX_FEN, createMemoryStore } from "@jincai/core";
import type { QuotaLine } from "./quota-line";
import { describe, expect, it } from "vitest";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { findQuotas, getQuota } from "./find-quotas";
import { loadQuota } from "./load-quota";
import { quotaExecution } from "./quota-execution";
import { reserveQuota } from "./reserve-quota";
import { apply } from "./_testing/budget-store";

describe("loadQuota", () => {
  it("creates a limited quota account carrying the line's dimensions and credits it 500,000.00 yuan", async () => {
    const store = createMemoryStore();
    expect(await loadQuota(store, quotaLine(), fixtureContext())).toEqual({ status: "ok", transferId: "quota-load:Q-2026-001" });
    const account = await store.getAccount("quota:Q-2026-001");
    expect(account).toMatchObject({
      book: "quota",
      flags: { debitsMustNotExceedCredits: true },
      dimensions: { fiscalYear: "2026", agency: "101001", functionCode: "2010101", economicCode: "30201", project: "42010026P0001" },
    });
    const [figures] = await quotaExecution(store);
    expect(figures).toMatchObject({ quotaId: "Q-2026-001", amount: 50_000_000n, available: 50_000_000n });
  });

  it("keeps the document findable by 指标文号 and by agency", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect((await findQuotas(store, { documentNumber: "财预〔2026〕1号" })).map((q) => q.id)).toEqual(["Q-2026-001"]);
    expect((await findQuotas(store, { agency: "101002" })).length).toBe(0);
    expect((await getQuota(store, "Q-2026-001")).amount).toBe(50_000_000n);
  });

  it("is a no-op when the same line is loaded twice", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect((await loadQuota(store, quotaLine(), fixtureContext())).status).toBe("exists");
    const [figures] = await quotaExecution(store);
    expect(figures?.amount).toBe(50_000_000n);
  });

  it("rejects the same quota id with another amount", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await expect(loadQuota(store, quotaLine({ amount: 1n }), fixtureContext())).rejects.toMatchObject({ code: "BUDGET_QUOTA_CONFLICT" });
    await expect(loadQuota(store, quotaLine({ executable: false }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_QUOTA_CONFLICT",
      message: expect.stringMatching(/^quota Q-2026-001 was loaded with executable true; this line says false/),
      details: { quotaId: "Q-2026-001", field: "executable", recorded: "true", given: "false" },
    });
  });

  it("rejects a line of an unknown agency without creating any account", async () => {
    const store = createMemoryStore();
    await expect(loadQuota(store, quotaLine({ agency: "999999" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      details: { issues: [{ code: "BUDGET_UNKNOWN_AGENCY" }] },
    });
    expect(await store.getAccount("quota:Q-2026-001")).toBeUndefined();
  });

  it("refuses a load dated in a closed period with BUDGET_PERIOD_CLOSED", async () => {
    const store = createMemoryStore();
    await store.lockPeriod({ from: "2026-01-01", to: "2026-01-31" });
    await expect(store.transaction((tx) => loadQuota(tx, quotaLine(), fixtureContext()))).rejects.toMatchObject({
      code: "BUDGET_PERIOD_CLOSED",
      details: { status: "period_closed" },
    });
  });

  it("leaves no accounts behind when the ledger refuses the load and the caller's transaction goes on (an import with --quarantine)", async () => {
    const store = createMemoryStore();
    await store.lockPeriod({ from: "2026-01-01", to: "2026-01-31" });
    await store.transaction(async (tx) => {
      await expect(loadQuota(tx, quotaLine(), fixtureContext())).rejects.toMatchObject({ code: "BUDGET_PERIOD_CLOSED" });
      await loadQuota(tx, quotaLine({ id: "Q-2026-002", date: "2026-02-01" }), fixtureContext());
    });
    const ids = (await store.accountBalances({ book: "quota" })).map((b) => b.account.id);
    expect(ids.some((id) => id.includes("Q-2026-001"))).toBe(false);
    expect(ids).toContain("quota:Q-2026-002");
  });
});

describe("loadQuota of more than the ledger holds in a year", () => {
  it("names the year's source account and says the year's quotas together would pass what the ledger holds", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine({ id: "QA", amount: MAX_FEN }), fixtureContext());
    await expect(loadQuota(store, quotaLine({ id: "QC", amount: 100n }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_LEDGER_REJECTED",
      message:
        "the ledger refused loading quota QC: overflows_balance: account quota-source:2026 would hold more than the ledger can " +
        "(92,233,720,368,547,758.07 on one side); the quotas of 2026 loaded so far and this one's 1.00 would total more than that",
      details: { status: "overflows_balance", accountId: "quota-source:2026", transferId: "quota-load:QC" },
    });
    expect(await store.getAccount("quota:QC")).toBeUndefined();
  });
});

describe("loadQuota of a 调剂 (an origin quota)", () => {
  const reallocation = (overrides: Partial<QuotaLine> = {}): QuotaLine =>
    quotaLine({ id: "Q-2026-101", source: "3", documentNumber: "财预〔2026〕9号", economicCode: "30211", govEconomicCode: "50201", originQuotaId: "Q-2026-001", amount: 10_000_000n, date: "2026-06-01", ...overrides });

  it("moves 100,000.00 from the origin line: the origin's amount falls, the new line has it, the total stays the same", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect((await loadQuota(store, reallocation(), fixtureContext())).status).toBe("ok");
    const figures = await quotaExecution(store);
    expect(figures.map((f) => [f.quotaId, f.amount, f.available])).toEqual([
      ["Q-2026-001", 40_000_000n, 40_000_000n],
      ["Q-2026-101", 10_000_000n, 10_000_000n],
    ]);
    const source = await store.accountBalances({ accountIds: ["quota-source:2026"] });
    expect(source[0]?.balance.debitsPosted).toBe(50_000_000n);
    expect((await store.getTransfer("quota-load:Q-2026-101"))?.debitAccountId).toBe("quota:Q-2026-001");
  });

  it("keeps the origin's payments, execution rate and availability consistent after the move", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 30_000_000n, date: "2026-03-01", immediate: true }, []).transfers)).toBe(true);
    expect(await apply(store, reserveQuota(quotaLine(), { id: "p2", amount: 5_000_000n, date: "2026-03-02" }, []).transfers)).toBe(true);
    await loadQuota(store, reallocation(), fixtureContext());
    const [origin] = await quotaExecution(store, { quotaIds: ["Q-2026-001"] });
    expect(origin).toMatchObject({ amount: 40_000_000n, consumed: 30_000_000n, reserved: 5_000_000n, available: 5_000_000n, executionRate: "0.7500" });
  });

  it("refuses to move more than the origin has available, with BUDGET_EXCEEDS_QUOTA and nothing created", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 45_000_000n, date: "2026-03-01" }, []).transfers);
    await expect(loadQuota(store, reallocation(), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_EXCEEDS_QUOTA",
      details: { originQuotaId: "Q-2026-001", available: "5000000", requested: "10000000", field: "amount" },
    });
    expect(await store.getAccount("quota:Q-2026-101")).toBeUndefined();
    expect((await quotaExecution(store))[0]?.amount).toBe(50_000_000n);
  });

  it("refuses an origin that is not loaded, or is the line itself", async () => {
    const store = createMemoryStore();
    await expect(loadQuota(store, reallocation({ originQuotaId: "Q-404" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_QUOTA_NOT_FOUND",
      message: "quota Q-2026-101: its origin quota Q-404 does not exist",
    });
    await expect(loadQuota(store, quotaLine({ originQuotaId: "Q-2026-001" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      details: { issues: [{ field: "originQuotaId" }] },
    });
  });

  it("refuses a 调剂 dated before its origin was issued (下达日期 2026-01-05), and nothing is created", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await expect(loadQuota(store, reallocation({ date: "2026-01-04" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_NOT_YET_ISSUED",
      message: "quota Q-2026-101: dated 2026-01-04, before its origin quota Q-2026-001 was issued on 2026-01-05",
      details: { quotaId: "Q-2026-101", originQuotaId: "Q-2026-001", field: "date", date: "2026-01-04", issuedOn: "2026-01-05" },
    });
    expect(await store.getAccount("quota:Q-2026-101")).toBeUndefined();
  });

  it("refuses an origin of another fiscal year", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine({ id: "Q-2025-001", fiscalYear: 2025, date: "2025-01-05" }), fixtureContext([2025, 2026]));
    await expect(loadQuota(store, reallocation({ originQuotaId: "Q-2025-001" }), fixtureContext())).rejects.toMatchObject({
      code: "BUDGET_INVALID_QUOTA",
      message: "quota Q-2026-101: its origin quota Q-2025-001 is of fiscal year 2025, not 2026",
    });
  });

  it("is a no-op when the same 调剂 is loaded twice, and a conflict with another origin", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await loadQuota(store, quotaLine({ id: "Q-2026-002" }), fixtureContext());
    await loadQuota(store, reallocation(), fixtureContext());
    expect((await loadQuota(store, reallocation(), fixtureContext())).status).toBe("exists");
    await expect(loadQuota(store, reallocation({ originQuotaId: "Q-2026-002" }), fixtureContext())).rejects.toMatchObject({ code: "BUDGET_QUOTA_CONFLICT" });
    expect((await quotaExecution(store, { quotaIds: ["Q-2026-001"] }))[0]?.amount).toBe(40_000_000n);
  });
});

describe("getQuota", () => {
  it("throws BUDGET_QUOTA_NOT_FOUND for an unknown id", async () => {
    await expect(getQuota(createMemoryStore(), "Q-404")).rejects.toMatchObject({ code: "BUDGET_QUOTA_NOT_FOUND" });
  });
});
