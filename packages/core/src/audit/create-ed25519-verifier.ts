import { fromBase64 } from "./_bytes";
import type { WebCryptoKey } from "./_ed25519-key";
import { ed25519KeyId, importEd25519PublicKey } from "./_ed25519-key";
import type { AuditVerifier } from "./audit-signer";

/**
 * An Ed25519 checkpoint verifier (WebCrypto) trusting one or more public keys (SPKI PEM or JWK
 * JSON); several keys let old checkpoints verify after a key rotation.
 *
 * @throws {JincaiError} `AUDIT_KEY_INVALID` when a text is no Ed25519 public key.
 * @example
 * ```ts
 * const verifier = await createEd25519Verifier([publicKey2025, publicKey2026]);
 * const report = await verifyAudit(store, { verifier }); // report.ok
 * ```
 */
export async function createEd25519Verifier(
  publicKeys: string | readonly string[],
): Promise<AuditVerifier> {
  const keys = new Map<string, WebCryptoKey>();
  for (const text of typeof publicKeys === "string" ? [publicKeys] : publicKeys) {
    const { key, x } = await importEd25519PublicKey(text);
    keys.set(await ed25519KeyId(x), key);
  }
  return {
    algorithm: "ed25519",
    verify: async (bytes: Uint8Array, signature: string, keyId: string): Promise<boolean> => {
      const key = keys.get(keyId);
      const sig = fromBase64(signature);
      if (!key || !sig || sig.length !== 64) return false;
      return crypto.subtle.verify("Ed25519", key, sig, new Uint8Array(bytes));
    },
    knows: (keyId: string): boolean => keys.has(keyId),
  };
}
