import { createMemoryStore } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { agencyControl } from "./_testing/budget-store";
import { defineQuotaControl } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { controlAccountIds } from "./quota-account-ids";
import { apply } from "./_testing/budget-store";
import { fixtureContext, quotaLine } from "./_testing/quota-fixtures";
import { loadQuota } from "./load-quota";
import { reserveQuota } from "./reserve-quota";

describe("defineQuotaControl", () => {
  it("creates a limited control account credited with its 600,000.00 yuan limit", async () => {
    const store = createMemoryStore();
    expect(await defineQuotaControl(store, agencyControl())).toEqual({ status: "ok", opening: 0n, lines: 0, reservations: 0 });
    const [row] = await store.accountBalances({ accountIds: [controlAccountIds("101001-302").control] });
    expect(row?.account.flags.debitsMustNotExceedCredits).toBe(true);
    expect(row?.balance.creditsPosted).toBe(60_000_000n);
  });

  it("creates an advisory control as an unlimited account", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl({ policy: "advisory" }));
    expect((await store.getAccount(controlAccountIds("101001-302").control))?.flags.debitsMustNotExceedCredits).toBeUndefined();
  });

  it("leaves nothing behind when refused, so the absolute control defined next holds its limit", async () => {
    const store = createMemoryStore();
    await store.lockPeriod({ from: "2026-01-01", to: "2026-01-31" });
    // Refused in a closed month: without its savepoint the advisory account (no limit flag) stayed.
    await expect(defineQuotaControl(store, agencyControl({ policy: "advisory", date: "2026-01-05" }))).rejects.toMatchObject({ code: "BUDGET_PERIOD_CLOSED" });
    expect(await store.getAccount(controlAccountIds("101001-302").control)).toBeUndefined();
    expect(await defineQuotaControl(store, agencyControl({ date: "2026-02-01" }))).toMatchObject({ status: "ok" });
    expect((await store.getAccount(controlAccountIds("101001-302").control))?.flags.debitsMustNotExceedCredits).toBe(true);
  });

  it("refuses a matcher on something that is not a dimension, a value with spaces, and a date that is not YYYY-MM-DD", async () => {
    const store = createMemoryStore();
    // projectCode is the quota line's field; the dimension is project. Accepted, it would stop every payment.
    await expect(defineQuotaControl(store, agencyControl({ match: [{ dimension: "projectCode", value: "XM1" }] }))).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL",
      message: expect.stringContaining("control 101001-302: matcher projectCode: not a dimension (use fiscalYear, division, agency"),
    });
    await expect(defineQuotaControl(store, agencyControl({ match: [{ dimension: "agency", value: "101001 " }] }))).rejects.toMatchObject({
      message: 'control 101001-302: matcher agency: "101001 " must be text without spaces around it',
    });
    await expect(defineQuotaControl(store, agencyControl({ date: "2026-1-5" }))).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL", message: "control 101001-302: date 2026-1-5 is not a YYYY-MM-DD date",
    });
    expect(await store.accountBalances()).toEqual([]);
  });

  it("is a no-op for the same control twice, whatever day it is defined again", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl());
    expect((await defineQuotaControl(store, agencyControl())).status).toBe("exists");
    expect((await defineQuotaControl(store, agencyControl({ date: "2026-06-30" }))).status).toBe("exists");
  });

  it("posts a raised or lowered limit, and refuses a limit below what the control has used", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl());
    const ids = controlAccountIds("101001-302");
    await store.createTransfers([{ id: "use", debitAccountId: ids.control, creditAccountId: ids.spent, amount: 50_000_000n, date: "2026-03-01" }]);
    expect(await defineQuotaControl(store, agencyControl({ limit: 80_000_000n, date: "2026-06-01" }))).toMatchObject({ status: "changed", changes: ["limit 600,000.00 → 800,000.00"] });
    expect(await store.getTransfer("quota-control-limit:101001-302:2")).toMatchObject({ amount: 20_000_000n, date: "2026-06-01" });
    expect((await defineQuotaControl(store, agencyControl({ limit: 55_000_000n }))).status).toBe("changed");
    const [row] = await store.accountBalances({ accountIds: [ids.control] });
    // limit 550,000.00, used 500,000.00: 50,000.00 left.
    expect(row!.balance.creditsPosted - row!.balance.debitsPosted).toBe(5_000_000n);
    expect((await loadQuotaControls(store))[0]).toMatchObject({ limit: 55_000_000n, date: "2026-01-01" });
    await expect(defineQuotaControl(store, agencyControl({ limit: 40_000_000n }))).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL", message: "control 101001-302: its limit cannot fall from 550,000.00 to 400,000.00, below what it has used",
    });
  });

  it("names what else changed as a conflict: what it matches or its policy; a new name is taken", async () => {
    const store = createMemoryStore();
    await defineQuotaControl(store, agencyControl());
    expect((await defineQuotaControl(store, agencyControl({ name: "101001 公用经费" }))).status).toBe("changed");
    expect((await loadQuotaControls(store))[0]?.name).toBe("101001 公用经费");
    await expect(defineQuotaControl(store, agencyControl({ policy: "track" }))).rejects.toMatchObject({
      code: "BUDGET_CONTROL_CONFLICT", details: { field: "policy", recorded: "absolute", given: "track" },
    });
    // The same matchers in another order are the same control.
    const reordered = agencyControl({ name: "101001 公用经费", match: [...agencyControl().match].reverse() });
    expect((await defineQuotaControl(store, reordered)).status).toBe("exists");
    await expect(defineQuotaControl(store, agencyControl({ match: [{ dimension: "agency", value: "101001" }] }))).rejects.toMatchObject({
      message: "control 101001-302 was defined with match agency=101001, economicCode=302*; now agency=101001: only its name, limit and thresholds can change (define the new one under another id)",
    });
  });

  it("starts a control defined after spending from what its lines have used and reserved, and refuses an absolute limit already passed", async () => {
    const store = createMemoryStore();
    await loadQuota(store, quotaLine(), fixtureContext());
    await loadQuota(store, quotaLine({ id: "Q-2026-002", agency: "101002", amount: 20_000_000n }), fixtureContext());
    await apply(store, reserveQuota(quotaLine(), { id: "p1", amount: 300_000n, date: "2026-03-01", immediate: true }, []).transfers);
    await apply(store, reserveQuota(quotaLine(), { id: "p2", amount: 20_000n, date: "2026-03-02" }, []).transfers);
    const control = agencyControl({ match: [{ dimension: "agency", value: "101001" }] });
    expect(await defineQuotaControl(store, control)).toEqual({ status: "ok", opening: 320_000n, lines: 1, reservations: 2 });
    const [row] = await store.accountBalances({ accountIds: [controlAccountIds(control.id).control] });
    // Each reservation's leg as it would have been: p1 paid at once, p2 still pending.
    expect(row?.balance).toMatchObject({ debitsPosted: 300_000n, debitsPending: 20_000n });
    await expect(defineQuotaControl(store, agencyControl({ id: "tight", limit: 1_000n, match: control.match }))).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL", message: "control tight: its 1 quota line has already used or reserved 3,200.00, more than its absolute limit 10.00 by 3,190.00",
    });
  });

  it("rejects a control without matchers or with a 0 limit or a 0 % threshold", async () => {
    const store = createMemoryStore();
    for (const bad of [
      agencyControl({ match: [] }),
      agencyControl({ limit: 0n }),
      agencyControl({ thresholds: [{ percent: 0, severity: "info" }] }),
    ]) {
      await expect(defineQuotaControl(store, bad)).rejects.toMatchObject({ code: "BUDGET_INVALID_CONTROL" });
    }
  });

  it("says a limit of 600000 given as a JS number must be a bigint of fen", async () => {
    await expect(defineQuotaControl(createMemoryStore(), agencyControl({ limit: 600000 as unknown as bigint }))).rejects.toMatchObject({
      code: "BUDGET_INVALID_CONTROL", message: "control 101001-302: limit must be a bigint of fen, not number 600000",
    });
  });
});

describe("loadQuotaControls", () => {
  it("reads the defined controls back with bigint limits and thresholds", async () => {
    const store = createMemoryStore();
    const control = agencyControl({ thresholds: [{ percent: 80, severity: "info" }] });
    await defineQuotaControl(store, control);
    expect(await loadQuotaControls(store)).toEqual([control]);
  });
});
