/**
 * 资金性质 (fund types) as data, with a lookup by code, Chinese name, alias or English key. Codes
 * follow the 一体化 code set as far as seen: 111 and 121 appear in real data [S]; the other codes
 * are [K] (from memory, by the same pattern) and marked so in each row's `source`. Pass a local
 * table to the lookups when a province uses its own codes.
 */
import { JincaiError } from "../errors/jincai-error";

/**
 * The English key of a fund type.
 *
 * @example
 * ```ts
 * const key: FundTypeKey = "government-fund-budget";
 * FUND_TYPES.find((f) => f.key === key)?.code; // "121"
 * ```
 */
export type FundTypeKey =
  | "general-public-budget"
  | "government-fund-budget"
  | "state-capital-budget"
  | "social-insurance-fund-budget"
  | "special-account-funds"
  | "unit-funds";

/**
 * One fund type (资金性质).
 *
 * @example
 * ```ts
 * const fundType: FundType = getFundType("111");
 * // { key: "general-public-budget", code: "111", name: "一般公共预算资金", aliases: ["一般公共预算", …], source: "S" }
 * ```
 */
export interface FundType {
  /** Stable English key. */
  readonly key: FundTypeKey;
  /** The code stored on quotas and payments (`FUND_TYPE_CODE`), e.g. `111`. */
  readonly code: string;
  /** The Chinese name, e.g. `一般公共预算资金`. */
  readonly name: string;
  /** Other accepted names, e.g. `一般公共预算`. */
  readonly aliases: readonly string[];
  /** `S` when the code was seen in a cited source, `K` when it is from memory and unverified. */
  readonly source: "S" | "K";
}

/**
 * The fund types. Verify the `K` codes against the target province's 一体化 code set.
 *
 * @example
 * ```ts
 * FUND_TYPES.map((f) => f.code); // ["111", "121", "131", "141", "2", "3"]
 * ```
 */
export const FUND_TYPES: readonly FundType[] = [
  {
    key: "general-public-budget",
    code: "111",
    name: "一般公共预算资金",
    // 公共财政预算: the name before the 2014 Budget Law revision, still in older exports.
    aliases: ["一般公共预算", "公共财政预算资金", "公共财政预算"],
    source: "S",
  },
  {
    key: "government-fund-budget",
    code: "121",
    name: "政府性基金预算资金",
    aliases: ["政府性基金预算", "政府性基金"],
    source: "S",
  },
  {
    key: "state-capital-budget",
    code: "131",
    name: "国有资本经营预算资金",
    aliases: ["国有资本经营预算"],
    source: "K",
  },
  {
    key: "social-insurance-fund-budget",
    code: "141",
    name: "社会保险基金预算资金",
    aliases: ["社会保险基金预算", "社会保险基金"],
    source: "K",
  },
  {
    key: "special-account-funds",
    code: "2",
    name: "财政专户管理资金",
    aliases: ["财政专户资金"],
    source: "K",
  },
  { key: "unit-funds", code: "3", name: "单位资金", aliases: ["单位自有资金"], source: "K" },
];

/**
 * Finds a fund type by code, Chinese name, alias or key. A longer all-digit code that extends a
 * table code (a provincial sub-code such as `11111` under `111`) finds the longest such code.
 *
 * @example
 * ```ts
 * findFundType("政府性基金预算")?.code; // "121"
 * findFundType("general-public-budget")?.name; // "一般公共预算资金"
 * findFundType("11111")?.key; // "general-public-budget"
 * ```
 */
export function findFundType(
  value: string,
  table: readonly FundType[] = FUND_TYPES,
): FundType | undefined {
  const v = value.trim();
  const exact = table.find(
    (f) => f.code === v || f.name === v || f.key === v || f.aliases.includes(v),
  );
  if (exact !== undefined || !/^\d+$/.test(v)) return exact;
  let best: FundType | undefined;
  for (const f of table) {
    if (v.startsWith(f.code) && f.code.length > (best?.code.length ?? 0)) best = f;
  }
  return best;
}

/**
 * Like {@link findFundType} but throws when nothing matches.
 *
 * @throws {JincaiError} ORG_FUND_TYPE_UNKNOWN
 * @example
 * ```ts
 * getFundType("一般公共预算资金").key; // "general-public-budget"
 * getFundType("预算外资金"); // throws ORG_FUND_TYPE_UNKNOWN
 * ```
 */
export function getFundType(value: string, table: readonly FundType[] = FUND_TYPES): FundType {
  const found = findFundType(value, table);
  if (found === undefined) {
    throw new JincaiError("ORG_FUND_TYPE_UNKNOWN", `unknown fund type "${value}"`, {
      details: { value },
    });
  }
  return found;
}
