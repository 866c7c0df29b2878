/**
 * Writes an amount in Chinese capital numerals (大写金额) as on bank vouchers and 财政票据,
 * following the PBOC rules for filling in bills (《正确填写票据和结算凭证的基本规定》):
 *
 * - `整` follows an amount that ends at 元 (`壹拾元整`, `零元整`); nothing follows 角 or 分
 *   (`壹元伍角`, the rule's own example `壹仟肆佰零玖元伍角`).
 * - Zeros at the start of a section (within 仟佰拾, after 万, after 亿, and 角 after 元) are
 *   written as one `零`: `壹仟零伍元`, `壹万零壹佰元整`, `壹拾万零叁元整`, `壹佰万零壹元零壹分`.
 * - Zeros that end a section before 万, 亿 or 元 are not written, since the unit already marks
 *   the place: `壹拾万柒仟元`, `壹仟陆佰捌拾元叁角贰分`. The rule allows both this and the form
 *   with `零` (`壹拾万零柒仟元`, `…捌拾元零叁角…`); this one also follows spoken Chinese.
 * - Below one yuan there is no `零元` (`伍分`, `伍角`); `壹拾` keeps its `壹`.
 * - Units are 拾佰仟, 万, 亿, and 万亿 (not 兆): 10^12 yuan is `壹万亿元整`.
 * - Negative amounts start with `负`. The `人民币` prefix is left to the voucher template.
 */
import { assertFen } from "./assert-fen";

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
const GROUP_UNITS = ["仟", "佰", "拾", ""] as const;
const WAN = 10_000n;
const YI = 100_000_000n;

/**
 * Formats fen as a Chinese capital amount (大写金额).
 *
 * @param fen - the amount in fen
 * @returns e.g. `"壹仟贰佰叁拾肆元伍角陆分"`
 * @throws {JincaiError} MONEY_AMOUNT_NOT_BIGINT when `fen` is not a `bigint`
 * @example
 * ```ts
 * formatChineseCapital(123456n); // "壹仟贰佰叁拾肆元伍角陆分"
 * formatChineseCapital(0n); // "零元整"
 * formatChineseCapital(5n); // "伍分"
 * formatChineseCapital(100000101n); // "壹佰万零壹元零壹分"
 * formatChineseCapital(-150n); // "负壹元伍角"
 * ```
 */
export function formatChineseCapital(fen: bigint): string {
  assertFen(fen);
  if (fen === 0n) return "零元整";
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = abs / 100n;
  const digits = abs.toString();
  const jiao = capital(digits, digits.length - 2);
  const fenDigit = capital(digits, digits.length - 1);
  let out = yuan > 0n ? `${readInteger(yuan)}元` : "";
  if (jiao === "零" && fenDigit === "零") out += "整";
  else {
    if (jiao !== "零") out += `${jiao}角`;
    else if (yuan > 0n) out += "零";
    if (fenDigit !== "零") out += `${fenDigit}分`;
  }
  return negative ? `负${out}` : out;
}

/** Reads a positive integer, splitting at 亿 and 万 (so 10^12 is 壹万亿 and 10^16 壹亿亿). */
function readInteger(n: bigint): string {
  if (n >= YI) return join(readInteger(n / YI), "亿", n % YI, YI / 10n);
  if (n >= WAN) return join(readGroup(n / WAN), "万", n % WAN, WAN / 10n);
  return readGroup(n);
}

/** `high` + unit + the lower part, with one `零` when the lower part has leading zeros. */
function join(high: string, unit: string, low: bigint, lowLead: bigint): string {
  if (low === 0n) return high + unit;
  return high + unit + (low < lowLead ? "零" : "") + readInteger(low);
}

/** Reads 1 to 9999 with 仟佰拾, writing one `零` for a run of zeros before a digit. */
function readGroup(n: bigint): string {
  const digits = n.toString().padStart(4, "0");
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = capital(digits, i);
    if (d === "零") {
      pendingZero = out !== "";
      continue;
    }
    out += (pendingZero ? "零" : "") + d + (GROUP_UNITS[i] ?? "");
    pendingZero = false;
  }
  return out;
}

/** The capital numeral of the decimal digit at `index` (`零` before the start). */
function capital(digits: string, index: number): string {
  return index < 0 ? "零" : (DIGITS[digits.charCodeAt(index) - 0x30] ?? "零");
}
