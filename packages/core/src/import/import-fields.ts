/**
 * Field builders for row schemas: amounts (integer fen through core's money parser), dates
 * (normalised to `YYYY-MM-DD`), codes, fiscal years, free text and fixed value sets. Each
 * parses a trimmed, non-empty cell; emptiness is the row schema's business. A bad cell gets a
 * zod custom issue whose `params.importCode` names the import code and whose message reads
 * after the field name and value: `amount "12.345" has more than two decimals`.
 */
import { z } from "zod";
import { daysInMonth, isIsoDate } from "../calendar/iso-date";
import { amountUnitDecimals, type AmountUnit } from "../money/amount-unit";
import { unitSuffix, withoutUnit } from "./amount-unit-note";
import { safeParseFen } from "../money/parse-fen";
import { FUND_TYPES, findFundType } from "../org/fund-type";
import { ImportIssueCode } from "./import-issue-code";
import type { FieldSpec } from "./row-schema";

/**
 * Options shared by every field builder.
 *
 * @example
 * ```ts
 * const options: FieldOptions<true> = { aliases: ["支付日期", "paid_on"], fallbackAliases: ["支付时间"] };
 * dateField(options).schema.parse("2026/3/5"); // "2026-03-05"
 * ```
 */
export interface FieldOptions<R extends boolean> {
  /** Header texts naming the field besides its canonical name (Chinese and English). */
  aliases: readonly string[];
  /**
   * Header texts read as the field only when no column has one of `aliases` and the mapping
   * names none: a second choice, such as 支付时间 for a file that has no 支付日期.
   */
  fallbackAliases?: readonly string[];
  /** Whether the cell must be non-empty; defaults to `true`. */
  required?: R;
}

type Ctx = z.core.$RefinementCtx<string>;

function fail(ctx: Ctx, importCode: ImportIssueCode, message: string): never {
  ctx.addIssue({ code: "custom", message, input: ctx.value, params: { importCode } });
  return z.NEVER;
}

/**
 * Builds a field from a plain cell parser (`undefined` = bad) and the reason a bad cell gets;
 * the zod schema wraps the same parser, so the fast path and zod always agree.
 */
function build<T, R extends boolean>(
  parseCell: (text: string) => T | undefined,
  reason: (text: string) => string,
  code: ImportIssueCode,
  options: FieldOptions<R>,
): FieldSpec<T, R> {
  const schema = z.string().transform((text, ctx): T => {
    const value = parseCell(text);
    return value !== undefined ? value : fail(ctx, code, reason(text));
  });
  const spec: FieldSpec<T, R> = { aliases: options.aliases, required: (options.required ?? true) as R, schema, parseCell, code };
  if (options.fallbackAliases !== undefined) spec.fallbackAliases = options.fallbackAliases;
  return spec;
}

/**
 * Options of {@link amountField}.
 *
 * @example
 * ```ts
 * const options: AmountFieldOptions<true> = { aliases: ["金额", "amount"], positive: "refunds go in the refund file", unit: "万元" };
 * amountField(options).parseCell?.("12.5"); // 12500000n
 * ```
 */
export interface AmountFieldOptions<R extends boolean> extends FieldOptions<R> {
  /**
   * Refuse zero and negative amounts (a payment or a quota line moves more than nothing); a
   * string is a hint added to the reason, e.g. where a file's negative rows belong instead.
   */
  positive?: boolean | string;
  /** The unit the cells are in; defaults to 元 (see {@link AmountUnit}). */
  unit?: AmountUnit;
}

/**
 * An amount in integer fen, parsed by {@link parseFen} (`1,234.56`, `¥1,234.56`, full-width,
 * `(1,234.56)` negative, also `1,234.56元` with the unit written after it), in 元 or the `unit`
 * given (a file in 万元: `12.5` is 12,500,000 fen, with up to six decimals). A cell ending in
 * another unit (`12.5万元` among amounts in 元) is refused, not converted: the file should say so.
 * Bad cells: `IMPORT_INVALID_AMOUNT`, also for zero and negative amounts when `positive` is set.
 * `inUnit` gives the same field in another unit.
 *
 * @example
 * ```ts
 * amountField({ aliases: ["金额", "amount"] }).schema.parse("1,234.56"); // 123456n
 * amountField({ aliases: ["金额"] }).parseCell("1,234.56元"); // 123456n
 * amountField({ aliases: ["金额"], positive: true }).parseCell("-5.00"); // undefined: "must be greater than zero"
 * amountField({ aliases: ["金额"], unit: "万元" }).parseCell("12.5"); // 12500000n
 * ```
 */
export function amountField<R extends boolean = true>(options: AmountFieldOptions<R>): FieldSpec<bigint, NoInfer<R>> {
  const positive = options.positive !== undefined && options.positive !== false;
  const hint = typeof options.positive === "string" ? ` (${options.positive})` : "";
  const unit = options.unit ?? "元";
  const parseOptions = unit === "元" ? undefined : { unit };
  const parse = (cell: string): bigint | undefined => {
    // The apostrophe Excel users type to keep a cell as text ('1234.56), as codes drop it.
    const text = withoutUnit(unquoted(cell), unit);
    if (text === undefined) return undefined;
    const result = safeParseFen(text, parseOptions);
    return result.ok && (!positive || result.value > 0n) ? result.value : undefined;
  };
  const reason = (cell: string): string => {
    const text = withoutUnit(unquoted(cell), unit);
    if (text === undefined) {
      const written = unitSuffix(cell);
      return `is in ${written} but the amounts are read in ${unit} (state the file's unit: 单位：${written} above the header, or 金额（${written}）)`;
    }
    const result = safeParseFen(text, parseOptions);
    if (result.ok) return `must be greater than zero${hint}`;
    if (result.error.code !== "MONEY_TOO_MANY_DECIMALS") return positive ? "is not an amount (write 1234.56 or 1,234.56)" : "is not an amount (write 1234.56, 1,234.56 or (1,234.56) for a negative)";
    const places = amountUnitDecimals(unit);
    return unit === "元" ? "has more than two decimals" : `has more than ${places} decimals (the amounts are in ${unit}: 0.${"0".repeat(places - 1)}1 ${unit} is one fen)`;
  };
  const { positive: _positive, unit: _unit, ...field } = options;
  const spec = build(parse, reason, ImportIssueCode.INVALID_AMOUNT, field);
  spec.inUnit = (other) => amountField({ ...options, unit: other });
  return spec;
}

const DATE_PARTS = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A date, then a time of day: `2026-03-05 14:35:12`, `2026-03-05T14:35`, `2026年3月5日14时35分`. */
const DATE_TIME = /^(.+?)(?:[T\s]+|(?<=日))(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d{1,9})?秒?|分)?$/;
/** A bank's compact timestamp: `20260305143512`. */
const COMPACT_TIME = /^(\d{8})(\d{2})(\d{2})(\d{2})$/;

/**
 * Normalises date text to ISO `YYYY-MM-DD`, or returns `undefined` when it is not a real date.
 * Accepts `2026-03-05`, `2026/3/5`, `2026.3.5`, `2026年3月5日` and `20260305`, also followed by
 * a time of day as payment and bank systems export their timestamps (`2026-03-05 14:35:12`,
 * `2026/3/5 0:00`, `2026-03-05T14:35`, `2026年3月5日 14时35分`, `20260305143512`): the day is
 * kept, the time only checked. A time with a zone (`Z`, `+08:00`) is refused, since its day
 * depends on the zone.
 *
 * @example
 * ```ts
 * normalizeDate("2026/3/5"); // "2026-03-05"
 * normalizeDate("2026-03-05 14:35:12"); // "2026-03-05"
 * normalizeDate("20260230"); // undefined
 * ```
 */
export function normalizeDate(text: string): string | undefined {
  if (isIsoDate(text)) return text;
  const timed = DATE_TIME.exec(text) ?? COMPACT_TIME.exec(text);
  if (timed === null) return dayOf(text);
  const [, day, hours, minutes, seconds = "0"] = timed as unknown as [string, string, string, string, string | undefined];
  return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60 ? dayOf(day) : undefined;
}

function dayOf(text: string): string | undefined {
  if (isIsoDate(text)) return text;
  const m = DATE_PARTS.exec(text) ?? DATE_COMPACT.exec(text);
  if (m === null) return undefined;
  const iso = `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

const dateCache = new Map<string, string | null>();

/**
 * {@link normalizeDate} with a small cache (a file repeats few distinct dates many times), also
 * of text in full-width digits.
 */
function cachedNormalizeDate(text: string): string | undefined {
  const hit = dateCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  // Full-width digits and dashes (２０２６－０３－０５), as amounts and codes take them; the
  // apostrophe Excel users type to keep a cell as text ('2026-03-05), as codes and amounts drop it.
  let iso = normalizeDate(text);
  if (iso === undefined && text.charCodeAt(0) === 0x27) iso = normalizeDate(text.slice(1));
  if (iso === undefined && /[\uff00-\uffef]/.test(text)) iso = normalizeDate(unquoted(text.normalize("NFKC")));
  if (dateCache.size >= 4096) dateCache.clear();
  dateCache.set(text, iso ?? null);
  return iso;
}

/**
 * A calendar date, normalised to `YYYY-MM-DD` (see {@link normalizeDate}). Bad cells:
 * `IMPORT_INVALID_DATE`.
 *
 * @example
 * ```ts
 * dateField({ aliases: ["支付日期"] }).schema.parse("20260305"); // "2026-03-05"
 * ```
 */
export function dateField<R extends boolean = true>(options: FieldOptions<R>): FieldSpec<string, NoInfer<R>> {
  const reason = (text: string): string => {
    const serial = EXCEL_SERIAL.exec(text);
    // Excel counts days from 1899-12-30: 40000–60000 are the years 2009–2064.
    if (serial !== null && Number(serial[1]) >= 40_000 && Number(serial[1]) <= 60_000) {
      const day = new Date(Date.UTC(1899, 11, 30) + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10);
      return `is not a date: it looks like Excel's day number for ${day} (format the column as a date before exporting)`;
    }
    return `is not a date${impossibleDay(text)} (write 2026-03-05, 2026/3/5 or 20260305)`;
  };
  return build(cachedNormalizeDate, reason, ImportIssueCode.INVALID_DATE, options);
}

/**
 * Why a date written in one of the accepted shapes names no day (`2026-6-31`: June has 30 days,
 * `2026-13-01`: there is no month 13), as `: …` for the message; empty otherwise.
 */
function impossibleDay(text: string): string {
  const m = DATE_PARTS.exec(unquoted(text).normalize("NFKC")) ?? DATE_COMPACT.exec(text);
  if (m === null) return "";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `: there is no month ${month}`;
  const days = daysInMonth(year, month);
  return day < 1 || day > days ? `: ${year}-${String(month).padStart(2, "0")} has ${days} days` : "";
}

/** A whole number of days, perhaps with a time fraction, as Excel stores dates (46082 is 2026-03-01). */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;

/**
 * Options of {@link codeField}.
 *
 * @example
 * ```ts
 * const options: CodeFieldOptions<true> = { aliases: ["功能科目", "function_code"], digits: [3, 5, 7], label: "function code" };
 * codeField(options).schema.parse("2010101"); // "2010101"
 * ```
 */
export interface CodeFieldOptions<R extends boolean> extends FieldOptions<R> {
  /** Allowed lengths when the code is all digits (e.g. `[3, 5, 7]` for function codes). */
  digits?: readonly number[];
  /** What the code is, for messages; defaults to `code`. */
  label?: string;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

/**
 * A code without the apostrophe Excel users type before a number to keep it text (`'0101`),
 * which some exports write out: a code never starts with one.
 */
function unquoted(text: string): string {
  return text.charCodeAt(0) === 0x27 ? text.slice(1) : text;
}
const DIGITS = /^\d+$/;
/** A numeric code and its Chinese name in one cell: `2010101 行政运行`, `111-一般公共预算资金`, `[111]一般公共预算资金`. */
const CODE_WITH_NAME = /^\[?(\d+)\]?[\s\-_:：、.．]*[\u3400-\u9fff]/;
const EXCEL_NUMBER = /^\d+(?:\.\d+)?[eE][+-]?\d+$|^\d+\.0+$/;

/**
 * A code (classification, agency, fund type, project…). With `digits`, only digits of one of
 * the given lengths; otherwise letters, digits, `.`, `_`, `-` up to 40 characters. An apostrophe
 * before it (`'0101`, Excel's way of keeping a number as text) is dropped; full-width digits are
 * read as digits, and a numeric code written with its name (`2010101 行政运行`) as the code. Shape only:
 * whether the code exists in the year's list is the code registry's business. Bad cells:
 * `IMPORT_INVALID_CODE`.
 *
 * @example
 * ```ts
 * codeField({ aliases: ["功能科目"], digits: [3, 5, 7] }).schema.parse("2010101"); // "2010101"
 * ```
 */
export function codeField<R extends boolean = true>(options: CodeFieldOptions<R>): FieldSpec<string, NoInfer<R>> {
  const { digits, label = "code" } = options;
  const lengths = digits?.join(", ");
  const fits = (text: string): boolean => (digits === undefined ? CODE.test(text) : DIGITS.test(text) && digits.includes(text.length));
  const parse = (cell: string): string | undefined => {
    const text = unquoted(cell);
    if (fits(text)) return text;
    // Only when the plain reading fails (no cost on the usual cell): full-width digits
    // (２０１０１０１), and for a numeric code one written with its name (`2010101 行政运行`).
    const half = text.normalize("NFKC");
    if (half !== text && fits(half)) return half;
    const named = digits === undefined ? null : CODE_WITH_NAME.exec(half);
    return named !== null && fits(named[1]!) ? named[1] : undefined;
  };
  const named = `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
  const reason = (text: string): string => {
    if (EXCEL_NUMBER.test(text)) return `is not ${named}: Excel turned it into a number (format the column as text)`;
    return `is not ${named} (expected ${lengths === undefined ? "letters and digits" : `${lengths} digits`})`;
  };
  return build(parse, reason, ImportIssueCode.INVALID_CODE, options);
}

/**
 * A bank account number (收款账号): letters and digits as {@link codeField} takes them, also when
 * written in groups (`6222 0000 0000 0001`, a bank's usual way) or with full-width digits, read
 * without the spaces, so one payee's account is the same text whichever export it comes from.
 *
 * @example
 * ```ts
 * accountField({ aliases: ["收款账号"] }).schema.parse("6222 0000 0000 0001"); // "6222000000000001"
 * ```
 */
export function accountField<R extends boolean = true>(options: FieldOptions<R>): FieldSpec<string, NoInfer<R>> {
  const code = codeField({ ...options, label: "account number" });
  const parse = (cell: string): string | undefined => {
    const text = unquoted(cell);
    if (CODE.test(text)) return text;
    const compact = text.normalize("NFKC").replace(/\s+/g, "");
    return compact !== text && CODE.test(compact) ? compact : undefined;
  };
  const reason = (text: string): string => {
    const issues = code.schema.safeParse(text).error?.issues;
    return issues?.[0]?.message ?? "is not an account number (expected letters and digits)";
  };
  return build(parse, reason, ImportIssueCode.INVALID_CODE, options);
}

/**
 * A fund type (资金性质): a code as {@link codeField} takes it, or the name of a known fund type,
 * read as its code: exports from a payment system often spell it out (`一般公共预算资金`,
 * `政府性基金`). Other text is `IMPORT_INVALID_CODE`, with the names it could have been.
 *
 * @example
 * ```ts
 * fundTypeField({ aliases: ["资金性质"] }).schema.parse("一般公共预算"); // "111"
 * fundTypeField({ aliases: ["资金性质"] }).schema.parse("111"); // "111"
 * ```
 */
export function fundTypeField<R extends boolean = true>(options: FieldOptions<R>): FieldSpec<string, NoInfer<R>> {
  const names = FUND_TYPES.map((f) => f.name).join(", ");
  const parse = (text: string): string | undefined => {
    if (CODE.test(text)) return text;
    const found = findFundType(text)?.code;
    if (found !== undefined) return found;
    // The code with its name (`111-一般公共预算资金`, `[111]一般公共预算资金`): the code is read,
    // unless the name is another fund type's.
    const half = text.normalize("NFKC");
    const named = CODE_WITH_NAME.exec(half);
    if (named === null) return undefined;
    const byName = findFundType(half.slice(named[0].length - 1))?.code;
    return byName === undefined || byName === named[1] ? named[1] : undefined;
  };
  const reason = (text: string): string =>
    EXCEL_NUMBER.test(text) ? "is not a fund type code: Excel turned it into a number (format the column as text)" : `is not a fund type code or name (${names})`;
  return build(parse, reason, ImportIssueCode.INVALID_CODE, options);
}

/**
 * A fiscal year: four digits from 1949 to 2999, as a number. Bad cells: `IMPORT_INVALID_VALUE`.
 *
 * @example
 * ```ts
 * yearField({ aliases: ["年度"] }).schema.parse("2026"); // 2026
 * ```
 */
export function yearField<R extends boolean = true>(options: FieldOptions<R>): FieldSpec<number, NoInfer<R>> {
  const parse = (text: string): number | undefined => {
    const year = /^\d{4}$/.test(text) ? Number(text) : 0;
    return year >= 1949 && year <= 2999 ? year : undefined;
  };
  const reason = (): string => "is not a fiscal year (four digits, e.g. 2026)";
  return build(parse, reason, ImportIssueCode.INVALID_VALUE, options);
}

/**
 * Options of {@link textField}.
 *
 * @example
 * ```ts
 * const options: TextFieldOptions<false> = { aliases: ["摘要", "memo"], maxLength: 200, required: false };
 * textField(options).schema.parse("办公用品"); // "办公用品"
 * ```
 */
export interface TextFieldOptions<R extends boolean> extends FieldOptions<R> {
  /** Maximum length in characters; defaults to 500. */
  maxLength?: number;
}

/** A line break in a cell, with the spaces around it. */
const LINE_BREAK = /[ \t\u3000]*[\r\n]+[ \t\u3000\r\n]*/g;
/** Chinese text and punctuation, which joins without a space. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * A cell's line breaks folded away: a name Excel wraps in its cell (Alt+Enter) is one line
 * (`青川办公⏎用品有限公司` is 青川办公用品有限公司, `Office⏎Supplies` is `Office Supplies`), so the
 * same payee from a wrapped and an unwrapped export is the same text.
 */
function oneLine(text: string): string {
  return text.replace(LINE_BREAK, (_, at: number, whole: string) => {
    const before = whole[at - 1] ?? "";
    const after = whole[at + _.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : " ";
  });
}

/**
 * Free text (names, summaries), trimmed, its line breaks folded (a Chinese name wrapped in its
 * cell joins up, other text gets a space). Bad cells: `IMPORT_INVALID_VALUE`.
 *
 * @example
 * ```ts
 * textField({ aliases: ["摘要"], maxLength: 200 }).schema.parse("办公用品"); // "办公用品"
 * textField({ aliases: ["收款人"] }).schema.parse("青川办公\n用品有限公司"); // "青川办公用品有限公司"
 * ```
 */
export function textField<R extends boolean = true>(options: TextFieldOptions<R>): FieldSpec<string, NoInfer<R>> {
  const max = options.maxLength ?? 500;
  const parse = (cell: string): string | undefined => {
    const text = cell.includes("\n") || cell.includes("\r") ? oneLine(cell) : cell;
    return text.length <= max ? text : undefined;
  };
  const reason = (): string => `is longer than ${max} characters`;
  return build(parse, reason, ImportIssueCode.INVALID_VALUE, options);
}

/**
 * Options of {@link enumField}.
 *
 * @example
 * ```ts
 * const options: EnumFieldOptions<"direct" | "authorized", false> = { aliases: ["支付方式"], values: ["direct", "authorized"], required: false };
 * enumField(options).schema.parse("direct"); // "direct"
 * ```
 */
export interface EnumFieldOptions<V extends string, R extends boolean> extends FieldOptions<R> {
  /** The accepted values (after a mapping file's `values` are applied). */
  values: readonly V[];
}

/**
 * One of a fixed set of values. Bad cells: `IMPORT_INVALID_VALUE`.
 *
 * @example
 * ```ts
 * enumField({ aliases: ["支付方式"], values: ["direct", "authorized"] }).schema.parse("direct");
 * ```
 */
export function enumField<V extends string, R extends boolean = true>(
  options: EnumFieldOptions<V, R>,
): FieldSpec<V, NoInfer<R>> {
  const accepted = new Set<string>(options.values);
  const list = options.values.join(", ");
  const parse = (text: string): V | undefined => (accepted.has(text) ? (text as V) : undefined);
  const reason = (): string => `is not one of ${list}`;
  return build(parse, reason, ImportIssueCode.INVALID_VALUE, options);
}
