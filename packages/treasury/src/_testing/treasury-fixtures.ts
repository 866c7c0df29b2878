/**
 * Test fixtures of the treasury tests (not exported): a memory store with quota lines of agency
 * 101001 and optional controls, and payment inputs with sensible defaults.
 */
import { defineQuotaControl, loadQuota, quotaExecution } from "@jincai/budget";
import type { QuotaControl, QuotaExecution, QuotaLine, QuotaValidationContext } from "@jincai/budget";
import { FUND_TYPES, buildAgencyTree, createCodeRegistry, createMemoryStore } from "@jincai/core";
import type { CodeKind, Store } from "@jincai/core";
import { createPaymentContext } from "../payment-context";
import type { PaymentContext } from "../payment-context";
import type { PaymentInput } from "../payment";

const CODES: readonly (readonly [CodeKind, string])[] = [
  ["function", "201"], ["function", "20101"], ["function", "2010101"],
  ["economic-dept", "302"], ["economic-dept", "30201"], ["economic-dept", "30211"],
  ["economic-gov", "502"], ["economic-gov", "50201"],
];

/** Core's code registry over a small 2026 list, agency 101001 and core's fund types. */
function validationContext(): QuotaValidationContext {
  const codes = createCodeRegistry();
  codes.load(CODES.map(([kind, code]) => ({ kind, code, name: code, year: 2026 })));
  const agencies = buildAgencyTree([{ code: "101001", name: "市财政局", unitType: "行政", divisionCode: "420100" }]);
  return { codes, agencies, fundTypes: FUND_TYPES };
}

/** Quota Q1: 101001 / 111 / 2010101 / 30201 / 50201 / project P1, 100,000.00 yuan. */
export function quota(overrides: Partial<QuotaLine> = {}): QuotaLine {
  return {
    id: "Q1",
    documentNumber: "财预〔2026〕1号",
    source: "1",
    fiscalYear: 2026,
    agency: "101001",
    fundType: "111",
    functionCode: "2010101",
    economicCode: "30201",
    govEconomicCode: "50201",
    projectCode: "P1",
    paymentType: "11",
    amount: 10_000_000n,
    executable: true,
    date: "2026-01-05",
    ...overrides,
  };
}

/** A payment of 10,000.00 yuan against Q1 by id; override any field. */
export function payment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return {
    paymentNumber: "ZF001",
    date: "2026-03-02",
    payeeName: "武汉某某办公用品公司",
    payeeAccount: "420101000000001",
    amount: 1_000_000n,
    purpose: "办公用品",
    quotaId: "Q1",
    ...overrides,
  };
}

/** The same payment given by dimensions instead of quota id. */
export function paymentByDimensions(overrides: Partial<PaymentInput> = {}): PaymentInput {
  const { quotaId: _omit, ...rest } = payment();
  return { ...rest, agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201", projectCode: "P1", ...overrides };
}

/** A memory store with the quotas and controls loaded, and the payment context over them. */
export async function treasuryStore(
  quotas: readonly QuotaLine[] = [quota()],
  controls: readonly QuotaControl[] = [],
): Promise<{ store: Store; context: PaymentContext }> {
  const store = createMemoryStore();
  const context = validationContext();
  for (const q of quotas) await loadQuota(store, q, context);
  for (const c of controls) await defineQuotaControl(store, c);
  return { store, context: createPaymentContext(quotas, controls) };
}

/** The execution figures of one quota. */
export async function figures(store: Store, quotaId = "Q1"): Promise<QuotaExecution> {
  const [f] = await quotaExecution(store, { quotaIds: [quotaId] });
  if (f === undefined) throw new Error(`no quota ${quotaId}`);
  return f;
}

/** A control over agency 101001 × economic 类 302, absolute, 150,000.00 yuan. */
export function control(overrides: Partial<QuotaControl> = {}): QuotaControl {
  return {
    id: "C302",
    name: "101001 商品和服务支出",
    match: [
      { dimension: "agency", value: "101001" },
      { dimension: "economicCode", value: "302", prefix: true },
    ],
    limit: 15_000_000n,
    policy: "absolute",
    date: "2026-01-01",
    ...overrides,
  };
}
