import { toHex } from "./_bytes";

/**
 * A hash function for the audit chain: SHA-256 by default, SM3 where 国密 is required.
 *
 * @example
 * ```ts
 * const hasher: AuditHasher = sha256Hasher; // or an SM3 hasher where 国密 is required
 * hasher.name; // "sha-256"
 * await appendAudit(store, input, { clock, hasher });
 * ```
 */
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
  /**
   * A hash fed in parts, when the algorithm's implementation offers one (WebCrypto does not):
   * a seal then streams a million transfers' lines through it instead of joining each chunk of
   * 10,000 into one text and encoding it. Its digest must be `hash` of the UTF-8 bytes of every
   * text given to `update`, concatenated.
   *
   * @example
   * ```ts
   * const h = nodeSha256Hasher.incremental!();
   * h.update("a");
   * h.update("bc");
   * h.digest(); // "ba7816bf…f20015ad", as hash(encode("abc"))
   * ```
   */
  incremental?(): IncrementalHash;
}

/**
 * A hash fed text in parts (see {@link AuditHasher.incremental}).
 *
 * @example
 * ```ts
 * const h: IncrementalHash | undefined = hasher.incremental?.(); // undefined for WebCrypto's sha256Hasher
 * h?.update("a");
 * h?.update("bc");
 * h?.digest(); // "ba7816bf…f20015ad", as await hasher.hash(new TextEncoder().encode("abc"))
 * ```
 */
export interface IncrementalHash {
  /** Adds the UTF-8 bytes of `text`. */
  update(text: string): void;
  /** The lower-case hex digest of everything added; the hash is not used after. */
  digest(): string;
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
