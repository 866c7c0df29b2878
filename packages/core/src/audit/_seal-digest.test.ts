import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import { SEAL_CHUNK, createSealDigest } from "./_seal-digest";

/** SHA-256 fed in parts, as `jincai audit`'s node hasher is. */
const incremental: AuditHasher = {
  name: "sha-256",
  hash: (bytes) => createHash("sha256").update(bytes).digest("hex"),
  incremental: () => {
    const h = createHash("sha256");
    return { update: (text) => void h.update(text, "utf8"), digest: () => h.digest("hex") };
  },
};

async function digestOf(hasher: AuditHasher, count: number) {
  const digest = createSealDigest(hasher);
  for (let s = 1; s <= count; s++) await digest.add(s * 2, `${s * 2}\tpay:${s}\tposted\t青川 ${"x".repeat(s % 50)}\t"\\\n`);
  return { digest: await digest.finish(), marks: digest.marks(), count: digest.count() };
}

describe("createSealDigest", () => {
  it("gives the same digest and chunk marks whether the lines are fed in parts or joined per chunk", async () => {
    for (const count of [0, 1, SEAL_CHUNK, SEAL_CHUNK + 1, 2 * SEAL_CHUNK + 17]) {
      const joined = await digestOf(sha256Hasher, count);
      expect(await digestOf(incremental, count)).toEqual(joined);
      expect(joined.marks.map((m) => m.to)).toEqual(count === 0 ? [0] : [...Array.from({ length: Math.floor(count / SEAL_CHUNK) }, (_, i) => (i + 1) * SEAL_CHUNK * 2), ...(count % SEAL_CHUNK === 0 ? [] : [count * 2])]);
    }
  }, 60_000);

  it("chains each chunk's digest into the next: the hash of the previous hex digest and the chunk's lines", async () => {
    const digest = createSealDigest(incremental);
    digest.add(7, "a\n");
    expect(await digest.finish()).toBe(`sha-256:${createHash("sha256").update("a\n").digest("hex")}`);
    expect(digest.marks()).toEqual([{ to: 7, digest: createHash("sha256").update("a\n").digest("hex") }]);
  });
});
