/**
 * Looks a value up in a small code table by code, key, name or alias (also the name without a
 * leading 财政, as source systems shorten 财政直接支付 to 直接支付).
 *
 * @example
 * ```ts
 * lookupCode([{ code: "11", name: "财政直接支付", key: "direct" }], "直接支付"); // "11"
 * ```
 */
export function lookupCode(
  table: readonly { code: string; name: string; key: string; aliases?: readonly string[] }[],
  value: string,
): string | undefined {
  const v = value.trim();
  for (const t of table) {
    if (t.code === v || t.key === v || t.name === v || t.name.replace(/^财政/, "") === v || t.aliases?.includes(v)) return t.code;
  }
  return undefined;
}
