/**
 * JSON that keeps `bigint`: domain documents hold fen amounts as `bigint`, which plain
 * `JSON.stringify` rejects. A bigint is written as the tagged object `{"$bigint":"123"}` and read
 * back as `123n`. An object whose only key is `$bigint` with a string value is therefore reserved.
 */

const TAG = "$bigint";
/** Whether the last document `encodeJson` wrote held a bigint, and whether this one does. */
let lastHadBigint = false;
let sawBigint = false;

/**
 * Serialises a value to JSON, writing each `bigint` as `{"$bigint":"<digits>"}`.
 *
 * @example
 * ```ts
 * encodeJson({ amount: 12345n }); // '{"amount":{"$bigint":"12345"}}'
 * ```
 */
export function encodeJson(value: unknown): string {
  // Most documents hold no bigint: the plain stringify (no per-value callback) gives the same
  // text and only throws a TypeError on a bigint, which the replacer then handles. Documents
  // come in runs of one kind, and that throw costs about three times the replacer pass, so after
  // a document with a bigint the next one goes straight to the replacer (same text either way).
  if (!lastHadBigint) {
    try {
      return JSON.stringify(value);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  sawBigint = false;
  const json = JSON.stringify(value, bigintReplacer);
  lastHadBigint = sawBigint;
  return json;
}

function bigintReplacer(_key: string, v: unknown): unknown {
  if (typeof v !== "bigint") return v;
  sawBigint = true;
  return { [TAG]: v.toString() };
}

/**
 * Parses JSON written by {@link encodeJson}, turning each `{"$bigint":"<digits>"}` back into a `bigint`.
 *
 * @example
 * ```ts
 * decodeJson('{"amount":{"$bigint":"12345"}}'); // { amount: 12345n }
 * ```
 */
export function decodeJson<T = unknown>(text: string): T {
  // Without the tag spelled out (and no \u escape that could spell it) nothing is revived.
  if (!text.includes(TAG) && !text.includes("\\u")) return JSON.parse(text) as T;
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[TAG];
      if (typeof tagged === "string" && Object.keys(v).length === 1) return BigInt(tagged);
    }
    return v;
  }) as T;
}
