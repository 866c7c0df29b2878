import { describe, expect, it } from "vitest";
import { agencyControl, apply, budgetStore, figures } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { reservationFailure } from "./reservation-failure";
import { reserveQuota } from "./reserve-quota";

const req = { id: "pay:P001", amount: 12_000_000n, date: "2026-03-02" };

describe("reserveQuota", () => {
  it("reserves 120,000.00 yuan of a 500,000.00 yuan line as a pending transfer", async () => {
    const store = await budgetStore();
    const plan = reserveQuota(quotaLine(), req, []);
    expect(plan.transfers).toMatchObject([{ id: "pay:P001", phase: "pending", debitAccountId: "quota:Q-2026-001", amount: 12_000_000n }]);
    expect(await apply(store, plan.transfers)).toBe(true);
    expect(await figures(store)).toMatchObject({ reserved: 12_000_000n, consumed: 0n, available: 38_000_000n });
  });

  it("reserves and consumes at once for an already-paid historic payment, still limit-checked", async () => {
    const store = await budgetStore();
    const plan = reserveQuota(quotaLine(), { ...req, immediate: true }, []);
    expect(plan.transfers[0]?.phase).toBe("posted");
    expect(await apply(store, plan.transfers)).toBe(true);
    expect(await figures(store)).toMatchObject({ reserved: 0n, consumed: 12_000_000n, executionRate: "0.2400" });
    const over = reserveQuota(quotaLine(), { id: "pay:P002", amount: 40_000_000n, date: "2026-03-03", immediate: true }, []);
    expect((await store.createTransfers(over.transfers)).results[0]?.status).toBe("exceeds_limit");
  });

  it("rejects an overspend of the line: 600,000.00 requested, 500,000.00 available", async () => {
    const store = await budgetStore();
    const plan = reserveQuota(quotaLine(), { ...req, amount: 60_000_000n }, []);
    const result = await store.createTransfers(plan.transfers);
    expect(result.applied).toBe(false);
    expect(reservationFailure(plan.checks, plan.reservation.amount, result.results)).toMatchObject({
      code: "BUDGET_EXCEEDS_QUOTA",
      details: { quotaId: "Q-2026-001", available: "50000000", requested: "60000000" },
    });
  });

  it("refuses a reservation dated outside the line's fiscal year (《预算法》§18: the calendar year)", () => {
    expect(reserveQuota(quotaLine({ date: "2025-11-20" }), { ...req, date: "2026-01-01" }, []).reservation.fiscalYear).toBe(2026);
    expect(reserveQuota(quotaLine(), { ...req, date: "2026-12-31" }, []).transfers).toHaveLength(1);
    for (const date of ["2025-12-31", "2027-01-01"]) {
      expect(() => reserveQuota(quotaLine(), { ...req, date }, [])).toThrow(
        expect.objectContaining({
          code: "BUDGET_OUTSIDE_FISCAL_YEAR",
          message: `pay:P001 is dated ${date}, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota Q-2026-001`,
          details: expect.objectContaining({ quotaId: "Q-2026-001", reservationId: "pay:P001", field: "date", date, fiscalYear: 2026 }),
        }),
      );
    }
  });

  it("refuses a reservation dated before the line was issued (下达日期 2026-01-05)", () => {
    expect(() => reserveQuota(quotaLine(), { ...req, date: "2026-01-04" }, [])).toThrow(
      expect.objectContaining({
        code: "BUDGET_NOT_YET_ISSUED",
        message: "pay:P001 is dated 2026-01-04, before quota Q-2026-001 was issued on 2026-01-05",
        details: { quotaId: "Q-2026-001", reservationId: "pay:P001", field: "date", date: "2026-01-04", issuedOn: "2026-01-05" },
      }),
    );
    expect(reserveQuota(quotaLine(), { ...req, date: "2026-01-05" }, []).transfers).toHaveLength(1);
  });

  it("names the reservation by its label when it has one (payment P001, not pay:P001)", () => {
    expect(() => reserveQuota(quotaLine(), { ...req, date: "2027-01-04", label: "payment P001" }, [])).toThrow(
      "payment P001 is dated 2027-01-04, outside fiscal year 2026 (2026-01-01..2026-12-31) of quota Q-2026-001",
    );
    expect(() => reserveQuota(quotaLine(), { ...req, date: "2026-01-04", label: "payment P001" }, [])).toThrow(
      "payment P001 is dated 2026-01-04, before quota Q-2026-001 was issued on 2026-01-05",
    );
  });

  it("debits a matching absolute control in the same batch", () => {
    const plan = reserveQuota(quotaLine(), req, [agencyControl(), agencyControl({ id: "other", match: [{ dimension: "agency", value: "101002" }] })]);
    expect(plan.reservation.controlIds).toEqual(["101001-302"]);
    expect(plan.transfers.map((t) => t.debitAccountId)).toEqual(["quota:Q-2026-001", "quota-control:101001-302"]);
    expect(plan.checks.map((c) => c.kind)).toEqual(["quota", "control"]);
  });

  it("enforces a parent control across two lines: the second 300,000.00 reservation exceeds the 500,000.00 total", async () => {
    const a = quotaLine({ id: "QA", economicCode: "30201" });
    const b = quotaLine({ id: "QB", economicCode: "30211", documentNumber: "财预〔2026〕2号" });
    const control = agencyControl({ limit: 50_000_000n });
    const store = await budgetStore([a, b], [control]);
    const first = reserveQuota(a, { id: "r1", amount: 30_000_000n, date: "2026-03-02" }, [control]);
    expect(await apply(store, first.transfers)).toBe(true);
    const second = reserveQuota(b, { id: "r2", amount: 30_000_000n, date: "2026-03-02" }, [control]);
    const result = await store.createTransfers(second.transfers);
    expect(result.applied).toBe(false);
    expect(reservationFailure(second.checks, 30_000_000n, result.results)).toMatchObject({
      code: "BUDGET_EXCEEDS_CONTROL",
      details: { controlId: "101001-302", available: "20000000", requested: "30000000" },
    });
    expect(await figures(store, "QB")).toMatchObject({ reserved: 0n, available: 50_000_000n });
  });

  it("uses the refined economic code 30211 of a 类-level quota 302 for matching", () => {
    const control = agencyControl({ match: [{ dimension: "economicCode", value: "30211" }] });
    const plan = reserveQuota(quotaLine({ economicCode: "302" }), { ...req, economicCode: "30211" }, [control]);
    expect(plan.reservation.dimensions?.economicCode).toBe("30211");
    expect(plan.reservation.controlIds).toEqual(["101001-302"]);
  });

  it("rejects a refinement 30101 that is not under the quota's 302", () => {
    expect(() => reserveQuota(quotaLine({ economicCode: "302" }), { ...req, economicCode: "30101" }, [])).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_REFINEMENT" }),
    );
  });

  it("fails closed when a control matches on the division the quota does not carry", () => {
    const control = agencyControl({ match: [{ dimension: "agency", value: "101001" }, { dimension: "division", value: "420100" }] });
    expect(() => reserveQuota(quotaLine(), req, [control])).toThrow(
      expect.objectContaining({ code: "BUDGET_MISSING_DIMENSION", details: expect.objectContaining({ dimension: "division" }) }),
    );
  });

  it("ignores a control whose agency differs even when its division is missing", () => {
    const control = agencyControl({ match: [{ dimension: "agency", value: "101002" }, { dimension: "division", value: "420100" }] });
    expect(reserveQuota(quotaLine(), req, [control]).reservation.controlIds).toEqual([]);
  });

  it("fails closed on a quota without a project code", () => {
    expect(() => reserveQuota(quotaLine({ projectCode: "" }), req, [])).toThrow(
      expect.objectContaining({ code: "BUDGET_MISSING_DIMENSION" }),
    );
  });

  it("refuses a quota whose executable flag is off", () => {
    expect(() => reserveQuota(quotaLine({ executable: false }), req, [])).toThrow(expect.objectContaining({ code: "BUDGET_NOT_EXECUTABLE" }));
  });

  it("refuses an amount of 0 fen", () => {
    expect(() => reserveQuota(quotaLine(), { ...req, amount: 0n }, [])).toThrow(expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT" }));
  });

  it("says an amount of 100 given as a JS number must be a bigint of fen", () => {
    const untyped = { ...req, amount: 100 as unknown as bigint, label: "payment ZF9" };
    expect(() => reserveQuota(quotaLine(), untyped, [])).toThrow(
      expect.objectContaining({ code: "BUDGET_INVALID_AMOUNT", message: "payment ZF9 on quota Q-2026-001: amount must be a bigint of fen, not number 100" }),
    );
  });
});
