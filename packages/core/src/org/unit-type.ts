/**
 * 单位类型 (unit types) of budget units as data. The 部门→政府 economic-code mapping and payroll
 * rules key on them. Applications with a local code set pass their own table to the lookups.
 */
import { JincaiError } from "../errors/jincai-error";

/**
 * The key of a unit type: 行政, 参公, 事业, 企业 or 其他.
 *
 * @example
 * ```ts
 * const key: UnitTypeKey = getUnitType("事业").key; // "public-institution"
 * ```
 */
export type UnitTypeKey =
  | "administrative"
  | "civil-service-managed"
  | "public-institution"
  | "enterprise"
  | "other";

/**
 * One unit type.
 *
 * @example
 * ```ts
 * const unitType: UnitType | undefined = findUnitType("行政单位");
 * // { key: "administrative", name: "行政", fullName: "行政单位", aliases: ["行政机关", "机关"] }
 * ```
 */
export interface UnitType {
  /** Stable English key used in APIs and stored records. */
  readonly key: UnitTypeKey;
  /** Short Chinese name, e.g. `行政`. */
  readonly name: string;
  /** Full Chinese name, e.g. `行政单位`. */
  readonly fullName: string;
  /** Other spellings accepted by {@link findUnitType}. */
  readonly aliases: readonly string[];
}

/**
 * The unit types. 参公 is a 事业单位 managed under the Civil Servant Law (参照公务员法管理); for
 * budget purposes it is usually treated like a 行政单位 (see the starter economic mapping).
 *
 * @example
 * ```ts
 * UNIT_TYPES.map((t) => t.name); // ["行政", "参公", "事业", "企业", "其他"]
 * ```
 */
export const UNIT_TYPES: readonly UnitType[] = [
  { key: "administrative", name: "行政", fullName: "行政单位", aliases: ["行政机关", "机关"] },
  {
    key: "civil-service-managed",
    name: "参公",
    fullName: "参照公务员法管理事业单位",
    aliases: ["参公单位", "参公事业单位", "参照公务员法管理单位"],
  },
  {
    key: "public-institution",
    name: "事业",
    fullName: "事业单位",
    // 事业单位 as exports name them by funding (经费形式) or by 公益 class.
    aliases: ["全额拨款事业单位", "差额拨款事业单位", "自收自支事业单位", "公益一类事业单位", "公益二类事业单位", "全额事业单位", "差额事业单位"],
  },
  { key: "enterprise", name: "企业", fullName: "企业", aliases: ["企业单位", "国有企业", "国有独资企业"] },
  { key: "other", name: "其他", fullName: "其他单位", aliases: [] },
];

/**
 * Finds a unit type by key, short or full Chinese name or alias; `undefined` when none matches.
 *
 * @example
 * ```ts
 * findUnitType("事业单位")?.key; // "public-institution"
 * findUnitType("administrative")?.name; // "行政"
 * ```
 */
export function findUnitType(
  value: string,
  table: readonly UnitType[] = UNIT_TYPES,
): UnitType | undefined {
  const v = value.trim();
  return table.find(
    (t) => t.key === v || t.name === v || t.fullName === v || t.aliases.includes(v),
  );
}

/**
 * Like {@link findUnitType} but throws when nothing matches.
 *
 * @throws {JincaiError} ORG_UNIT_TYPE_UNKNOWN
 * @example
 * ```ts
 * getUnitType("参公").key; // "civil-service-managed"
 * ```
 */
export function getUnitType(value: string, table: readonly UnitType[] = UNIT_TYPES): UnitType {
  const found = findUnitType(value, table);
  if (found === undefined) {
    throw new JincaiError("ORG_UNIT_TYPE_UNKNOWN", `unknown unit type "${value}"`, {
      details: { value },
    });
  }
  return found;
}
