import { describe, expect, it } from "vitest";
import { apply, budgetStore } from "./_testing/budget-store";
import { quotaLine } from "./_testing/quota-fixtures";
import { consumeReservation } from "./consume-reservation";
import { executionSummary } from "./execution-summary";
import { reserveQuota } from "./reserve-quota";

const lineA = quotaLine();
const lineB = quotaLine({ id: "Q-2026-002", functionCode: "2050201", economicCode: "30211", amount: 20_000_000n });

async function cityStore() {
  const store = await budgetStore([lineA, lineB]);
  const march = reserveQuota(lineA, { id: "p1", amount: 10_000_000n, date: "2026-03-02", immediate: true }, []);
  const may = reserveQuota(lineB, { id: "p2", amount: 5_000_000n, date: "2026-05-10", immediate: true }, []);
  const held = reserveQuota(lineA, { id: "p3", amount: 1_000_000n, date: "2026-05-20" }, []);
  for (const plan of [march, may, held]) await apply(store, plan.transfers);
  return store;
}

describe("executionSummary", () => {
  it("totals quota, reserved, paid and available per agency with the execution rate", async () => {
    const rows = await executionSummary(await cityStore(), { groupBy: ["agency"], fiscalYear: 2026 });
    expect(rows).toEqual([
      expect.objectContaining({ key: { agency: "101001" }, quota: 70_000_000n, reserved: 1_000_000n, paid: 15_000_000n, available: 54_000_000n, executionRate: "0.2143", lines: 2 }),
    ]);
  });

  it("rolls function codes up to 类", async () => {
    const rows = await executionSummary(await cityStore(), { groupBy: ["functionCode"], rollup: { functionCode: 3 } });
    expect(rows.map((r) => [r.key["functionCode"], r.paid])).toEqual([["201", 10_000_000n], ["205", 5_000_000n]]);
  });

  it("counts only what was paid within a period", async () => {
    const rows = await executionSummary(await cityStore(), { groupBy: ["agency"], from: "2026-04-01", to: "2026-06-30" });
    expect(rows[0]).toMatchObject({ paid: 5_000_000n, reserved: 1_000_000n });
  });

  it("splits paid by month", async () => {
    const rows = await executionSummary(await cityStore(), { groupBy: ["agency", "month"], fiscalYear: 2026, from: "2026-03-01", to: "2026-05-31" });
    expect(rows.map((r) => [r.key["month"], r.paid])).toEqual([["2026-03", 10_000_000n], ["2026-04", 0n], ["2026-05", 5_000_000n]]);
  });

  it("keeps what is left on a line that is not executable out of available, so the figures still add up to the quota", async () => {
    const blocked = quotaLine({ id: "Q-2026-003", economicCode: "30211", amount: 8_000_000n, executable: false });
    const store = await budgetStore([lineA, blocked]);
    await apply(store, reserveQuota(lineA, { id: "p1", amount: 10_000_000n, date: "2026-03-02", immediate: true }, []).transfers);
    const [row] = await executionSummary(store, { groupBy: ["agency"], fiscalYear: 2026 });
    // 500,000.00 + 80,000.00 of quota: 100,000.00 paid, 400,000.00 available, 80,000.00 that cannot be paid.
    expect(row).toMatchObject({ quota: 58_000_000n, paid: 10_000_000n, available: 40_000_000n, nonExecutable: 8_000_000n });
    expect(row!.reserved + row!.paid + row!.frozen + row!.available + row!.nonExecutable).toBe(row!.quota);
    const byLine = await executionSummary(store, { groupBy: ["economicCode", "month"], fiscalYear: 2026, from: "2026-03-01", to: "2026-03-31" });
    expect(byLine.map((r) => [r.key["economicCode"], r.available, r.nonExecutable])).toEqual([["30201", 40_000_000n, 0n], ["30211", 0n, 8_000_000n]]);
  });

  it("moves a consumed reservation from reserved to paid", async () => {
    const store = await budgetStore([lineA]);
    const plan = reserveQuota(lineA, { id: "p1", amount: 10_000_000n, date: "2026-03-02" }, []);
    await apply(store, plan.transfers);
    await apply(store, consumeReservation(plan.reservation, { date: "2026-03-03" }));
    const rows = await executionSummary(store, { groupBy: ["agency"] });
    expect(rows[0]).toMatchObject({ paid: 10_000_000n, reserved: 0n, available: 40_000_000n });
  });
});
