/**
 * Validation of a quota line against the year's classification and the known agencies and fund
 * types. Code rules (shape, kind, year, leaf) are core's `CodeRegistry.check`; this module only
 * decides which check each field needs and maps core's problems onto budget issue codes. It
 * collects every issue instead of stopping at the first.
 */
import { MAX_FEN, fenProblem, formatFen, isIsoDate } from "@jincai/core";
import type { CodeKind, CodeProblem } from "@jincai/core";
import { BudgetErrorCode } from "./error-codes";
import { PAYMENT_TYPES, QUOTA_SOURCES } from "./quota-line";
import type { QuotaLine } from "./quota-line";

/**
 * What a quota line is validated against.
 *
 * @example
 * ```ts
 * const context: QuotaValidationContext = { codes: createStarterCodeRegistry(), agencies, fundTypes: FUND_TYPES };
 * validateQuotaLine(line, context); // [] when every code, the agency and the fund type are known
 * ```
 */
export interface QuotaValidationContext {
  /** Core's `CodeRegistry` (only its non-throwing `check` is used). */
  readonly codes: {
    /** Core's `CodeRegistry.check`: `undefined` when the code is valid (a leaf when asked). */
    check(kind: CodeKind, code: string, year: number, options?: { leaf?: boolean }): CodeProblem | undefined;
  };
  /** The known agencies (预算单位): core's `AgencyTree` (only `find` is used). */
  readonly agencies: {
    /** The agency with this code, or `undefined` when unknown. */
    find(code: string): unknown;
  };
  /** The known fund types (资金性质): core's `FUND_TYPES` or a local table; codes match exactly. */
  readonly fundTypes: readonly {
    /** The fund type code, e.g. `111`. */
    readonly code: string;
  }[];
}

/**
 * One problem of a quota line.
 *
 * @example
 * ```ts
 * const issue: QuotaIssue = {
 *   code: "BUDGET_NOT_LEAF", field: "functionCode", problem: "CODE_NOT_LEAF",
 *   message: "function code 20101 is not a lowest-level (leaf) code in 2026",
 * };
 * ```
 */
export interface QuotaIssue {
  /** Stable code, e.g. `BUDGET_UNKNOWN_CODE`. */
  readonly code: BudgetErrorCode;
  /** The offending field of the line. */
  readonly field: keyof QuotaLine;
  /** Readable explanation (English). */
  readonly message: string;
  /** For code fields: core's underlying problem, e.g. `CODE_NOT_LEAF`. */
  readonly problem?: CodeProblem;
}

const REQUIRED: readonly (keyof QuotaLine)[] = [
  "id",
  "documentNumber",
  "source",
  "agency",
  "fundType",
  "functionCode",
  "economicCode",
  "govEconomicCode",
  "projectCode",
  "paymentType",
  "date",
];

/**
 * Validates a quota line: required fields, amount, source and payment type, agency and fund type,
 * and its three classification codes for the line's fiscal year (function and government economic
 * codes must be leaves; the department economic code a leaf or a 类 refined at payment time).
 *
 * @param line - The quota line.
 * @param context - Code registry, known agencies and fund types.
 * @returns Every issue found; empty when the line is valid.
 * @example
 * ```ts
 * validateQuotaLine({ ...line, agency: "999999" }, context);
 * // [{ code: "BUDGET_UNKNOWN_AGENCY", field: "agency", message: "…" }]
 * ```
 */
export function validateQuotaLine(line: QuotaLine, context: QuotaValidationContext): QuotaIssue[] {
  const issues: QuotaIssue[] = [];
  const missing = new Set<keyof QuotaLine>();
  for (const field of REQUIRED) {
    const value = line[field];
    if (typeof value !== "string" || value.trim() === "") {
      missing.add(field);
      issues.push({ code: BudgetErrorCode.MISSING_DIMENSION, field, message: `${field} is required` });
    }
  }
  // " Q1 " would be a quota of its own beside "Q1", and payments naming "Q1" would not find it.
  if (!missing.has("id") && line.id.trim() !== line.id) {
    issues.push({ code: BudgetErrorCode.INVALID_QUOTA, field: "id", message: `quota id ${JSON.stringify(line.id)} has spaces around it (it would be stored apart from ${JSON.stringify(line.id.trim())})` });
  }
  if (typeof line.amount !== "bigint") {
    issues.push({ code: BudgetErrorCode.INVALID_AMOUNT, field: "amount", message: fenProblem(line.amount) });
  } else if (line.amount <= 0n) {
    issues.push({ code: BudgetErrorCode.INVALID_AMOUNT, field: "amount", message: "amount must be greater than zero (a positive bigint of fen)" });
  } else if (line.amount > MAX_FEN) {
    issues.push({ code: BudgetErrorCode.INVALID_AMOUNT, field: "amount", message: `amount is more than the ledger holds (${formatFen(MAX_FEN)})` });
  }
  if (line.originQuotaId !== undefined && line.originQuotaId === line.id) {
    issues.push({ code: BudgetErrorCode.INVALID_QUOTA, field: "originQuotaId", message: `quota ${line.id} cannot move its amount from itself (originQuotaId)` });
  }
  // A string "false" would be truthy: the line would be spent though it was meant frozen.
  if (typeof line.executable !== "boolean") {
    issues.push({ code: BudgetErrorCode.INVALID_QUOTA, field: "executable", message: `executable must be true or false, not ${typeof line.executable} ${JSON.stringify(line.executable)}` });
  }
  if (!Number.isInteger(line.fiscalYear)) {
    const given = typeof line.fiscalYear === "string" ? ` (not the text "${line.fiscalYear}")` : "";
    issues.push({ code: BudgetErrorCode.MISSING_DIMENSION, field: "fiscalYear", message: `fiscalYear must be an integer year${given}` });
    return issues;
  }
  if (typeof line.date === "string" && !isIsoDate(line.date)) {
    issues.push({ code: BudgetErrorCode.INVALID_QUOTA, field: "date", message: `quota ${line.id}: date "${line.date}" is not a YYYY-MM-DD date` });
    return issues;
  }
  // Issued at most the autumn before (提前下达): a 2026 line dated 2019 is a typo.
  if (typeof line.date === "string" && line.date < `${line.fiscalYear - 1}-01-01`) {
    issues.push({
      code: BudgetErrorCode.OUTSIDE_FISCAL_YEAR,
      field: "date",
      message: `quota ${line.id} of fiscal year ${line.fiscalYear} is issued on ${line.date}, before ${line.fiscalYear - 1} (a line is issued in its year or, 提前下达, the year before)`,
    });
  }
  // Issued early (提前下达, in the autumn before) is common; issued after the year ended, never: a
  // later 结转 is a quota of the next year. Such a line could not be spent within its own year.
  if (typeof line.date === "string" && line.date > `${line.fiscalYear}-12-31`) {
    issues.push({
      code: BudgetErrorCode.OUTSIDE_FISCAL_YEAR,
      field: "date",
      message: `quota ${line.id} of fiscal year ${line.fiscalYear} is issued on ${line.date}, after that year ended (a 结转 is a quota of the next year)`,
    });
  }
  checkLists(line, context, missing, issues);
  if (!missing.has("functionCode")) checkCode(context, "function", line, "functionCode", "leaf", issues);
  if (!missing.has("economicCode")) checkCode(context, "economic-dept", line, "economicCode", "leaf-or-category", issues);
  if (!missing.has("govEconomicCode")) checkCode(context, "economic-gov", line, "govEconomicCode", "leaf", issues);
  return issues;
}

function checkLists(line: QuotaLine, context: QuotaValidationContext, missing: Set<keyof QuotaLine>, issues: QuotaIssue[]): void {
  if (!missing.has("source") && !QUOTA_SOURCES.some((s) => s.code === line.source)) {
    issues.push({ code: BudgetErrorCode.UNKNOWN_SOURCE, field: "source", message: `unknown 指标来源 "${line.source}"` });
  }
  if (!missing.has("paymentType") && !PAYMENT_TYPES.some((p) => p.code === line.paymentType)) {
    issues.push({ code: BudgetErrorCode.UNKNOWN_PAYMENT_TYPE, field: "paymentType", message: `unknown 支付方式 "${line.paymentType}"` });
  }
  if (!missing.has("agency") && context.agencies.find(line.agency) === undefined) {
    issues.push({ code: BudgetErrorCode.UNKNOWN_AGENCY, field: "agency", message: `unknown agency "${line.agency}"` });
  }
  if (!missing.has("fundType") && !context.fundTypes.some((f) => f.code === line.fundType)) {
    issues.push({ code: BudgetErrorCode.UNKNOWN_FUND_TYPE, field: "fundType", message: `unknown fund type "${line.fundType}"` });
  }
}

function checkCode(
  context: QuotaValidationContext,
  kind: CodeKind,
  line: QuotaLine,
  field: "functionCode" | "economicCode" | "govEconomicCode",
  rule: "leaf" | "leaf-or-category",
  issues: QuotaIssue[],
): void {
  const code = line[field];
  const problem = context.codes.check(kind, code, line.fiscalYear, { leaf: true });
  if (problem === undefined) return;
  if (problem === "CODE_NOT_LEAF") {
    // A department economic 类 (3 digits) is allowed on a quota: the payment refines it (rule 2).
    if (rule === "leaf-or-category" && code.length === 3) return;
    issues.push({ code: BudgetErrorCode.NOT_LEAF, field, problem, message: `${kind} code ${code} is not a lowest-level (leaf) code in ${line.fiscalYear}` });
    return;
  }
  const words = PROBLEM_WORDS[problem]?.(line.fiscalYear) ?? `${problem} in ${line.fiscalYear}`;
  issues.push({ code: BudgetErrorCode.UNKNOWN_CODE, field, problem, message: `${kind} code ${code} ${words}` });
}

/** What each code problem means, for the issue message (the stable code stays in `problem`). */
const PROBLEM_WORDS: Partial<Record<CodeProblem, (year: number) => string>> = {
  CODE_UNKNOWN: (year) => `is not in the ${year} classification`,
  CODE_YEAR_UNKNOWN: (year) => `cannot be checked: no classification is loaded for ${year}`,
  CODE_INVALID_FORMAT: () => "is not a code of digits",
  CODE_INVALID_LENGTH: () => "has the wrong number of digits",
  CODE_KIND_MISMATCH: () => "belongs to another classification",
};
