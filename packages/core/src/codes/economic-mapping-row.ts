import type { UnitTypeKey } from "../org/unit-type";

/**
 * One row of the 部门预算支出经济分类 → 政府预算支出经济分类 mapping for a fiscal year.
 * `unitType` `"*"` applies to every unit type that has no row of its own.
 *
 * @example
 * ```ts
 * const row: EconomicMappingRow = {
 *   deptCode: "30101", unitType: "public-institution", govCode: "50501", year: 2026,
 * };
 * ```
 */
export interface EconomicMappingRow {
  /** The department economic code (3xx), 类 or 款. */
  readonly deptCode: string;
  /** The unit type the row applies to, or `"*"` for all unit types without a row of their own. */
  readonly unitType: UnitTypeKey | "*";
  /** The government economic code (5xx) the department code maps to. */
  readonly govCode: string;
  /** The fiscal year of the mapping. */
  readonly year: number;
}
