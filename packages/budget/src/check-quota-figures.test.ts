import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { checkQuotaFigures } from "./check-quota-figures";
import { consumeReservation } from "./consume-reservation";
import { loadQuota } from "./load-quota";
import { reserveQuota } from "./reserve-quota";
import { restoreConsumption } from "./restore-consumption";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";

describe("checkQuotaFigures (quota.figures)", () => {
  it("passes a line paid 100.00 and refunded 100.00, and finds one refunded twice", async () => {
    const store = createMemoryStore();
    const line = quotaLine();
    await loadQuota(store, line, fixtureContext());
    const { reservation, transfers } = reserveQuota(line, { id: "pay:P1", amount: 10_000n, date: "2026-03-02" }, []);
    expect((await store.createTransfers([...transfers, ...consumeReservation(reservation, { date: "2026-03-03" })])).applied).toBe(true);
    const restore = (id: string, amount: bigint) => restoreConsumption({ ...reservation, phase: "posted" }, { id, amount, date: "2026-03-04" });
    expect((await store.createTransfers(restore("pay:P1.refund:1", 10_000n))).applied).toBe(true);
    expect(await checkQuotaFigures(store)).toEqual([]);
    // restoreConsumption plans; its caller keeps count. A caller that did not is found.
    expect(() => restore("pay:P1.refund:2", 40_000n)).toThrow("cannot restore 400.00 of reservation pay:P1, which reserved 100.00");
    expect((await store.createTransfers(restore("pay:P1.refund:2", 10_000n))).applied).toBe(true);
    expect(await checkQuotaFigures(store)).toEqual([
      {
        rule: "quota.figures",
        severity: "error",
        message: `quota ${line.id}: consumed -100.00, below zero (more was given back than was taken)`,
        evidence: { quotaId: line.id, accountId: `quota-spent:${line.id}`, figure: "consumed", amount: "-10000" },
      },
    ]);
  });
});
