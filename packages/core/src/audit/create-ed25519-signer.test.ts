import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEd25519Signer } from "./create-ed25519-signer";
import { createEd25519Verifier } from "./create-ed25519-verifier";
import { generateEd25519KeyPair } from "./generate-ed25519-key-pair";

const bytes = new TextEncoder().encode("checkpoint 42");

describe("createEd25519Signer", () => {
  it("signs with a PEM key; the signature is 64 bytes of base64 and its key id is the pair's", async () => {
    const pair = await generateEd25519KeyPair();
    const signer = await createEd25519Signer(pair.privateKey);
    expect(signer).toMatchObject({ algorithm: "ed25519", keyId: pair.keyId });
    expect(atob(await signer.sign(bytes))).toHaveLength(64);
  });

  it("gives the same key id for the PEM and JWK forms of one key", async () => {
    const pair = await generateEd25519KeyPair({ format: "jwk" });
    expect((await createEd25519Signer(pair.privateKey)).keyId).toBe(pair.keyId);
  });

  it("accepts a PKCS#8 PEM made by node:crypto", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519", {
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const signer = await createEd25519Signer(privateKey);
    const verifier = await createEd25519Verifier(publicKey);
    expect(await verifier.verify(bytes, await signer.sign(bytes), signer.keyId)).toBe(true);
  });

  it("throws AUDIT_KEY_INVALID for a public key, garbage and a P-256 JWK", async () => {
    const pair = await generateEd25519KeyPair();
    for (const bad of [pair.publicKey, "not a key", '{"kty":"EC","crv":"P-256","x":"a"}', "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"]) {
      await expect(createEd25519Signer(bad)).rejects.toMatchObject({ code: "AUDIT_KEY_INVALID" });
    }
  });
});
