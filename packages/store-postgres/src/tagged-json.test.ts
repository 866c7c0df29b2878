import { describe, expect, it } from "vitest";
import { decodeTaggedJson, encodeTaggedJson } from "./tagged-json";

describe("encodeTaggedJson", () => {
  it("writes 12345678901234567890n fen as a tagged decimal string", () => {
    expect(encodeTaggedJson({ amount: 12345678901234567890n })).toBe('{"amount":{"$bigint":"12345678901234567890"}}');
  });

  it("escapes a user key that starts with $ so it cannot pose as a tag", () => {
    expect(encodeTaggedJson({ $bigint: "1" })).toBe('{"$$bigint":"1"}');
  });

  it("drops undefined fields and writes a Date as its ISO string", () => {
    expect(encodeTaggedJson({ a: undefined, at: new Date("2026-03-01T00:00:00Z") })).toBe(
      '{"at":"2026-03-01T00:00:00.000Z"}',
    );
  });
});

describe("decodeTaggedJson", () => {
  it("round-trips nested amounts, arrays, $-keys and plain values exactly", () => {
    const value = {
      lines: [{ code: "2010101", amount: -99n }, { code: "2010102", amount: 0n }],
      total: 9007199254740993n,
      $meta: { $bigint: "not a tag", nested: { $$deep: true } },
      rate: 0.13,
      note: null,
    };
    expect(decodeTaggedJson(encodeTaggedJson(value))).toEqual(value);
  });

  it("accepts an already parsed value", () => {
    expect(decodeTaggedJson({ x: { $bigint: "7" } })).toEqual({ x: 7n });
  });
});
