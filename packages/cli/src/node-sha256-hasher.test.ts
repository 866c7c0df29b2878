import { sha256Hasher } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { nodeSha256Hasher } from "./node-sha256-hasher";

describe("nodeSha256Hasher", () => {
  it("gives core's sha-256 digests, under the same name, without a promise", async () => {
    const encoder = new TextEncoder();
    for (const text of ["", "abc", '["payment","ZF1",2,{"payeeName":"青川"},{"status":"paid"}]\n']) {
      const bytes = encoder.encode(text);
      expect(nodeSha256Hasher.hash(bytes)).toBe(await sha256Hasher.hash(bytes));
    }
    expect(nodeSha256Hasher.name).toBe(sha256Hasher.name);
    expect(nodeSha256Hasher.hash(encoder.encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("gives, fed in parts, the digest of the UTF-8 bytes of the parts joined", async () => {
    const parts = ["41\tpay:ZF1\t", "青川 🧾\u2028", "", "\n"];
    const h = nodeSha256Hasher.incremental!();
    for (const part of parts) h.update(part);
    expect(h.digest()).toBe(await sha256Hasher.hash(new TextEncoder().encode(parts.join(""))));
  });
});
