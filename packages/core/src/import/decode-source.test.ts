import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeSource, type DecodeState } from "./decode-source";

async function decode(chunks: Uint8Array[], encoding?: "utf-8" | "gb18030") {
  const state: DecodeState = { encoding: undefined, bytesRead: 0, replaced: false };
  let text = "";
  for await (const part of decodeSource(chunks, encoding, state)) text += part;
  return { text, state };
}

describe("decodeSource", () => {
  it("decodes 办公用品 split byte by byte in GB18030", async () => {
    const bytes = iconv.encode("摘要\n办公用品\n", "gb18030");
    const { text, state } = await decode([...bytes].map((b) => new Uint8Array([b])));
    expect(text).toBe("摘要\n办公用品\n");
    expect(state).toEqual({ encoding: "gb18030", bytesRead: bytes.byteLength, replaced: false });
  });

  it("honours a forced encoding and flags undecodable bytes", async () => {
    const { state } = await decode([iconv.encode("办公", "gb18030")], "utf-8");
    expect(state).toMatchObject({ encoding: "utf-8", replaced: true });
  });

  it("decodes one 1 MB chunk of 办公用品 intact, in UTF-8 and GB18030, across its internal 32 KB pieces", async () => {
    const text = `a${"办公用品,1234.56\n".repeat(60_000)}`;
    for (const encoding of ["utf-8", "gb18030"] as const) {
      const bytes = iconv.encode(text, encoding);
      const { text: decoded, state } = await decode([bytes]);
      expect(decoded === text).toBe(true);
      expect(state).toEqual({ encoding, bytesRead: bytes.byteLength, replaced: false });
    }
  });

  it("throws IMPORT_ENCODING for an unknown forced encoding", async () => {
    await expect(decode([], "latin1" as "utf-8")).rejects.toMatchObject({ code: "IMPORT_ENCODING" });
  });
});
