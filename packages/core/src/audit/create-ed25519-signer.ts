import { toBase64 } from "./_bytes";
import { ed25519KeyId, importEd25519PrivateKey } from "./_ed25519-key";
import type { AuditSigner } from "./audit-signer";

/**
 * An Ed25519 checkpoint signer (WebCrypto) from a private key: PKCS#8 PEM or private JWK JSON.
 * Its `keyId` is derived from the public key, so a verifier given the public key finds it.
 *
 * @throws {JincaiError} `AUDIT_KEY_INVALID` when the text is no Ed25519 private key.
 * @example
 * ```ts
 * const signer = await createEd25519Signer(process.env.JINCAI_AUDIT_KEY!);
 * await checkpointAudit(store, signer, { clock });
 * ```
 */
export async function createEd25519Signer(privateKey: string): Promise<AuditSigner> {
  const { key, x } = await importEd25519PrivateKey(privateKey);
  const keyId = await ed25519KeyId(x);
  return {
    algorithm: "ed25519",
    keyId,
    sign: async (bytes: Uint8Array): Promise<string> =>
      toBase64(await crypto.subtle.sign("Ed25519", key, new Uint8Array(bytes))),
  };
}
