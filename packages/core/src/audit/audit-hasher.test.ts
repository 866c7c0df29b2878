import { describe, expect, it } from "vitest";
import { sha256Hasher } from "./audit-hasher";

describe("sha256Hasher", () => {
  it("hashes abc to the FIPS 180-2 test vector", async () => {
    expect(sha256Hasher.name).toBe("sha-256");
    expect(await sha256Hasher.hash(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
