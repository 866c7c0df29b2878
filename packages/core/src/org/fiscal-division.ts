/**
 * 财政区划 (fiscal divisions): 6-digit codes whose level and parent follow from the code alone:
 * `xx0000` is a province, `xxxx00` a city (地市), anything else a county (县区). Municipalities
 * and 省直辖县级 areas use the same scheme (e.g. 429000 groups Hubei's directly-run counties).
 */
import { JincaiError } from "../errors/jincai-error";

/**
 * The level of a fiscal division.
 *
 * @example
 * ```ts
 * const level: DivisionLevel = divisionLevelOf("320505"); // "county"
 * DIVISION_LEVEL_LABELS[level]; // "县"
 * ```
 */
export type DivisionLevel = "province" | "city" | "county";

/**
 * The Chinese label of each division level.
 *
 * @example
 * ```ts
 * DIVISION_LEVEL_LABELS.city; // "市"
 * ```
 */
export const DIVISION_LEVEL_LABELS: Readonly<Record<DivisionLevel, string>> = {
  province: "省",
  city: "市",
  county: "县",
};

/**
 * A fiscal division with its derived level and structural parent.
 *
 * @example
 * ```ts
 * const division: FiscalDivision = describeDivision("320505", "虎丘区");
 * // { code: "320505", name: "虎丘区", level: "county", levelLabel: "县", parentCode: "320500" }
 * ```
 */
export interface FiscalDivision {
  /** The 6-digit 财政区划 code, e.g. `320505`. */
  readonly code: string;
  /** The name, e.g. `虎丘区`. */
  readonly name: string;
  /** Province, city or county, derived from the code. */
  readonly level: DivisionLevel;
  /** 省, 市 or 县. */
  readonly levelLabel: string;
  /** The structural parent (`xxxx00` for a county, `xx0000` for a city); none for a province. */
  readonly parentCode?: string;
}

/**
 * Whether a string is a well-formed 6-digit division code (not starting `00`).
 *
 * @example
 * ```ts
 * isDivisionCode("320500"); // true
 * isDivisionCode("32050"); // false
 * ```
 */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && !code.startsWith("00");
}

function assertDivisionCode(code: string): void {
  if (!isDivisionCode(code)) {
    throw new JincaiError("ORG_DIVISION_INVALID", `not a 6-digit division code: "${code}"`, {
      details: { code },
    });
  }
}

/**
 * The level of a division code.
 *
 * @throws {JincaiError} ORG_DIVISION_INVALID
 * @example
 * ```ts
 * divisionLevelOf("320000"); // "province"
 * divisionLevelOf("320500"); // "city"
 * divisionLevelOf("320505"); // "county"
 * ```
 */
export function divisionLevelOf(code: string): DivisionLevel {
  assertDivisionCode(code);
  if (code.endsWith("0000")) return "province";
  return code.endsWith("00") ? "city" : "county";
}

/**
 * The structural parent of a division code, or `undefined` for a province.
 *
 * @throws {JincaiError} ORG_DIVISION_INVALID
 * @example
 * ```ts
 * parentDivisionCodeOf("320505"); // "320500"
 * parentDivisionCodeOf("320500"); // "320000"
 * ```
 */
export function parentDivisionCodeOf(code: string): string | undefined {
  const level = divisionLevelOf(code);
  if (level === "province") return undefined;
  return level === "city" ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
}

/**
 * Describes a division: level, label and parent derived from its code.
 *
 * @throws {JincaiError} ORG_DIVISION_INVALID
 * @example
 * ```ts
 * describeDivision("320505", "虎丘区");
 * // { code: "320505", name: "虎丘区", level: "county", levelLabel: "县", parentCode: "320500" }
 * ```
 */
export function describeDivision(code: string, name: string): FiscalDivision {
  const level = divisionLevelOf(code);
  const parentCode = parentDivisionCodeOf(code);
  const base = { code, name, level, levelLabel: DIVISION_LEVEL_LABELS[level] };
  return parentCode === undefined ? base : { ...base, parentCode };
}
