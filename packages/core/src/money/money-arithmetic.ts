/**
 * Exact arithmetic on {@link Money} values. Every operation that combines two amounts checks
 * that their currencies match and throws MONEY_CURRENCY_MISMATCH otherwise; nothing converts
 * currencies. For hot paths over plain fen use `bigint` operators and {@link sumFen}.
 */
import { JincaiError } from "../errors/jincai-error";
import { assertFen } from "./assert-fen";
import { DEFAULT_CURRENCY, money, type Money } from "./money";
import { MoneyErrorCode } from "./money-error-code";

/**
 * Adds two amounts of the same currency.
 *
 * @throws {JincaiError} MONEY_CURRENCY_MISMATCH when the currencies differ
 * @example
 * ```ts
 * addMoney(money(100n), money(250n)); // { fen: 350n, currency: "CNY" }
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  return money(checked(a).fen + checked(b).fen, sameCurrency(a, b));
}

/**
 * Subtracts `b` from `a` (same currency).
 *
 * @throws {JincaiError} MONEY_CURRENCY_MISMATCH when the currencies differ
 * @example
 * ```ts
 * subtractMoney(money(100n), money(250n)); // { fen: -150n, currency: "CNY" }
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  return money(checked(a).fen - checked(b).fen, sameCurrency(a, b));
}

/**
 * The amount with its sign flipped.
 *
 * @example
 * ```ts
 * negateMoney(money(150n)); // { fen: -150n, currency: "CNY" }
 * ```
 */
export function negateMoney(a: Money): Money {
  return money(-checked(a).fen, a.currency);
}

/**
 * The absolute value of an amount.
 *
 * @example
 * ```ts
 * absMoney(money(-150n)); // { fen: 150n, currency: "CNY" }
 * ```
 */
export function absMoney(a: Money): Money {
  const fen = checked(a).fen;
  return fen < 0n ? money(-fen, a.currency) : a;
}

/**
 * Compares two amounts of the same currency, for sorting.
 *
 * @returns `-1`, `0` or `1`
 * @throws {JincaiError} MONEY_CURRENCY_MISMATCH when the currencies differ
 * @example
 * ```ts
 * compareMoney(money(1n), money(2n)); // -1
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  const x = checked(a).fen;
  const y = checked(b).fen;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether an amount is zero.
 *
 * @example
 * ```ts
 * isZeroMoney(money(0n)); // true
 * ```
 */
export function isZeroMoney(a: Money): boolean {
  return checked(a).fen === 0n;
}

/**
 * Adds many amounts of one currency exactly (no overflow: `bigint`).
 *
 * @param items - the amounts
 * @param currency - the expected currency; defaults to the first item's, or `CNY` when empty
 * @throws {JincaiError} MONEY_CURRENCY_MISMATCH when an item has another currency
 * @example
 * ```ts
 * sumMoney([money(100n), money(250n)]); // { fen: 350n, currency: "CNY" }
 * sumMoney([], "USD"); // { fen: 0n, currency: "USD" }
 * ```
 */
export function sumMoney(items: Iterable<Money>, currency?: string): Money {
  let expected = currency;
  let total = 0n;
  for (const item of items) {
    checked(item);
    expected ??= item.currency;
    if (item.currency !== expected) throw mismatch(expected, item.currency);
    total += item.fen;
  }
  return money(total, expected ?? DEFAULT_CURRENCY);
}

/** The shared currency of two amounts; throws MONEY_CURRENCY_MISMATCH when they differ. */
function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) throw mismatch(a.currency, b.currency);
  return a.currency;
}

function checked(a: Money): Money {
  assertFen(a?.fen, "money.fen");
  return a;
}

function mismatch(left: string, right: string): JincaiError {
  return new JincaiError(MoneyErrorCode.CURRENCY_MISMATCH, `cannot combine ${left} with ${right}`, {
    details: { left, right },
  });
}
