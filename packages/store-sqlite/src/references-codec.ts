/**
 * The stored form of a transfer's references (`transfers.refs`), since schema version 6.
 *
 * References made only of the known keys (`voucher`, `sourceFile`, `sourceLine`, `documentId`,
 * `corrects`, `memo`) with their documented types are written compactly: per key, in that
 * order, a one-letter tag (`v`, `f`, `l`, `d`, `c`, `m`), the value's length in UTF-16 code
 * units, `:` and the value as it is, with nothing escaped. A payment's reservation
 * `{ voucher: "ZF1", memo: '["甲","6222","办公","30201"]' }` is stored as
 * `v3:ZF1m25:["甲","6222","办公","30201"]` instead of JSON, whose quoting of the memo's own
 * JSON took a fifth of the row and most of the time spent writing references (see
 * BENCHMARKS.md). Anything else (another key, a number where text belongs, a bigint) is
 * written as JSON with `encodeJson`, as every row was before version 6. A stored value starting
 * with `{` is JSON, any other is compact, so rows of both forms read back the same.
 */
import { JincaiError, canonicalJson } from "@jincai/core";
import type { TransferReferences } from "@jincai/core";
import { decodeJson, encodeJson } from "./json-codec";

/** The compact tag of each known key, in stored order. */
const TAGS = { voucher: "v", sourceFile: "f", sourceLine: "l", documentId: "d", corrects: "c", memo: "m" } as const;
const KEY_OF = Object.fromEntries(Object.entries(TAGS).map(([key, tag]) => [tag, key])) as Readonly<Record<string, keyof TransferReferences>>;

/**
 * The stored text of a transfer's references, or null when none is set (undefined values
 * count as unset, as in JSON).
 *
 * @example
 * ```ts
 * encodeReferences({ voucher: "ZF1", memo: "办公" }); // "v3:ZF1m2:办公"
 * encodeReferences({}); // null
 * encodeReferences({ voucher: "ZF1", extra: 1n } as never); // '{"voucher":"ZF1","extra":{"$bigint":"1"}}'
 * ```
 */
export function encodeReferences(references: TransferReferences | undefined): string | null {
  if (references === undefined || references === null) return null;
  let known = 0;
  for (const key in references) {
    if (!Object.hasOwn(references, key)) continue;
    const value = (references as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(TAGS, key) || !hasStoredType(key, value)) return jsonOrNull(references);
    known++;
  }
  if (known === 0) return null;
  // Fixed order, so the same references always give the same text.
  let out = field("", "v", references.voucher);
  out = field(out, "f", references.sourceFile);
  if (references.sourceLine !== undefined) out = field(out, "l", String(references.sourceLine));
  out = field(out, "d", references.documentId);
  out = field(out, "c", references.corrects);
  return field(out, "m", references.memo);
}

/**
 * Reads stored references back, of either form; a null column is `{}`.
 *
 * @throws {JincaiError} STORE_CORRUPT when compact text does not parse
 * @example
 * ```ts
 * decodeReferences("v3:ZF1m2:办公"); // { voucher: "ZF1", memo: "办公" }
 * decodeReferences('{"voucher":"ZF1"}'); // { voucher: "ZF1" }
 * ```
 */
export function decodeReferences(text: string | null): TransferReferences {
  if (text === null) return {};
  if (text.charCodeAt(0) === 123 /* { */) return decodeJson<TransferReferences>(text);
  const out: Record<string, string | number> = {};
  parseCompact(text, (key, value) => {
    out[key] = key === "sourceLine" ? Number(value) : value;
  });
  return out as TransferReferences;
}

/** The known keys in canonical JSON's order (JavaScript string order), with their tags. */
const CANONICAL = (["corrects", "documentId", "memo", "sourceFile", "sourceLine", "voucher"] as const).map((key) => [key, TAGS[key]] as const);

/**
 * The canonical JSON (core's `canonicalJson`) of stored references, written straight from the
 * stored text: what a seal line ends with, without making the references object. Gives
 * `canonicalJson(decodeReferences(text))` for every text (tests pin it), and throws as
 * `decodeReferences` does.
 *
 * @throws {JincaiError} STORE_CORRUPT when compact text does not parse
 * @example
 * ```ts
 * canonicalReferences("v3:ZF1m2:办公"); // '{"memo":"办公","voucher":"ZF1"}'
 * canonicalReferences(null); // "{}"
 * ```
 */
export function canonicalReferences(text: string | null): string {
  if (text === null) return "{}";
  if (text.charCodeAt(0) === 123 /* { */) return canonicalJson(decodeJson(text));
  const values: Partial<Record<keyof TransferReferences, string>> = {};
  parseCompact(text, (key, value) => {
    values[key] = value;
  });
  let out = "{";
  for (const [key] of CANONICAL) {
    const value = values[key];
    if (value === undefined) continue;
    out += `${out.length === 1 ? "" : ","}"${key}":${key === "sourceLine" ? JSON.stringify(Number(value)) : JSON.stringify(value)}`;
  }
  return `${out}}`;
}

/** Reads compact text field by field (the value as stored), checking it as it goes. */
function parseCompact(text: string, field: (key: keyof TransferReferences, value: string) => void): void {
  const seen = new Set<string>();
  let at = 0;
  while (at < text.length) {
    const key = KEY_OF[text[at]!];
    const colon = text.indexOf(":", at + 1);
    const digits = text.slice(at + 1, colon);
    const length = Number(digits);
    const end = colon + 1 + length;
    if (key === undefined || colon < 0 || !/^\d{1,9}$/.test(digits) || end > text.length || seen.has(key)) throw corrupt(text, at);
    seen.add(key);
    const value = text.slice(colon + 1, end);
    if (key === "sourceLine" && (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(Number(value)))) throw corrupt(text, at);
    field(key, value);
    at = end;
  }
}

function hasStoredType(key: string, value: unknown): boolean {
  // A sourceLine is stored as its decimal text, which reads back as the same number only for
  // finite numbers that String() writes without an exponent.
  if (key === "sourceLine") return typeof value === "number" && !Object.is(value, -0) && /^-?\d+(\.\d+)?$/.test(String(value));
  return typeof value === "string";
}

function field(out: string, tag: string, value: string | undefined): string {
  return value === undefined ? out : out + tag + value.length + ":" + value;
}

function jsonOrNull(references: object): string | null {
  const json = encodeJson(references);
  return json === "{}" ? null : json;
}

function corrupt(text: string, at: number): JincaiError {
  return new JincaiError("STORE_CORRUPT", `transfer references ${JSON.stringify(text.slice(0, 80))} do not parse at character ${at + 1}: the database was changed outside Jincai or is damaged`, {
    details: { refs: text, at },
  });
}
