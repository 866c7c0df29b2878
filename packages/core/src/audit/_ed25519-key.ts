/**
 * Internal: Ed25519 keys through WebCrypto (`crypto.subtle`, Ed25519 is available in Node 20 and
 * current browsers). Keys travel as strings: PEM (PKCS#8 private, SPKI public) or JWK JSON.
 */
import { JincaiError } from "../errors/jincai-error";
import { fromBase64, toBase64, toHex } from "./_bytes";

/** The WebCrypto key type, named without depending on DOM or Node typings. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A key as imported, with its public part `x` (base64url, 32 bytes). */
export interface ImportedKey {
  readonly key: WebCryptoKey;
  readonly x: string;
}

interface Ed25519Jwk {
  kty: string;
  crv: string;
  x?: string;
  d?: string;
}

function invalidKey(reason: string, cause?: unknown): JincaiError {
  return new JincaiError("AUDIT_KEY_INVALID", `not an Ed25519 key: ${reason}`, { cause });
}

/** PEM text → DER bytes, checking the label. */
function pemBody(text: string, label: "PRIVATE KEY" | "PUBLIC KEY"): Uint8Array<ArrayBuffer> {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  const der = m?.[1] === undefined ? undefined : fromBase64(m[1]);
  if (!der) throw invalidKey(`expected a PEM "${label}" block`);
  return der;
}

/** DER bytes → PEM text with 64-column lines. */
export function toPem(der: ArrayBuffer, label: "PRIVATE KEY" | "PUBLIC KEY"): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

function parseJwk(text: string): Ed25519Jwk & { x: string } {
  let jwk: Ed25519Jwk;
  try {
    jwk = JSON.parse(text) as Ed25519Jwk;
  } catch (e) {
    throw invalidKey("neither PEM nor JWK JSON", e);
  }
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") {
    throw invalidKey("JWK is not OKP/Ed25519");
  }
  return jwk as Ed25519Jwk & { x: string };
}

/** The key id of a public key: the first 16 hex digits of SHA-256 of its 32 raw bytes. */
export async function ed25519KeyId(publicKeyX: string): Promise<string> {
  const raw = fromBase64(publicKeyX);
  if (!raw || raw.length !== 32) throw invalidKey("public key is not 32 bytes");
  return toHex(await crypto.subtle.digest("SHA-256", raw)).slice(0, 16);
}

/**
 * Imports DER (PKCS#8/SPKI). WebCrypto yields the public part of a DER key only through a JWK
 * export, so the key is imported once extractable to read `x`, and the key returned is a second,
 * non-extractable import.
 */
async function importDer(der: Uint8Array<ArrayBuffer>, usage: "sign" | "verify"): Promise<ImportedKey> {
  const format = usage === "sign" ? "pkcs8" : "spki";
  const readable = await crypto.subtle.importKey(format, der, "Ed25519", true, [usage]);
  const { x } = (await crypto.subtle.exportKey("jwk", readable)) as Ed25519Jwk;
  return { key: await crypto.subtle.importKey(format, der, "Ed25519", false, [usage]), x: x ?? "" };
}

async function guarded(what: string, run: () => Promise<ImportedKey>): Promise<ImportedKey> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof JincaiError ? e : invalidKey(`WebCrypto refused the ${what}`, e);
  }
}

/** A private key (PKCS#8 PEM or private JWK) for signing, with its public `x`. */
export function importEd25519PrivateKey(text: string): Promise<ImportedKey> {
  return guarded("private key", async () => {
    if (text.trimStart().startsWith("-----")) return importDer(pemBody(text, "PRIVATE KEY"), "sign");
    const { x, d } = parseJwk(text);
    if (typeof d !== "string") throw invalidKey("JWK has no private part d");
    const jwk = { kty: "OKP", crv: "Ed25519", x, d };
    return { key: await crypto.subtle.importKey("jwk", jwk, "Ed25519", false, ["sign"]), x };
  });
}

/** A public key (SPKI PEM or JWK; a private JWK's public part is used) for verifying. */
export function importEd25519PublicKey(text: string): Promise<ImportedKey> {
  return guarded("public key", async () => {
    if (text.trimStart().startsWith("-----")) return importDer(pemBody(text, "PUBLIC KEY"), "verify");
    const { x } = parseJwk(text);
    const jwk = { kty: "OKP", crv: "Ed25519", x };
    return { key: await crypto.subtle.importKey("jwk", jwk, "Ed25519", false, ["verify"]), x };
  });
}
