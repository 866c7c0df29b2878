import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./detect-encoding";

describe("detectEncoding", () => {
  it("reads a UTF-8 BOM as utf-8", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0xb5, 0xa5]))).toBe("utf-8");
  });

  it("reads 单位编码 in UTF-8 as utf-8 and in GB18030 as gb18030", () => {
    expect(detectEncoding(iconv.encode("单位编码,金额\n", "utf-8"))).toBe("utf-8");
    expect(detectEncoding(iconv.encode("单位编码,金额\n", "gb18030"))).toBe("gb18030");
  });

  it("does not hold a character cut at the end of the prefix against UTF-8", () => {
    expect(detectEncoding(iconv.encode("单位", "utf-8").subarray(0, 4))).toBe("utf-8");
  });

  it("recognises UTF-16 byte-order marks", () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe("utf-16le");
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x61]))).toBe("utf-16be");
  });
});
