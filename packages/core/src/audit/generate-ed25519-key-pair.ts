import { toPem } from "./_ed25519-key";
import { ed25519KeyId } from "./_ed25519-key";

/**
 * A new Ed25519 key pair as strings, for checkpoint signing.
 *
 * @example
 * ```ts
 * const pair: Ed25519KeyPair = await generateEd25519KeyPair();
 * pair.publicKey.startsWith("-----BEGIN PUBLIC KEY-----"); // true
 * pair.keyId.length; // 16
 * ```
 */
export interface Ed25519KeyPair {
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`) or private JWK JSON. Keep it secret. */
  readonly privateKey: string;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`) or public JWK JSON. Give it to verifiers. */
  readonly publicKey: string;
  /** The key id checkpoints carry: 16 hex digits of the public key's SHA-256. */
  readonly keyId: string;
}

/**
 * Options for {@link generateEd25519KeyPair}.
 *
 * @example
 * ```ts
 * const options: GenerateEd25519KeyPairOptions = { format: "jwk" };
 * const { privateKey } = await generateEd25519KeyPair(options);
 * JSON.parse(privateKey).kty; // "OKP"
 * ```
 */
export interface GenerateEd25519KeyPairOptions {
  /** `pem` (default) or `jwk`. */
  readonly format?: "pem" | "jwk";
}

/**
 * Generates an Ed25519 key pair with WebCrypto.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey, keyId } = await generateEd25519KeyPair();
 * privateKey.startsWith("-----BEGIN PRIVATE KEY-----"); // true
 * const signer = await createEd25519Signer(privateKey); // signer.keyId === keyId
 * ```
 */
export async function generateEd25519KeyPair(
  options: GenerateEd25519KeyPairOptions = {},
): Promise<Ed25519KeyPair> {
  const pair = (await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"])) as {
    privateKey: Parameters<typeof crypto.subtle.exportKey>[1];
    publicKey: Parameters<typeof crypto.subtle.exportKey>[1];
  };
  const publicJwk = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as { x: string };
  const keyId = await ed25519KeyId(publicJwk.x);
  if (options.format === "jwk") {
    const privateJwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as { d: string };
    return {
      privateKey: JSON.stringify({ kty: "OKP", crv: "Ed25519", x: publicJwk.x, d: privateJwk.d }),
      publicKey: JSON.stringify({ kty: "OKP", crv: "Ed25519", x: publicJwk.x }),
      keyId,
    };
  }
  return {
    privateKey: toPem(await crypto.subtle.exportKey("pkcs8", pair.privateKey), "PRIVATE KEY"),
    publicKey: toPem(await crypto.subtle.exportKey("spki", pair.publicKey), "PUBLIC KEY"),
    keyId,
  };
}
