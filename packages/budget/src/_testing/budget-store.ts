import { createMemoryStore } from "@jincai/core";
import type { Store, TransferInput } from "@jincai/core";
import { defineQuotaControl } from "../define-quota-control";
import { loadQuota } from "../load-quota";
import type { QuotaControl } from "../quota-control";
import { quotaExecution } from "../quota-execution";
import type { QuotaExecution } from "../quota-execution";
import type { QuotaLine } from "../quota-line";
import { fixtureContext, quotaLine } from "./quota-fixtures";

/** A memory store with the given quota lines (default: one 500,000.00 yuan line) and controls. */
export async function budgetStore(lines: readonly QuotaLine[] = [quotaLine()], controls: readonly QuotaControl[] = []): Promise<Store> {
  const store = createMemoryStore();
  for (const line of lines) await loadQuota(store, line, fixtureContext());
  for (const control of controls) await defineQuotaControl(store, control);
  return store;
}

/** Applies a batch and returns whether it applied. */
export async function apply(store: Store, batch: readonly TransferInput[]): Promise<boolean> {
  return (await store.createTransfers(batch)).applied;
}

/** The execution figures of one quota. */
export async function figures(store: Store, quotaId = "Q-2026-001"): Promise<QuotaExecution> {
  const [f] = await quotaExecution(store, { quotaIds: [quotaId] });
  if (f === undefined) throw new Error(`no quota ${quotaId}`);
  return f;
}

/** A control over agency 101001 × department economic 类 302 (prefix), 600,000.00 yuan. */
export function agencyControl(overrides: Partial<QuotaControl> = {}): QuotaControl {
  return {
    id: "101001-302",
    name: "101001 商品和服务支出",
    match: [
      { dimension: "agency", value: "101001" },
      { dimension: "economicCode", value: "302", prefix: true },
    ],
    limit: 60_000_000n,
    policy: "absolute",
    date: "2026-01-01",
    ...overrides,
  };
}
