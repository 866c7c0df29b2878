/**
 * Tagged JSON: how record data keeps its `bigint`s in a PostgreSQL `json` column.
 *
 * - A `bigint` is written as the one-key object `{"$bigint": "<decimal digits>"}`.
 * - A user key that starts with `$` gets one more `$` (`"$ref"` → `"$$ref"`), so no user object
 *   can be mistaken for a tag; decoding strips that one `$` again.
 *
 * Everything else is plain JSON (so `undefined` fields vanish and a `Date` becomes its ISO string).
 */

const BIGINT_TAG = "$bigint";

/**
 * Encodes a value as tagged JSON text, keeping every `bigint` exactly.
 *
 * @example
 * ```ts
 * encodeTaggedJson({ amount: 12345678901234567890n, $note: "x" });
 * // '{"amount":{"$bigint":"12345678901234567890"},"$$note":"x"}'
 * ```
 */
export function encodeTaggedJson(value: unknown): string {
  return JSON.stringify(tag(value)) ?? "null";
}

/**
 * Decodes tagged JSON (text or an already parsed value) back to the original value.
 *
 * @example
 * ```ts
 * decodeTaggedJson('{"amount":{"$bigint":"-5"},"$$note":"x"}'); // { amount: -5n, $note: "x" }
 * ```
 */
export function decodeTaggedJson(json: unknown): unknown {
  return untag(typeof json === "string" ? JSON.parse(json) : json);
}

/**
 * Decodes a value that the driver has already parsed from a `json` or `jsonb` column. Unlike
 * {@link decodeTaggedJson}, a string is taken as a stored string, never parsed again, so a
 * document that is a bare string reads back as written.
 *
 * @example
 * ```ts
 * decodeTaggedValue({ amount: { $bigint: "-5" } }); // { amount: -5n }
 * decodeTaggedValue("a bare string"); // "a bare string"
 * ```
 */
export function decodeTaggedValue(parsed: unknown): unknown {
  return untag(parsed);
}

/**
 * The value as tagged JSON would write it, before stringifying: for embedding a tagged value in
 * a larger JSON document.
 *
 * @example
 * ```ts
 * JSON.stringify([1, tagValue({ amount: 5n })]); // '[1,{"amount":{"$bigint":"5"}}]'
 * ```
 */
export function tagValue(value: unknown): unknown {
  return tag(value);
}

function tag(value: unknown): unknown {
  if (typeof value === "bigint") return { [BIGINT_TAG]: value.toString() };
  if (typeof value !== "object" || value === null) return value;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return tag(withJson.toJSON());
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : tag(item)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    out[key.startsWith("$") ? `$${key}` : key] = tag(item);
  }
  return out;
}

function untag(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(untag);
  const entries = Object.entries(value);
  const first = entries[0];
  if (entries.length === 1 && first !== undefined && first[0] === BIGINT_TAG && typeof first[1] === "string") {
    return BigInt(first[1]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) out[key.startsWith("$") ? key.slice(1) : key] = untag(item);
  return out;
}
