/**
 * The units amounts are written in. Payment files are in 元, but budget tables, 指标 notices
 * and final-account statements are very often in 万元 (a report's "单位：万元" line, or a
 * column headed 金额（万元）), some statistical tables in 千元, and national totals in 亿元. An
 * amount in a larger unit carries more decimals: a fen is 0.000001 万元, so a 万元 amount may
 * have up to six decimals and is still exact. Reading 12.5 万元 as 12.50 元 would be off by
 * ten thousand times without any error, so a stated unit is never ignored.
 */

/**
 * A unit amounts are written in.
 *
 * @example
 * ```ts
 * const unit: AmountUnit = "万元";
 * ```
 */
export type AmountUnit = "元" | "千元" | "万元" | "百万元" | "亿元";

/**
 * One unit: its name, how many places its decimal point sits left of 元's, and the names it goes by.
 *
 * @example
 * ```ts
 * const wan: AmountUnitSpec | undefined = AMOUNT_UNITS.find((u) => u.unit === "万元");
 * wan?.shift; // 4: a 万元 amount may carry 2 + 4 decimals
 * ```
 */
export interface AmountUnitSpec {
  /** The unit's name. */
  readonly unit: AmountUnit;
  /** Powers of ten per 元 (万元: 4), so the decimals it may carry are 2 + shift. */
  readonly shift: number;
  /** Other spellings, compared after {@link amountUnitKey} (English ones included). */
  readonly names: readonly string[];
}

/**
 * The units, smallest first.
 *
 * @example
 * ```ts
 * AMOUNT_UNITS.map((u) => u.unit); // ["元", "千元", "万元", "百万元", "亿元"]
 * ```
 */
export const AMOUNT_UNITS: readonly AmountUnitSpec[] = [
  { unit: "元", shift: 0, names: ["yuan", "cny", "rmb"] },
  { unit: "千元", shift: 3, names: ["千", "thousandyuan", "kyuan", "1000yuan"] },
  { unit: "万元", shift: 4, names: ["万", "tenthousandyuan", "10thousandyuan", "10kyuan", "10000yuan"] },
  { unit: "百万元", shift: 6, names: ["百万", "millionyuan", "1000000yuan"] },
  { unit: "亿元", shift: 8, names: ["亿", "hundredmillionyuan", "100millionyuan", "100000000yuan"] },
];

const BY_KEY: ReadonlyMap<string, AmountUnitSpec> = new Map(
  AMOUNT_UNITS.flatMap((spec) => [spec.unit, ...spec.names].map((name) => [amountUnitKey(name), spec] as const)),
);

/**
 * The key a unit's name is compared by: NFKC (full-width to half-width), without spaces, commas
 * or a leading 人民币, lower case. So `人民币万元`, `10,000 yuan` and `10k Yuan` are found.
 *
 * @example
 * ```ts
 * amountUnitKey(" 人民币 万元 "); // "万元"
 * amountUnitKey("10,000 Yuan"); // "10000yuan"
 * ```
 */
export function amountUnitKey(text: string): string {
  return text.normalize("NFKC").replace(/[\s,]/g, "").toLowerCase().replace(/^人民币/, "");
}

/**
 * The unit a name stands for, or undefined when it names none.
 *
 * @example
 * ```ts
 * findAmountUnit("万元"); // "万元"
 * findAmountUnit("10k yuan"); // "万元"
 * findAmountUnit("美元"); // undefined
 * ```
 */
export function findAmountUnit(name: string): AmountUnit | undefined {
  return BY_KEY.get(amountUnitKey(name))?.unit;
}

/**
 * How many places a unit's decimal point sits left of 元's (万元: 4).
 *
 * @example
 * ```ts
 * amountUnitShift("万元"); // 4
 * amountUnitShift("元"); // 0
 * ```
 */
export function amountUnitShift(unit: AmountUnit): number {
  return BY_KEY.get(unit)?.shift ?? 0;
}

/**
 * The decimals an amount in a unit may carry and stay exact to the fen: 2 + its shift (万元: 6).
 *
 * @example
 * ```ts
 * amountUnitDecimals("元"); // 2
 * amountUnitDecimals("万元"); // 6
 * ```
 */
export function amountUnitDecimals(unit: AmountUnit): number {
  return 2 + amountUnitShift(unit);
}

/**
 * The names of the units, for messages ("元, 千元, 万元, 百万元, 亿元").
 *
 * @example
 * ```ts
 * `unknown unit; write one of ${amountUnitNames()}`;
 * ```
 */
export function amountUnitNames(): string {
  return AMOUNT_UNITS.map((u) => u.unit).join(", ");
}
