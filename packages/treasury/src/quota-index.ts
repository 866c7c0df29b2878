/**
 * An in-memory index of quota lines for matching payments: built once per import from the
 * year's quotas, then one Map lookup per payment (never a record-store query per row).
 */
import type { QuotaLine } from "@jincai/budget";

/**
 * The dimensions a payment is matched on.
 *
 * @example
 * ```ts
 * const key: QuotaMatchKey = {
 *   fiscalYear: 2026, agency: "101001", fundType: "111", functionCode: "2010101",
 *   economicCode: "30201", projectCode: "11010126T000000000001", // also matches a quota held at 类 302
 * };
 * context.quotas.match(key).map((q) => q.id); // ["Q-2026-001"]
 * ```
 */
export interface QuotaMatchKey {
  /** Fiscal year. */
  readonly fiscalYear: number;
  /** 预算单位. */
  readonly agency: string;
  /** 资金性质. */
  readonly fundType: string;
  /** 支出功能分类. */
  readonly functionCode: string;
  /** 部门经济分类 (a 款 also matches a quota at its 类). */
  readonly economicCode: string;
  /** 项目代码. */
  readonly projectCode: string;
}

/**
 * Quota lines by id and by matching dimensions.
 *
 * @example
 * ```ts
 * const index: QuotaIndex = createQuotaIndex(await findQuotas(store));
 * index.get("Q-2026-001")?.amount; // 50000000n
 * index.match({ fiscalYear: 2026, agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201", projectCode: "11010126T000000000001" });
 * ```
 */
export interface QuotaIndex {
  /** The quota with this id (executable or not). */
  get(quotaId: string): QuotaLine | undefined;
  /**
   * The executable quotas matching the key: same year, agency, fund type, function code and
   * project, and either the same economic code or, for a 款, the quota at its 类 (refined at payment).
   */
  match(key: QuotaMatchKey): readonly QuotaLine[];
  /** Number of quotas indexed. */
  readonly size: number;
}

const SEP = "\u0001";
const NONE: readonly QuotaLine[] = Object.freeze([]);

function keyOf(year: number, agency: string, fund: string, fn: string, project: string, eco: string): string {
  return `${year}${SEP}${agency}${SEP}${fund}${SEP}${fn}${SEP}${project}${SEP}${eco}`;
}

/**
 * Builds the index of a set of quota lines.
 *
 * @example
 * ```ts
 * const index = createQuotaIndex(await findQuotas(store, { fiscalYear: "2026" }));
 * index.match({ fiscalYear: 2026, agency: "101001", fundType: "111", functionCode: "2010101",
 *   economicCode: "30201", projectCode: "42010026P0001" }); // [QuotaLine]
 * ```
 */
export function createQuotaIndex(quotas: readonly QuotaLine[]): QuotaIndex {
  const byId = new Map<string, QuotaLine>();
  const byKey = new Map<string, QuotaLine[]>();
  for (const q of quotas) {
    byId.set(q.id, q);
    if (!q.executable) continue;
    const k = keyOf(q.fiscalYear, q.agency, q.fundType, q.functionCode, q.projectCode, q.economicCode);
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [q]);
    else list.push(q);
  }
  return {
    get: (quotaId) => byId.get(quotaId),
    match(key) {
      const exact = byKey.get(keyOf(key.fiscalYear, key.agency, key.fundType, key.functionCode, key.projectCode, key.economicCode));
      if (key.economicCode.length <= 3) return exact ?? NONE;
      const category = byKey.get(
        keyOf(key.fiscalYear, key.agency, key.fundType, key.functionCode, key.projectCode, key.economicCode.slice(0, 3)),
      );
      if (category === undefined) return exact ?? NONE;
      return exact === undefined ? category : [...exact, ...category];
    },
    size: byId.size,
  };
}
