/**
 * The one error class of Jincai. Every failure the SDK throws carries a stable UPPER_SNAKE `code`
 * (switch on it, never on the message), a readable message, and JSON-serialisable `details`.
 * Batch operations do not throw per item: they return one result per item instead.
 */

/**
 * Options for {@link JincaiError}.
 *
 * @example
 * ```ts
 * const options: JincaiErrorOptions = { details: { input: "12a" }, cause: original };
 * throw new JincaiError("MONEY_PARSE", 'not an amount: "12a"', options);
 * ```
 */
export interface JincaiErrorOptions {
  /** Structured, JSON-serialisable context (never secrets). */
  details?: Readonly<Record<string, unknown>>;
  /** The underlying error, kept for logs. */
  cause?: unknown;
}

/**
 * The error thrown by every Jincai package.
 *
 * @example
 * ```ts
 * throw new JincaiError("MONEY_PARSE", "not an amount: \"12a\"", { details: { input: "12a" } });
 * ```
 */
export class JincaiError<Code extends string = string> extends Error {
  /** Always `"JincaiError"`; lets {@link isJincaiError} recognise errors from another package copy. */
  override readonly name = "JincaiError";
  /** Stable UPPER_SNAKE code, documented per package in `ERRORS.md`. */
  readonly code: Code;
  /** Structured context: the offending input, where it was, limits involved. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: Code, message: string, options: JincaiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  /**
   * A plain object for JSON output and logs.
   *
   * @example
   * ```ts
   * JSON.stringify(new JincaiError("X", "y").toJSON()); // '{"code":"X","message":"y","details":{}}'
   * ```
   */
  toJSON(): {
    /** The stable UPPER_SNAKE error code, e.g. `"MONEY_PARSE"`. */
    code: Code;
    /** The human-readable message (may change between versions; do not match on it). */
    message: string;
    /** The structured context, as on {@link JincaiError.details}. */
    details: Readonly<Record<string, unknown>>;
  } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Tells whether a value is a {@link JincaiError}, optionally with a given code.
 * Works across package copies because it checks the shape, not only the prototype.
 *
 * @example
 * ```ts
 * try { parseMoney("x"); } catch (e) { if (isJincaiError(e, "MONEY_PARSE")) console.log(e.details); }
 * ```
 */
export function isJincaiError<C extends string = string>(
  value: unknown,
  code?: C,
): value is JincaiError<C> {
  if (value instanceof JincaiError) return code === undefined || value.code === code;
  if (typeof value !== "object" || value === null) return false;
  const v = value as { name?: unknown; code?: unknown };
  return v.name === "JincaiError" && typeof v.code === "string" && (code === undefined || v.code === code);
}
