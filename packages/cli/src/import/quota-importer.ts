/**
 * The quota importer (指标): CSV rows become quota lines, loaded as limited ledger accounts. The
 * rules are the budget package's; this file only translates rows into quota lines and their
 * problems into row outcomes with the column to point at.
 */
import { PAYMENT_TYPES, QUOTA_SOURCES, loadQuota, validateQuotaLine } from "@jincai/budget";
import type { QuotaIssue, QuotaLine } from "@jincai/budget";
import { FUND_TYPES, ImportIssueCode, findFundType, isJincaiError } from "@jincai/core";
import type { QuotaRow, StoreTx } from "@jincai/core";
import type { JincaiConfig } from "../config";
import { loadReferenceData } from "../reference-data";
import { lookupCode } from "./lookup-code";
import type { Importer, RowOutcome } from "./row-outcome";

const QUOTA_FIELDS: Readonly<Record<string, string>> = {
  id: "quota_id", agency: "agency_code", fundType: "fund_type", functionCode: "function_code",
  economicCode: "economic_code", govEconomicCode: "gov_economic_code", projectCode: "project_code",
  amount: "amount", source: "source", paymentType: "payment_type", fiscalYear: "fiscal_year", documentNumber: "doc_no",
  originQuotaId: "origin_quota_id", date: "issued_on", executable: "executable",
};

/**
 * Prepares the quota importer for one file.
 *
 * @example
 * ```ts
 * const importer = await quotaImporter(tx, config);
 * ```
 */
export async function quotaImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<QuotaRow>> {
  const ref = await loadReferenceData(tx, config.fiscalYear);
  const context = { codes: ref.codes, agencies: ref.agencies, fundTypes: FUND_TYPES };
  /** Quota numbers an earlier row of this file loaded (or found loaded). */
  const inFile = new Set<string>();
  return {
    async apply(rows) {
      const out: RowOutcome[] = [];
      for (const row of rows) {
        if (inFile.has(row.quota_id)) {
          out.push({
            status: "rejected",
            code: ImportIssueCode.REPEATED_ROW,
            field: "quota_id",
            message: `quota ${row.quota_id} is on an earlier row of this file too: a row listed twice, or two quotas under one number? (a repeat would count once in the database but twice in the file's totals)`,
          });
          continue;
        }
        const built = quotaLine(row, config, ref);
        if ("rejected" in built) {
          out.push(built.rejected);
          continue;
        }
        const problem = quotaProblem(validateQuotaLine(built.line, context), built);
        if (problem !== undefined) {
          out.push(problem);
          continue;
        }
        const line = built.line;
        try {
          out.push({ status: (await loadQuota(tx, line, context)).status });
          inFile.add(row.quota_id);
        } catch (error) {
          if (!isJincaiError(error)) throw error;
          if (error.code === "BUDGET_PERIOD_CLOSED") {
            const dated = row.issued_on !== undefined ? `issued_on ${line.date}` : `its date ${line.date} (no issued_on, so 1 January)`;
            out.push({ status: "rejected", code: error.code, field: "issued_on", message: `quota ${line.id}: ${dated} is in a closed period` });
          } else {
            // A 调剂 refused for its origin names the column at fault (origin_quota_id, or amount).
            const named = error.details?.["field"];
            const field = (typeof named === "string" ? QUOTA_FIELDS[named] : undefined) ?? "quota_id";
            out.push({ status: "rejected", code: error.code, field, message: error.message });
          }
        }
      }
      return out;
    },
  };
}

/** A quota line built from a row, and how its government economic code was come by. */
interface BuiltQuotaLine {
  readonly line: QuotaLine;
  /** The row left gov_economic_code empty: the code was derived from economic_code (or could not be). */
  readonly derivedGov: boolean;
  /** Why the derivation failed, when it did for a reason other than the codes themselves. */
  readonly mappingProblem?: { readonly code: string; readonly message: string };
}

/** The names a code table accepts, and where others are translated. */
const known = (table: readonly { readonly code: string; readonly name: string }[]): string =>
  `${table.map((t) => `${t.name} ${t.code}`).join(", ")}; a mapping file's values translate others`;

function quotaLine(row: QuotaRow, config: JincaiConfig, ref: Awaited<ReturnType<typeof loadReferenceData>>): BuiltQuotaLine | { rejected: RowOutcome } {
  const reject = (code: string, field: string, message: string) => ({ rejected: { status: "rejected" as const, code, field, message } });
  if (row.fiscal_year !== config.fiscalYear) {
    return reject("BUDGET_INVALID_QUOTA", "fiscal_year", `fiscal_year: ${row.fiscal_year} is not this database's fiscal year ${config.fiscalYear} (jincai init --year)`);
  }
  const source = lookupCode(QUOTA_SOURCES, row.source ?? "年初预算");
  if (source === undefined) return reject("BUDGET_UNKNOWN_SOURCE", "source", `source: unknown 指标来源 "${row.source}" (${known(QUOTA_SOURCES)})`);
  const paymentType = lookupCode(PAYMENT_TYPES, row.payment_type ?? "直接支付");
  if (paymentType === undefined) {
    return reject("BUDGET_UNKNOWN_PAYMENT_TYPE", "payment_type", `payment_type: unknown 支付方式 "${row.payment_type}" (${known(PAYMENT_TYPES)})`);
  }
  const executable = parseFlag(row.executable);
  if (executable === undefined) return reject("BUDGET_INVALID_QUOTA", "executable", `executable: "${row.executable}" is not 是/否 (or 可执行/不可执行, Y/N, 1/0)`);
  const fundType = findFundType(row.fund_type)?.code ?? row.fund_type;
  let govEconomicCode = row.gov_economic_code ?? "";
  const derivedGov = govEconomicCode === "";
  const economicCode = row.economic_code;
  const unitType = ref.agencies.find(row.agency_code)?.unitType;
  let mappingProblem: BuiltQuotaLine["mappingProblem"];
  if (derivedGov && economicCode !== "" && unitType !== undefined) {
    try {
      govEconomicCode = ref.codes.mapEconomicCode(economicCode, unitType, row.fiscal_year);
    } catch (error) {
      // An unknown economic code is reported by the validation, as for any code; a code the
      // mapping table lacks is reported as that.
      if (!isJincaiError(error)) throw error;
      mappingProblem = { code: error.code, message: error.message };
    }
  }
  const line: QuotaLine = {
    id: row.quota_id,
    documentNumber: row.doc_no,
    source,
    fiscalYear: row.fiscal_year,
    division: config.division,
    agency: row.agency_code,
    fundType,
    functionCode: row.function_code,
    economicCode,
    govEconomicCode,
    projectCode: row.project_code,
    paymentType,
    amount: row.amount,
    executable,
    date: row.issued_on ?? `${row.fiscal_year}-01-01`,
    ...(row.origin_quota_id !== undefined ? { originQuotaId: row.origin_quota_id } : {}),
  };
  return mappingProblem === undefined ? { line, derivedGov } : { line, derivedGov, mappingProblem };
}

/**
 * The one problem a rejected quota row reports. A government economic code the row did not give
 * was derived from its economic code and unit type, so its problems follow from others (an
 * unknown agency, an unknown economic code) and are reported only when nothing else is wrong,
 * at the economic code's column and saying where the code came from.
 */
function quotaProblem(issues: readonly QuotaIssue[], built: BuiltQuotaLine): RowOutcome | undefined {
  const own = built.derivedGov ? issues.filter((i) => i.field !== "govEconomicCode") : issues;
  const issue = own[0];
  if (issue !== undefined) return { status: "rejected", code: issue.code, field: QUOTA_FIELDS[issue.field] ?? "quota_id", message: issue.message };
  if (issues.length === 0) return undefined;
  const economic = built.line.economicCode;
  if (built.mappingProblem !== undefined) {
    return {
      status: "rejected", code: built.mappingProblem.code, field: "economic_code",
      message: `economic_code: ${built.mappingProblem.message}; give gov_economic_code (政府经济科目)`,
    };
  }
  const gov = issues[0]!;
  return {
    status: "rejected", code: gov.code, field: "economic_code",
    message: `gov_economic_code derived from economic_code ${economic}: ${gov.message}; give gov_economic_code (政府经济科目)`,
  };
}

/** 是否可执行 as exports write it: 是/否, 可执行/不可执行, Y/N, 1/0, true/false (any case), ✓/×. */
const FLAGS: ReadonlyMap<string, boolean> = new Map([
  ...["是", "可执行", "y", "yes", "true", "1", "√", "✓"].map((t) => [t, true] as const),
  ...["否", "不可执行", "n", "no", "false", "0", "×", "✗"].map((t) => [t, false] as const),
]);

function parseFlag(text: string | undefined): boolean | undefined {
  if (text === undefined || text === "") return true;
  return FLAGS.get(text.normalize("NFKC").toLowerCase());
}
