import { describe, expect, it } from "vitest";
import { generateEd25519KeyPair } from "./generate-ed25519-key-pair";

describe("generateEd25519KeyPair", () => {
  it("returns PEM keys and a 16-hex-digit key id by default", async () => {
    const pair = await generateEd25519KeyPair();
    expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    expect(pair.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(pair.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("returns JWK JSON with the private part only in the private key", async () => {
    const pair = await generateEd25519KeyPair({ format: "jwk" });
    expect(JSON.parse(pair.privateKey)).toMatchObject({ kty: "OKP", crv: "Ed25519", d: expect.any(String) });
    expect(JSON.parse(pair.publicKey)).not.toHaveProperty("d");
  });
});
