import { describe, expect, it } from "vitest";
import { createEd25519Signer } from "./create-ed25519-signer";
import { createEd25519Verifier } from "./create-ed25519-verifier";
import { generateEd25519KeyPair } from "./generate-ed25519-key-pair";

const bytes = new TextEncoder().encode("checkpoint 42");

describe("createEd25519Verifier", () => {
  it("accepts a good signature and rejects changed bytes, a changed signature and an unknown key", async () => {
    const pair = await generateEd25519KeyPair();
    const signer = await createEd25519Signer(pair.privateKey);
    const verifier = await createEd25519Verifier(pair.publicKey);
    const signature = await signer.sign(bytes);
    expect(await verifier.verify(bytes, signature, pair.keyId)).toBe(true);
    expect(await verifier.verify(new TextEncoder().encode("checkpoint 43"), signature, pair.keyId)).toBe(false);
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(await verifier.verify(bytes, flipped, pair.keyId)).toBe(false);
    expect(await verifier.verify(bytes, "***", pair.keyId)).toBe(false);
    expect(await verifier.verify(bytes, signature, "0000000000000000")).toBe(false);
  });

  it("trusts several keys after a rotation, given as PEM and JWK", async () => {
    const old = await generateEd25519KeyPair({ format: "jwk" });
    const current = await generateEd25519KeyPair();
    const verifier = await createEd25519Verifier([old.publicKey, current.publicKey]);
    const oldSigner = await createEd25519Signer(old.privateKey);
    expect(await verifier.verify(bytes, await oldSigner.sign(bytes), old.keyId)).toBe(true);
  });

  it("throws AUDIT_KEY_INVALID for a private PEM given as a public key", async () => {
    const pair = await generateEd25519KeyPair();
    await expect(createEd25519Verifier(pair.privateKey)).rejects.toMatchObject({ code: "AUDIT_KEY_INVALID" });
  });
});
