/**
 * The `Money` value: an immutable, frozen `{ fen, currency }`. Amounts are integer minor units
 * (fen, 1/100 of a yuan) held as `bigint`; the currency is a label checked on every operation
 * that combines two amounts. Every currency is assumed to have two decimals, which holds for
 * CNY, HKD, USD and EUR; the SDK does not handle zero- or three-decimal currencies.
 */
import { JincaiError } from "../errors/jincai-error";
import { assertFen } from "./assert-fen";
import { MoneyErrorCode } from "./money-error-code";
import { parseFen, type ParseFenOptions } from "./parse-fen";

/**
 * The currency of amounts that do not name one.
 *
 * @example
 * ```ts
 * money(123456n).currency === DEFAULT_CURRENCY; // true: "CNY"
 * ```
 */
export const DEFAULT_CURRENCY = "CNY";

/**
 * An immutable amount of money in integer fen with its currency.
 *
 * @example
 * ```ts
 * const amount: Money = money(1_500_000n); // { fen: 1500000n, currency: "CNY" }
 * addMoney(amount, parseMoney("¥3,000.00")); // { fen: 1800000n, currency: "CNY" }
 * ```
 */
export interface Money {
  /** The amount in fen (minor units); never a JS number. */
  readonly fen: bigint;
  /** ISO 4217 code, `CNY` unless stated. */
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * Makes a frozen {@link Money} value.
 *
 * @param fen - the amount in fen, a `bigint`
 * @param currency - ISO 4217 code (default `CNY`)
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @throws {JincaiError} MONEY_CURRENCY_INVALID when `currency` is not three capital letters
 * @example
 * ```ts
 * money(123456n); // { fen: 123456n, currency: "CNY" }
 * money(500n, "USD"); // { fen: 500n, currency: "USD" }
 * ```
 */
export function money(fen: bigint, currency: string = DEFAULT_CURRENCY): Money {
  assertFen(fen);
  if (typeof currency !== "string" || !CURRENCY_CODE.test(currency)) {
    const shown = String(currency);
    throw new JincaiError(MoneyErrorCode.CURRENCY_INVALID, `not a currency code: ${shown}`, {
      details: { currency: shown },
    });
  }
  return Object.freeze({ fen, currency });
}

/**
 * Tells whether a value is a {@link Money} (a `bigint` `fen` and a currency code).
 *
 * @example
 * ```ts
 * isMoney(money(1n)); // true
 * isMoney({ fen: 1, currency: "CNY" }); // false
 * ```
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { fen?: unknown; currency?: unknown };
  return (
    typeof v.fen === "bigint" && typeof v.currency === "string" && CURRENCY_CODE.test(v.currency)
  );
}

/**
 * Options for {@link parseMoney}.
 *
 * @example
 * ```ts
 * const options: ParseMoneyOptions = { currency: "USD", rounding: "ROUND_HALF_UP" };
 * parseMoney("12.345", options); // { fen: 1235n, currency: "USD" }
 * ```
 */
export interface ParseMoneyOptions extends ParseFenOptions {
  /** The currency of the parsed amount (default `CNY`). */
  currency?: string;
}

/**
 * Parses amount text (see {@link parseFen} for the accepted forms) into a {@link Money}.
 *
 * @throws {JincaiError} MONEY_PARSE, MONEY_TOO_MANY_DECIMALS as {@link parseFen}
 * @throws {JincaiError} MONEY_CURRENCY_INVALID for a bad `currency` option
 * @example
 * ```ts
 * parseMoney("¥1,234.56"); // { fen: 123456n, currency: "CNY" }
 * ```
 */
export function parseMoney(text: string, options?: ParseMoneyOptions): Money {
  return money(parseFen(text, options), options?.currency ?? DEFAULT_CURRENCY);
}
