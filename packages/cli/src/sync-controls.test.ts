import { controlAccountIds, defineQuotaControl, loadQuotaControls } from "@jincai/budget";
import { createMemoryStore, fixedClock } from "@jincai/core";
import type { Store } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { syncControls } from "./sync-controls";

const clock = fixedClock("2026-06-01T08:00:00Z");

/** Settings with one control C302 of the given policy and limit (yuan). */
const settings = (policy: string, limit: string, extra: object = {}) =>
  parseConfig(
    JSON.stringify({ store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", controls: [{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit, policy, ...extra }] }),
    "jincai.config.json",
  );

/** Payments of `fen` counted against C302 (a leg as a payment's on its control). */
async function spend(store: Store, id: string, fen: bigint): Promise<void> {
  const ids = controlAccountIds("C302");
  const result = await store.createTransfers([{ id, debitAccountId: ids.control, creditAccountId: ids.spent, amount: fen, date: "2026-06-01" }]);
  expect(result.applied).toBe(true);
}

describe("syncControls on an advisory control past its limit", () => {
  it("says only what it defined or changed: how far past its limit a control is, the import's closing report says", async () => {
    const store = createMemoryStore();
    expect((await syncControls(store, settings("advisory", "1000.00"), clock)).map((n) => n.status)).toEqual(["defined"]);
    await spend(store, "pay:P1~C302", 120_000n);
    expect(await syncControls(store, settings("advisory", "1000.00"), clock)).toEqual([]);
    expect((await syncControls(store, settings("advisory", "800.00"), clock)).map((n) => [n.status, n.message])).toEqual([
      ["changed", "control C302 changed: limit 1,000.00 → 800.00"],
    ]);
    const gone = parseConfig(JSON.stringify({ store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100" }), "jincai.config.json");
    expect((await syncControls(store, gone, clock)).map((n) => n.status)).toEqual(["unconfigured"]);
  });
});

describe("syncControls when a control is refused", () => {
  it("has already said, through onNotice, each control it defined before, which stays defined", async () => {
    const store = createMemoryStore();
    await syncControls(store, settings("advisory", "1000.00"), clock);
    await spend(store, "pay:P1~C302", 120_000n);
    const two = parseConfig(
      JSON.stringify({
        store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100",
        controls: [
          { id: "C301", match: { agency: "101001", economicCode: "301*" }, limit: "100.00", policy: "track" },
          { id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy: "absolute" },
        ],
      }),
      "jincai.config.json",
    );
    const said: string[] = [];
    await expect(syncControls(store, two, clock, (n) => said.push(`${n.control} ${n.status}`))).rejects.toMatchObject({ code: "BUDGET_CONTROL_CONFLICT" });
    expect(said).toEqual(["C301 defined"]);
    expect((await loadQuotaControls(store)).map((c) => c.id)).toEqual(["C301", "C302"]);
  });
});

describe("syncControls matchers", () => {
  it("matches a fund type or payment type given by its name, as a quota file may give it, by its code", async () => {
    const store = createMemoryStore();
    const named = parseConfig(
      JSON.stringify({
        store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100",
        controls: [{ id: "D111", match: { fundType: "一般公共预算", paymentType: "直接支付", economicCode: "302*" }, limit: "100.00", policy: "track" }],
      }),
      "jincai.config.json",
    );
    await syncControls(store, named, clock);
    const [control] = await loadQuotaControls(store);
    expect(control?.match).toEqual([
      { dimension: "fundType", value: "111" },
      { dimension: "paymentType", value: "11" },
      { dimension: "economicCode", value: "302", prefix: true },
      { dimension: "fiscalYear", value: "2026" },
    ]);
    // The same settings again are the same control, not a changed match.
    expect(await syncControls(store, named, clock)).toEqual([]);
  });

  it("keeps the name of a control stored with it before names were read as codes, rather than call its match changed", async () => {
    const store = createMemoryStore();
    const control = { id: "D11", name: "D11", match: [{ dimension: "paymentType", value: "直接支付" }, { dimension: "fiscalYear", value: "2026" }], limit: 10_000n, policy: "track" as const, thresholds: [], date: "2026-06-01" };
    await defineQuotaControl(store, control);
    const legacy = parseConfig(
      JSON.stringify({ store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", controls: [{ id: "D11", match: { paymentType: "直接支付" }, limit: "100.00", policy: "track", thresholds: [] }] }),
      "jincai.config.json",
    );
    expect((await syncControls(store, legacy, clock)).map((n) => n.message)).toEqual([]);
  });
});
