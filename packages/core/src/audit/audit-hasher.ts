import { toHex } from "./_bytes";

/** A hash function for the audit chain: SHA-256 by default, SM3 where 国密 is required. */
export interface AuditHasher {
  /** Algorithm name, e.g. `sha-256`, `sm3`. */
  readonly name: string;
  /**
   * The lower-case hex digest of the bytes (64 hex digits for SHA-256 and SM3).
   *
   * @example
   * ```ts
   * await sha256Hasher.hash(new TextEncoder().encode("abc")); // "ba7816bf…f20015ad"
   * ```
   */
  hash(bytes: Uint8Array): Promise<string> | string;
}

/**
 * SHA-256 through WebCrypto (`crypto.subtle`), the default hasher of the audit chain.
 *
 * @example
 * ```ts
 * await sha256Hasher.hash(new Uint8Array()); // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 * ```
 */
export const sha256Hasher: AuditHasher = {
  name: "sha-256",
  hash: async (bytes: Uint8Array): Promise<string> =>
    toHex(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes))),
};
