/**
 * Turns a byte source (a web `ReadableStream`, a Node file stream or any async iterable of
 * `Uint8Array`) into decoded text chunks. The encoding is forced or detected from the first
 * 64 KB; decoding streams (`TextDecoder` with `stream: true`), so a character split across
 * chunks decodes correctly. Chunks are decoded in pieces of at most 32 KB: V8 decodes a large
 * chunk (a 1 MB file-stream read) several times slower, since the resulting string no longer
 * fits its regular heap pages, and small texts are cheaper to tokenize and slice too. Pieces
 * end after a line feed where there is one, so texts mostly hold whole lines. Undecodable
 * bytes become U+FFFD and are flagged in the state, so the row validator can report the cells
 * they land in; this module never throws per byte.
 */
import { JincaiError } from "../errors/jincai-error";
import {
  DETECT_PREFIX_BYTES,
  detectEncoding,
  type DetectedEncoding,
  type ImportEncoding,
} from "./detect-encoding";
import { ImportIssueCode } from "./import-issue-code";

/**
 * Bytes a CSV import reads: a web stream, a Node stream (async iterable of Buffers) or chunks.
 *
 * @example
 * ```ts
 * const source: ImportSource = createReadStream("payments.csv"); // or a web stream, or [bytes]
 * const reader = readCsvRows(source, paymentRowSchema, { file: "payments.csv" });
 * ```
 */
export type ImportSource =
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/** Live counters of {@link decodeSource}, read by the reader for progress and checks. */
export interface DecodeState {
  /** The encoding in use, once known. */
  encoding: DetectedEncoding | undefined;
  /** Bytes consumed from the source so far. */
  bytesRead: number;
  /** Whether any decoded text so far contains U+FFFD (undecodable bytes). */
  replaced: boolean;
}

const REPLACEMENT = "\uFFFD";

/** The largest piece of bytes decoded at once (see the module comment). */
const DECODE_PIECE_BYTES = 32 * 1024;

type Decoder = InstanceType<typeof TextDecoder>;

/**
 * Decodes a byte source into text chunks, updating `state` as it goes.
 *
 * @param source - the bytes
 * @param encoding - forces an encoding; detected when absent
 * @param state - receives the encoding, the byte count and the U+FFFD flag
 * @throws {JincaiError} IMPORT_ENCODING when the file is UTF-16 or `encoding` is unknown
 * @example
 * ```ts
 * const state = { encoding: undefined, bytesRead: 0, replaced: false };
 * for await (const text of decodeSource(stream, undefined, state)) parser.write(text);
 * ```
 */
export async function* decodeSource(
  source: ImportSource,
  encoding: ImportEncoding | undefined,
  state: DecodeState,
): AsyncGenerator<string, void, undefined> {
  if (encoding !== undefined && encoding !== "utf-8" && encoding !== "gb18030") {
    throw new JincaiError(ImportIssueCode.ENCODING, `unsupported encoding "${String(encoding)}"`, {
      details: { encoding },
    });
  }
  let decoder: Decoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of iterateBytes(source)) {
    state.bytesRead += chunk.byteLength;
    if (decoder === undefined) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (encoding === undefined && pendingBytes < DETECT_PREFIX_BYTES) continue;
      const prefix = concat(pending, pendingBytes);
      pending = [];
      decoder = openDecoder(encoding ?? detectEncoding(prefix), state);
      yield* decodePieces(decoder, prefix, state);
      continue;
    }
    yield* decodePieces(decoder, chunk, state);
  }
  if (decoder === undefined) {
    const prefix = concat(pending, pendingBytes);
    decoder = openDecoder(encoding ?? detectEncoding(prefix), state);
    yield* decodePieces(decoder, prefix, state);
  }
  yield* emit(decoder.decode(), state);
}

function openDecoder(encoding: DetectedEncoding, state: DecodeState): Decoder {
  state.encoding = encoding;
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    throw new JincaiError(
      ImportIssueCode.ENCODING,
      `the file is ${encoding.toUpperCase()} (Excel "Unicode text"); save it as "CSV UTF-8" instead`,
      { details: { encoding } },
    );
  }
  return new TextDecoder(encoding);
}

function* decodePieces(decoder: Decoder, bytes: Uint8Array, state: DecodeState): Generator<string, void, undefined> {
  const total = bytes.byteLength;
  for (let at = 0; at < total; ) {
    let end = Math.min(at + DECODE_PIECE_BYTES, total);
    // End the piece after its last line feed, so the tokenizer rarely joins a cut record with
    // the next text. 0x0a is never part of a multibyte character in UTF-8 or GB18030.
    if (end < total) {
      const lf = bytes.lastIndexOf(0x0a, end - 1);
      if (lf >= at) end = lf + 1;
    }
    yield* emit(decoder.decode(bytes.subarray(at, end), { stream: true }), state);
    at = end;
  }
}

function* emit(text: string, state: DecodeState): Generator<string, void, undefined> {
  if (text.length === 0) return;
  if (!state.replaced && text.includes(REPLACEMENT)) state.replaced = true;
  yield text;
}

async function* iterateBytes(source: ImportSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (isReadableStream(source)) {
    // Not every runtime makes ReadableStream async-iterable (Safari), so read it by hand.
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  }
  yield* source;
}

function isReadableStream(source: ImportSource): source is ReadableStream<Uint8Array> {
  return typeof (source as { getReader?: unknown }).getReader === "function";
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
