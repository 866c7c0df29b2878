/**
 * Canonical JSON: one byte-exact text per value, so that hashes and signatures over it are
 * reproducible by any implementation. Follows RFC 8785 (JCS) for what JSON can express: object
 * keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string forms. Adds the
 * Jincai conventions: a `bigint` (an amount in fen) is written as its decimal string, values with
 * `toJSON` (Date, Decimal) are written as their JSON form, and properties that are `undefined`
 * are left out. It refuses what JSON would silently lose or garble: functions, symbols,
 * non-finite numbers, Map/Set/typed arrays and cycles.
 */
import { JincaiError } from "../errors/jincai-error";

function unsupported(what: string): JincaiError {
  return new JincaiError("AUDIT_CANONICAL_UNSUPPORTED", `canonical JSON cannot encode ${what}`, {
    details: { what },
  });
}

function write(value: unknown, open: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(value.toString());
    case "number":
      if (!Number.isFinite(value)) throw unsupported(String(value));
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw unsupported(`a ${typeof value}`);
  }
  if (value === null) return "null";
  const obj = value as { toJSON?: unknown };
  if (typeof obj.toJSON === "function") return write((obj.toJSON as () => unknown)(), open);
  const binary = ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
  if (value instanceof Map || value instanceof Set || binary) {
    throw unsupported(`a ${value.constructor.name}`);
  }
  if (open.has(value)) throw unsupported("a cycle");
  open.add(value);
  let out: string;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => (item === undefined ? "null" : write(item, open)));
    out = `[${items.join(",")}]`;
  } else {
    // Concatenated in one pass (no filtered, mapped and joined arrays): a seal writes the
    // references of every transfer this way, a million objects for a 1M-payment ledger.
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = "{";
    for (const k of keys) {
      const item = record[k];
      if (item === undefined) continue;
      out += `${out.length === 1 ? "" : ","}${JSON.stringify(k)}:${write(item, open)}`;
    }
    out += "}";
  }
  open.delete(value);
  return out;
}

/**
 * The canonical JSON text of a value (stable key order, bigint as a string). `undefined` at the
 * top is written `null`.
 *
 * A `bigint` and its decimal string are written alike: `canonicalJson({ a: 1n })` equals
 * `canonicalJson({ a: "1" })`, so a digest does not tell an amount held as a bigint from the same
 * digits held as text. This is deliberate and stays: what is hashed is the change as it is
 * stored, and stored changes, transfers and locks are JSON, where a bigint can only be written as
 * its decimal string; a digest re-derived from what a store reads back (as `audit verify` does
 * for period locks) must match the one taken when the change was made with bigints. A distinct
 * bigint form would give every change holding an amount another digest than the one its event
 * already stores, so existing chains would no longer verify against their data. The type is the
 * schema's business (amounts are fen, always bigint in memory), not the audit chain's.
 *
 * @throws {JincaiError} `AUDIT_CANONICAL_UNSUPPORTED` for a function, symbol, NaN/Infinity,
 *   Map, Set, typed array or a cycle.
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null], amount: 12345n }); // '{"a":[true,null],"amount":"12345","b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value === undefined ? null : value, new Set());
}
