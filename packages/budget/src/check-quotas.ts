/**
 * Verification of the loaded quotas: every quota line's codes are valid leaf codes of its fiscal
 * year, its agency and fund type are known. Used by `jincai verify` (rule `code.valid`).
 */
import type { CodeKind, CodeRegistry, RuleFailure, StoreTx } from "@jincai/core";
import { QUOTA_BOOK } from "./quota-account-ids";

/**
 * What {@link checkQuotas} checks against.
 *
 * @example
 * ```ts
 * const context: CheckQuotasContext = { codes: createStarterCodeRegistry(), agencies: new Set(["101001"]), fundTypes: new Set(["111"]) };
 * const failures = await checkQuotas(store, context); // [] when every line's codes are known
 * ```
 */
export interface CheckQuotasContext {
  /** The classification codes. */
  readonly codes: CodeRegistry;
  /** Known agency codes. */
  readonly agencies: ReadonlySet<string>;
  /** Known fund-type codes. */
  readonly fundTypes: ReadonlySet<string>;
}

const CODE_DIMENSIONS: readonly [string, CodeKind, boolean][] = [
  ["functionCode", "function", true],
  ["economicCode", "economic-dept", false],
  ["govEconomicCode", "economic-gov", false],
];

/**
 * Checks every quota line's classification codes, agency and fund type.
 *
 * @example
 * ```ts
 * const failures = await checkQuotas(store, { codes: createStarterCodeRegistry(), agencies: new Set(["101001"]), fundTypes: new Set(["111"]) });
 * ```
 */
export async function checkQuotas(tx: Pick<StoreTx, "accountBalances">, context: CheckQuotasContext): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  for (const { account } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    if (!account.id.startsWith("quota:")) continue;
    const quotaId = account.id.slice("quota:".length);
    const dims = account.dimensions;
    const year = Number(dims["fiscalYear"]);
    for (const [dim, kind, leaf] of CODE_DIMENSIONS) {
      const code = dims[dim];
      if (code === undefined || code === "") {
        if (dim !== "govEconomicCode") failures.push(fail(quotaId, `quota ${quotaId} has no ${dim}`, { dimension: dim }));
        continue;
      }
      const problem = context.codes.check(kind, code, year, { leaf });
      if (problem !== undefined) {
        failures.push(fail(quotaId, `quota ${quotaId}: ${dim} ${code} is not valid for ${year} (${problem})`, { dimension: dim, code, year: String(year), problem }));
      }
    }
    const agency = dims["agency"] ?? "";
    if (!context.agencies.has(agency)) failures.push(fail(quotaId, `quota ${quotaId}: agency ${agency} is unknown`, { dimension: "agency", code: agency }));
    const fund = dims["fundType"] ?? "";
    if (!context.fundTypes.has(fund)) failures.push(fail(quotaId, `quota ${quotaId}: fund type ${fund} is unknown`, { dimension: "fundType", code: fund }));
  }
  return failures;
}

function fail(quotaId: string, message: string, evidence: Record<string, string>): RuleFailure {
  return { rule: "code.valid", severity: "error", message, evidence: { quotaId, ...evidence } };
}
