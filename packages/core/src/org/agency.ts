import type { UnitTypeKey } from "./unit-type";

/**
 * A budget unit (预算单位) as supplied, e.g. from an agencies CSV. `unitType` may be a key or a
 * Chinese name (行政, 事业单位, 参公 …); a unit without `parentCode` is a 主管部门.
 *
 * @example
 * ```ts
 * const school: AgencyInput = {
 *   code: "205001", name: "市第一中学", parentCode: "205", unitType: "事业", divisionCode: "320500",
 * };
 * ```
 */
export interface AgencyInput {
  /** The unit code, unique within the tree, e.g. `205001`. */
  readonly code: string;
  /** The unit name. */
  readonly name: string;
  /** The code of the unit above it; absent for a 主管部门 (top-level department). */
  readonly parentCode?: string;
  /** 单位类型 as a key or Chinese name. */
  readonly unitType: string;
  /** The 6-digit 财政区划 the unit belongs to. */
  readonly divisionCode: string;
}

/**
 * A validated budget unit (预算单位) with its unit type resolved to a key.
 *
 * @example
 * ```ts
 * tree.get("205001").unitType; // "public-institution"
 * ```
 */
export interface Agency {
  /** The unit code. */
  readonly code: string;
  /** The unit name. */
  readonly name: string;
  /** The code of the unit above it; absent for a 主管部门. */
  readonly parentCode?: string;
  /** 单位类型 key. */
  readonly unitType: UnitTypeKey;
  /** The 6-digit 财政区划 the unit belongs to. */
  readonly divisionCode: string;
}
