/**
 * Sortable unique ids (ULID layout: 48-bit time + 80 random bits, Crockford base32, 26 chars).
 * Ids made by one generator are strictly increasing even within one millisecond, so they sort
 * in creation order; the time comes from the injected clock.
 */
import type { Clock } from "../time/clock";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * Makes one id per call.
 *
 * @example
 * ```ts
 * const nextId: IdGenerator = createIdGenerator(systemClock());
 * nextId().length; // 26
 * ```
 */
export type IdGenerator = () => string;

/**
 * Options for {@link createIdGenerator}.
 *
 * @example
 * ```ts
 * const options: IdGeneratorOptions = { random: (bytes) => bytes.fill(7) }; // deterministic, for tests
 * const nextId = createIdGenerator(fixedClock("2026-01-01"), options);
 * ```
 */
export interface IdGeneratorOptions {
  /** Random bytes source; defaults to WebCrypto `getRandomValues`. Tests may make it deterministic. */
  random?: (bytes: Uint8Array) => void;
}

/**
 * Creates a generator of sortable unique ids driven by `clock`.
 *
 * @example
 * ```ts
 * const nextId = createIdGenerator(fixedClock("2026-01-01"));
 * const a = nextId(), b = nextId();
 * a < b; // true, and a.length === 26
 * ```
 */
export function createIdGenerator(clock: Clock, options: IdGeneratorOptions = {}): IdGenerator {
  const random = options.random ?? ((b: Uint8Array) => void globalThis.crypto.getRandomValues(b));
  let lastTime = -1;
  const rand = new Uint8Array(10);
  return () => {
    const time = clock.now();
    if (time > lastTime) {
      lastTime = time;
      random(rand);
    } else {
      increment(rand);
    }
    return encodeTime(lastTime) + encodeRandom(rand);
  };
}

function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const v = bytes[i]!;
    if (v < 255) {
      bytes[i] = v + 1;
      return;
    }
    bytes[i] = 0;
  }
}

function encodeTime(ms: number): string {
  let out = "";
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
