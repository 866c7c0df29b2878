import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson } from "./json-codec";

describe("encodeJson", () => {
  it("writes a 1,234,567.89 yuan amount (123456789 fen) as a tagged string", () => {
    expect(encodeJson({ amount: 123_456_789n })).toBe('{"amount":{"$bigint":"123456789"}}');
  });

  it("keeps amounts beyond 2^53 exact", () => {
    expect(encodeJson([9_007_199_254_740_993n])).toBe('[{"$bigint":"9007199254740993"}]');
  });

  it("writes a payment document without amounts in fen exactly as JSON.stringify does", () => {
    const doc = { paymentNumber: "ZF2026-000123", amount: "50000", refunds: [], note: null, skipped: undefined };
    expect(encodeJson(doc)).toBe(JSON.stringify(doc));
  });

  it("writes a run of payments with fen amounts, then ones without, each as the first of its kind", () => {
    const withFen = { paymentNumber: "ZF2026-000124", amount: 50_000n, refunds: [undefined] };
    const plain = { paymentNumber: "ZF2026-000125", payee: "武汉某某公司", skipped: undefined };
    const tagged = '{"paymentNumber":"ZF2026-000124","amount":{"$bigint":"50000"},"refunds":[null]}';
    expect([withFen, withFen, plain, plain, withFen, undefined].map(encodeJson)).toEqual([tagged, tagged, JSON.stringify(plain), JSON.stringify(plain), tagged, undefined]);
  });

  it("still rejects a circular document, also right after one with a bigint", () => {
    const doc: Record<string, unknown> = { id: "pay-001", amount: 1n };
    doc["self"] = doc;
    encodeJson({ amount: 50_000n });
    expect(() => encodeJson(doc)).toThrow(TypeError);
  });

  it("still rejects a circular document", () => {
    const doc: Record<string, unknown> = { id: "pay-001" };
    doc["self"] = doc;
    expect(() => encodeJson(doc)).toThrow(TypeError);
  });
});

describe("decodeJson", () => {
  it("round-trips a payment document with fen amounts, strings, numbers and nesting", () => {
    const doc = { id: "pay-001", agency: "101001", lines: [{ amount: 50_000n, line: 1 }], total: -9_007_199_254_740_993n, note: null };
    expect(decodeJson(encodeJson(doc))).toEqual(doc);
  });

  it("leaves an object with a $bigint key among others untouched", () => {
    expect(decodeJson('{"$bigint":"1","x":2}')).toEqual({ $bigint: "1", x: 2 });
  });

  it("reads a document without tags, such as payee 武汉某某公司, as plain JSON", () => {
    expect(decodeJson('{"payeeName":"武汉某某公司","amount":"50000"}')).toEqual({ payeeName: "武汉某某公司", amount: "50000" });
  });

  it("revives a tag whose key is spelled with a \\u escape", () => {
    expect(decodeJson('{"amount":{"\\u0024bigint":"50000"}}')).toEqual({ amount: 50_000n });
  });
});
