/**
 * Parses human amount text (as typed, printed on vouchers or exported by Excel) into integer
 * fen. This is the CSV import's hot path: the common case is a single hand-written scan over
 * char codes that allocates nothing but the resulting `bigint`. decimal.js is used only when
 * the text has more than two significant decimals and the caller named a rounding mode.
 *
 * Accepted: `1234.56`, `1,234.56`, `-0.5`, `+3`, `¥1,234.56` / `￥…`, full-width digits,
 * comma, period, plus and minus (`１，２３４．５６`, `－５`), `(1,234.56)` / `（1,234.56）` as
 * negative, surrounding whitespace (including U+3000). Decimals beyond the second are accepted
 * when they are zeros (`1.500`), since no value is lost. Not accepted: exponents, `.5`, `5.`,
 * grouping other than 3-digit groups after a 1–3 digit head, more than one sign, units (`元`).
 * Text in a larger unit (`unit: "万元"`) is read in that unit: `12.5` 万元 is 12,500,000 fen, and
 * it may carry as many decimals as stay exact (six for 万元).
 */
import { JincaiError, isJincaiError } from "../errors/jincai-error";
import { amountUnitDecimals, type AmountUnit } from "./amount-unit";
import { D } from "./decimal";
import { MoneyErrorCode } from "./money-error-code";
import { decimalRounding, roundToFen, type RoundingMode } from "./rounding-mode";

/**
 * Options for {@link parseFen} and {@link safeParseFen}.
 *
 * @example
 * ```ts
 * const options: ParseFenOptions = { unit: "万元", rounding: "ROUND_HALF_UP" };
 * parseFen("12.5", options); // 12500000n (125,000.00 元)
 * ```
 */
export interface ParseFenOptions {
  /**
   * How to round text with more than two significant decimals. When absent, such text is
   * refused with `MONEY_TOO_MANY_DECIMALS`.
   */
  rounding?: RoundingMode;
  /**
   * The unit the text is in; defaults to 元. In 万元 the text may have six decimals (a fen is
   * 0.000001 万元), and more than that is what `MONEY_TOO_MANY_DECIMALS` refuses.
   */
  unit?: AmountUnit;
}

/**
 * The result of {@link safeParseFen}: the fen, or the error that `parseFen` would throw.
 *
 * @example
 * ```ts
 * const result: ParseFenResult = safeParseFen("1,234.56");
 * if (result.ok) result.value; // 123456n
 * else console.error(result.error.code); // e.g. "MONEY_PARSE"
 * ```
 */
export type ParseFenResult =
  | {
      /** Parsed. */
      ok: true;
      /** The amount in fen. */
      value: bigint;
    }
  | {
      /** Not parsed. */
      ok: false;
      /** Why: MONEY_PARSE or MONEY_TOO_MANY_DECIMALS (MONEY_PRECISION), with `details.input`. */
      error: JincaiError<MoneyErrorCode>;
    };

type Failure = typeof MoneyErrorCode.PARSE | typeof MoneyErrorCode.TOO_MANY_DECIMALS;
const PARSE: Failure = MoneyErrorCode.PARSE;
const TOO_MANY: Failure = MoneyErrorCode.TOO_MANY_DECIMALS;

/**
 * Parses amount text into integer fen.
 *
 * @param text - e.g. `"¥1,234.56"`, `"（1,234.56）"`, `"１２３４.５６"`
 * @param options - `rounding` allows and rounds more than two decimals
 * @returns the amount in fen
 * @throws {JincaiError} MONEY_PARSE when the text is not an amount (`details.input`)
 * @throws {JincaiError} MONEY_TOO_MANY_DECIMALS when it has more than two significant
 *   decimals and no rounding mode is named
 * @throws {JincaiError} MONEY_ROUNDING_INVALID when `rounding` is not a known mode
 * @example
 * ```ts
 * parseFen("¥1,234.56"); // 123456n
 * parseFen("(1,234.56)"); // -123456n
 * parseFen("0.125", { rounding: "ROUND_HALF_EVEN" }); // 12n
 * parseFen("12.5", { unit: "万元" }); // 12500000n (125,000.00 元)
 * ```
 */
export function parseFen(text: string, options?: ParseFenOptions): bigint {
  const rounding = options?.rounding;
  if (rounding !== undefined) decimalRounding(rounding);
  const places = placesOf(options?.unit);
  const result = scanFen(text, rounding, places);
  if (typeof result === "bigint") return result;
  throw failure(result, text, options?.unit);
}

/**
 * Like {@link parseFen} but returns `{ ok, value }` or `{ ok, error }` instead of throwing, so a
 * bulk import pays no exception cost per bad row. An invalid `rounding` option still throws,
 * since it is a programming error rather than bad data.
 *
 * @example
 * ```ts
 * safeParseFen("1,234.56"); // { ok: true, value: 123456n }
 * safeParseFen("12,34"); // { ok: false, error: JincaiError MONEY_PARSE }
 * safeParseFen("0.0000001", { unit: "万元" }); // { ok: false, error: JincaiError MONEY_TOO_MANY_DECIMALS }
 * ```
 */
export function safeParseFen(text: string, options?: ParseFenOptions): ParseFenResult {
  const rounding = options?.rounding;
  if (rounding !== undefined) decimalRounding(rounding);
  const places = placesOf(options?.unit);
  let result: bigint | Failure;
  try {
    result = scanFen(text, rounding, places);
  } catch (e) {
    // Only the rare rounding path can throw (MONEY_PRECISION for absurdly long text).
    if (isJincaiError<MoneyErrorCode>(e)) return { ok: false, error: e };
    throw e;
  }
  if (typeof result === "bigint") return { ok: true, value: result };
  return { ok: false, error: failureWithoutStack(result, text, options?.unit) };
}

/** Decimals a unit's text may carry: 2 for 元 (and no unit named), more for larger ones. */
function placesOf(unit: AmountUnit | undefined): number {
  return unit === undefined ? 2 : amountUnitDecimals(unit);
}

/**
 * Capturing a stack trace is most of the cost of making an error (V8); a bad import row is
 * reported by file and line, never by stack, so the returned error skips it.
 */
function failureWithoutStack(code: Failure, text: unknown, unit: AmountUnit | undefined): JincaiError<MoneyErrorCode> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return failure(code, text, unit);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function failure(code: Failure, text: unknown, unit: AmountUnit | undefined): JincaiError<MoneyErrorCode> {
  const input = typeof text === "string" ? text : String(text);
  const inUnit = unit === undefined || unit === "元" ? "" : ` in ${unit}`;
  const message =
    code === TOO_MANY
      ? `more than ${placesOf(unit) === 2 ? "two" : placesOf(unit)} decimals${inUnit} and no rounding mode: "${input}"`
      : `not an amount: "${input}"`;
  return new JincaiError<MoneyErrorCode>(code, message, { details: unit === undefined ? { input } : { input, unit } });
}

function scanFen(text: unknown, rounding: RoundingMode | undefined, places: number): bigint | Failure {
  if (typeof text !== "string") return PARSE;
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return PARSE;
  let negative = false;
  const open = text.charCodeAt(start);
  if (open === 0x28 || open === 0xff08) {
    if (text.charCodeAt(end - 1) !== (open === 0x28 ? 0x29 : 0xff09)) return PARSE;
    negative = true;
    start++;
    end--;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  let signs = negative ? 1 : 0;
  let symbol = false;
  while (start < end) {
    const c = text.charCodeAt(start);
    if (c === 0x2b || c === 0xff0b || c === 0x2d || c === 0xff0d || c === 0x2212) {
      if (signs++ > 0) return PARSE;
      negative = c !== 0x2b && c !== 0xff0b;
      start++;
    } else if (c === 0xa5 || c === 0xffe5) {
      if (symbol) return PARSE;
      symbol = true;
      start++;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
    } else break;
  }
  return scanNumber(text, start, end, negative, rounding, places);
}

function scanNumber(
  text: string,
  start: number,
  end: number,
  negative: boolean,
  rounding: RoundingMode | undefined,
  places: number,
): bigint | Failure {
  let i = start;
  let intValue = 0;
  let intDigits = 0;
  let group = 0;
  let grouped = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) {
      intValue = intValue * 10 + d;
      intDigits++;
      group++;
      continue;
    }
    if (c !== 0x2c && c !== 0xff0c) break;
    if (group === 0 || group > 3 || (grouped && group !== 3)) return PARSE;
    grouped = true;
    group = 0;
  }
  if (intDigits === 0) return PARSE;
  if (grouped && (group !== 3 || digitOf(text.charCodeAt(start)) === 0)) return PARSE;
  const intEnd = i;
  let fracValue = 0;
  let fracDigits = 0;
  let excess = false;
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0xff0e) return PARSE;
    for (i++; i < end; i++) {
      const d = digitOf(text.charCodeAt(i));
      if (d < 0) return PARSE;
      if (fracDigits < places) fracValue = fracValue * 10 + d;
      else if (d !== 0) excess = true;
      fracDigits++;
    }
    if (fracDigits === 0) return PARSE;
  }
  if (excess) {
    if (rounding === undefined) return TOO_MANY;
    const ascii = (negative ? "-" : "") + toAscii(text, start, end);
    return roundToFen(D(ascii).times(D(10n ** BigInt(places))), rounding);
  }
  if (places === 2) {
    if (fracDigits === 1) fracValue *= 10;
    // Up to 13 integer digits, fen stays below 2^53 and number arithmetic is exact.
    const fen =
      intDigits <= 13
        ? BigInt(intValue * 100 + fracValue)
        : BigInt(toAscii(text, start, intEnd)) * 100n + BigInt(fracValue);
    return negative ? -fen : fen;
  }
  // A larger unit: the decimal point moves `places` digits (fracValue has at most 10 digits).
  for (let k = Math.min(fracDigits, places); k < places; k++) fracValue *= 10;
  const fen =
    intDigits + places <= 15
      ? BigInt(intValue * 10 ** places + fracValue)
      : BigInt(toAscii(text, start, intEnd)) * 10n ** BigInt(places) + BigInt(fracValue);
  return negative ? -fen : fen;
}

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000;
}

/** ASCII digits and `.` of an already validated span, without grouping commas. */
function toAscii(text: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = digitOf(c);
    if (d >= 0) out += String.fromCharCode(0x30 + d);
    else if (c === 0x2e || c === 0xff0e) out += ".";
  }
  return out;
}
