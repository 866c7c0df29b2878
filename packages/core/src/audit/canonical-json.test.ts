import { describe, expect, it } from "vitest";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes 12345n fen as a string", () => {
    const a = canonicalJson({ payee: "张三", amount: 12345n, lines: [{ z: 1, a: 2 }] });
    const b = canonicalJson({ lines: [{ a: 2, z: 1 }], amount: 12345n, payee: "张三" });
    expect(a).toBe('{"amount":"12345","lines":[{"a":2,"z":1}],"payee":"张三"}');
    expect(b).toBe(a);
  });

  it("writes 1n and \"1\" alike, so a digest taken of an amount still matches the amount read back from stored JSON", async () => {
    // Pinned on purpose: a bigint-specific encoding would change the digest of every audit event
    // whose change held an amount, and chains already written would stop verifying.
    expect(canonicalJson({ a: 1n })).toBe(canonicalJson({ a: "1" }));
    const change = { id: "pay:ZF001", amount: 150000n };
    const stored = JSON.parse(JSON.stringify(change, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
    expect(canonicalJson(stored)).toBe(canonicalJson(change));
    expect(await sha256Hasher.hash(new TextEncoder().encode(canonicalJson(change)))).toBe(
      "34a78fdc3cc7c32fb1e1f412e76143ccc7e1169985c52caea4e6c3c38f8a0c6d",
    );
  });

  it("drops undefined properties, writes undefined array items and top-level undefined as null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, null] })).toBe('{"b":[null,null]}');
    expect(canonicalJson({ c: 2, b: undefined, a: 1, d: undefined })).toBe('{"a":1,"c":2}');
    expect(canonicalJson({ a: undefined })).toBe("{}");
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("writes a Date through toJSON and numbers in ECMAScript form", () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 2, 1)) })).toBe('{"at":"2026-03-01T00:00:00.000Z"}');
    expect(canonicalJson([1e21, -0, 0.1, "a\u2028b"])).toBe('[1e+21,0,0.1,"a\u2028b"]');
  });

  it("throws AUDIT_CANONICAL_UNSUPPORTED for NaN, a Map, a function and a cycle", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [Number.NaN, new Map(), () => 1, cyclic, { s: Symbol("x") }, new Uint8Array(2)]) {
      expect(() => canonicalJson(bad)).toThrow(expect.objectContaining({ code: "AUDIT_CANONICAL_UNSUPPORTED" }));
    }
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { code: "2010101" };
    expect(canonicalJson({ from: shared, to: shared })).toBe('{"from":{"code":"2010101"},"to":{"code":"2010101"}}');
  });
});
