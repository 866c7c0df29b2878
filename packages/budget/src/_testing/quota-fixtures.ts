/**
 * Test fixtures shared by the budget and treasury tests (not exported from the package index):
 * core's code registry and agency tree over a small 2026 list, and quota lines with defaults.
 */
import { FUND_TYPES, buildAgencyTree, createCodeRegistry } from "@jincai/core";
import type { CodeKind } from "@jincai/core";
import type { QuotaLine } from "../quota-line";
import type { QuotaValidationContext } from "../validate-quota-line";

const CODES_2026: readonly (readonly [CodeKind, string, string])[] = [
  ["function", "201", "一般公共服务支出"],
  ["function", "20101", "人大事务"],
  ["function", "2010101", "行政运行"],
  ["function", "2010102", "一般行政管理事务"],
  ["function", "205", "教育支出"],
  ["function", "20502", "普通教育"],
  ["function", "2050201", "学前教育"],
  ["economic-dept", "301", "工资福利支出"],
  ["economic-dept", "30101", "基本工资"],
  ["economic-dept", "30102", "津贴补贴"],
  ["economic-dept", "302", "商品和服务支出"],
  ["economic-dept", "30201", "办公费"],
  ["economic-dept", "30211", "差旅费"],
  ["economic-gov", "501", "机关工资福利支出"],
  ["economic-gov", "50101", "工资奖金津补贴"],
  ["economic-gov", "502", "机关商品和服务支出"],
  ["economic-gov", "50201", "办公经费"],
];

/**
 * Core's code registry with a small 2026 list (the same codes for any other `years` asked for), agencies 101001 (a bureau) and 101002 (its
 * school), and core's standard fund types (111, 121, …).
 */
export function fixtureContext(years: readonly number[] = [2026]): QuotaValidationContext {
  const codes = createCodeRegistry();
  for (const year of years) codes.load(CODES_2026.map(([kind, code, name]) => ({ kind, code, name, year })));
  const agencies = buildAgencyTree([
    { code: "101001", name: "市财政局", unitType: "行政", divisionCode: "420100" },
    { code: "101002", name: "市财政干部学校", parentCode: "101001", unitType: "事业", divisionCode: "420100" },
  ]);
  return { codes, agencies, fundTypes: FUND_TYPES };
}

/** A valid executable 2026 quota line of agency 101001 for 500,000.00 yuan; override any field. */
export function quotaLine(overrides: Partial<QuotaLine> = {}): QuotaLine {
  return {
    id: "Q-2026-001",
    documentNumber: "财预〔2026〕1号",
    source: "1",
    fiscalYear: 2026,
    agency: "101001",
    fundType: "111",
    functionCode: "2010101",
    economicCode: "30201",
    govEconomicCode: "50201",
    projectCode: "42010026P0001",
    paymentType: "11",
    amount: 50_000_000n,
    executable: true,
    date: "2026-01-05",
    ...overrides,
  };
}
