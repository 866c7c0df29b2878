import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@jincai/core";
import type { TransferReferences } from "@jincai/core";
import { canonicalReferences, decodeReferences, encodeReferences } from "./references-codec";

const paymentMemo = JSON.stringify(["青川办公用品有限公司", "6222509268374647", "日常支付", "30205"]);

describe("encodeReferences", () => {
  it("writes a payment's references compactly, the memo's JSON as it is", () => {
    expect(encodeReferences({ voucher: "ZF202600000001", memo: paymentMemo })).toBe(`v14:ZF202600000001m${paymentMemo.length}:${paymentMemo}`);
  });

  it("writes the known keys in one order whatever order they were given in", () => {
    const a = encodeReferences({ memo: "m", corrects: "pay:1", documentId: "D", sourceLine: 12, sourceFile: "支付.csv", voucher: "V" });
    expect(a).toBe("v1:Vf6:支付.csvl2:12d1:Dc5:pay:1m1:m");
    expect(encodeReferences({ voucher: "V", sourceFile: "支付.csv", sourceLine: 12, documentId: "D", corrects: "pay:1", memo: "m" })).toBe(a);
  });

  it("stores nothing for references with no value set", () => {
    expect(encodeReferences(undefined)).toBeNull();
    expect(encodeReferences({})).toBeNull();
    expect(encodeReferences({ voucher: undefined, memo: undefined })).toBeNull();
  });

  it("falls back to JSON for a key it does not know, a value of another type, or a line it cannot write plainly", () => {
    expect(encodeReferences({ voucher: "V", batch: 7 } as TransferReferences)).toBe('{"voucher":"V","batch":7}');
    expect(encodeReferences({ voucher: 12 } as unknown as TransferReferences)).toBe('{"voucher":12}');
    expect(encodeReferences({ extra: 5n } as unknown as TransferReferences)).toBe('{"extra":{"$bigint":"5"}}');
    expect(encodeReferences({ sourceLine: 1e21 })).toBe('{"sourceLine":1e+21}');
    expect(encodeReferences({ sourceLine: -0 })).toBe('{"sourceLine":0}');
  });
});

describe("decodeReferences", () => {
  it("reads both stored forms: compact rows and the JSON of rows written before schema version 6", () => {
    const refs = { voucher: "ZF202600000001", memo: paymentMemo };
    expect(decodeReferences(encodeReferences(refs))).toEqual(refs);
    expect(decodeReferences(JSON.stringify(refs))).toEqual(refs);
    expect(decodeReferences('{"voucher":"V","amount":{"$bigint":"12"}}')).toEqual({ voucher: "V", amount: 12n });
    expect(decodeReferences(null)).toEqual({});
  });

  it("reads a line number back as a number", () => {
    expect(decodeReferences("l3:120")).toEqual({ sourceLine: 120 });
  });

  it("takes a value's length from its prefix, so tags, digits and colons inside values are plain text", () => {
    const refs = { voucher: "m3:abc", memo: "v1:x\u0000:12:" };
    expect(decodeReferences(encodeReferences(refs))).toEqual(refs);
  });

  it.each([
    ["an unknown tag", "x3:abc"],
    ["a missing colon", "v3abc"],
    ["a length past the end", "v9:abc"],
    ["a length that is not digits", "v-1:abc"],
    ["a key given twice", "v1:av1:b"],
    ["a line that is not a number", "l2:ab"],
  ])("refuses text with %s as STORE_CORRUPT, quoting it", (_case, text) => {
    expect(() => decodeReferences(text)).toThrow(expect.objectContaining({ code: "STORE_CORRUPT", details: expect.objectContaining({ refs: text }) }));
  });

  it("round-trips any references of the known keys (property)", () => {
    const text = fc.string({ unit: "binary" });
    const refs = fc.record(
      { voucher: text, sourceFile: text, sourceLine: fc.integer({ min: -1e9, max: 1e12 }), documentId: text, corrects: text, memo: text },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(refs, (r) => {
        const stored = encodeReferences(r);
        expect(decodeReferences(stored)).toEqual(r);
        if (stored !== null) expect(stored.startsWith("{")).toBe(false);
      }),
    );
  });
});

describe("canonicalReferences", () => {
  const seal = (stored: string | null) => canonicalJson(decodeReferences(stored));

  it("writes a payment's stored references as the seal's canonical JSON, keys sorted, without the object", () => {
    const stored = encodeReferences({ voucher: "ZF202600000001", memo: paymentMemo });
    expect(canonicalReferences(stored)).toBe(`{"memo":${JSON.stringify(paymentMemo)},"voucher":"ZF202600000001"}`);
    expect(canonicalReferences(stored)).toBe(seal(stored));
    expect(canonicalReferences(null)).toBe("{}");
  });

  it("writes a line number as the number it reads back as, and JSON rows through canonical JSON", () => {
    for (const stored of ["l4:1.50", "l2:-3", "l3:007", "f1:fl1:0", '{"voucher":"V","amount":{"$bigint":"12"},"b":[1,null]}', '{"sourceLine":1e+21}']) {
      expect(canonicalReferences(stored)).toBe(seal(stored));
    }
    expect(canonicalReferences("l4:1.50")).toBe('{"sourceLine":1.5}');
  });

  it.each(["x3:abc", "v3abc", "v9:abc", "v-1:abc", "v1:av1:b", "l2:ab"])("refuses %s as STORE_CORRUPT, as decodeReferences does", (text) => {
    expect(() => canonicalReferences(text)).toThrow(expect.objectContaining({ code: "STORE_CORRUPT", details: expect.objectContaining({ refs: text }) }));
  });

  it("gives canonicalJson(decodeReferences(text)) for any stored references (property)", () => {
    const text = fc.string({ unit: "binary" });
    const refs = fc.record(
      { voucher: text, sourceFile: text, sourceLine: fc.oneof(fc.integer({ min: -1e9, max: 1e12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), documentId: text, corrects: text, memo: text, other: text },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(refs, (r) => {
        const stored = encodeReferences(r as TransferReferences);
        expect(canonicalReferences(stored)).toBe(seal(stored));
      }),
      { numRuns: 500 },
    );
  });
});
