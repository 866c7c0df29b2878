/**
 * The shape of a classification code, without any code list: digits only, a level length of its
 * kind, the kind's leading digit. Every kind uses the same prefix scheme (level n has 2n+1
 * digits), so level, parent and roll-up are computed from the length alone.
 */
import { JincaiError } from "../errors/jincai-error";
import { CODE_LEVEL_LABELS, codeKindSpec } from "./code-kind";
import type { CodeProblem } from "./code-error-code";

/**
 * A code's level: 1 类, 2 款, 3 项, 4 目, with its Chinese label.
 *
 * @example
 * ```ts
 * const level: CodeLevel = codeLevelOf("2010101"); // { level: 3, label: "项" }
 * ```
 */
export interface CodeLevel {
  /** 1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7), 4 for 目 (9). */
  readonly level: 1 | 2 | 3 | 4;
  /** The Chinese label: 类, 款, 项 or 目. */
  readonly label: string;
}

const LEVELS: readonly CodeLevel[] = [1, 2, 3, 4].map((level) => ({
  level: level as CodeLevel["level"],
  label: CODE_LEVEL_LABELS[level - 1] ?? "",
}));

function isDigits(code: string): boolean {
  if (code.length === 0) return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Checks a code's shape for a kind without throwing or allocating; `undefined` means well formed.
 * Order: unknown kind, non-digits, wrong length, leading digit of another kind.
 *
 * @example
 * ```ts
 * checkCodeShape("function", "2010101"); // undefined
 * checkCodeShape("function", "20101a1"); // "CODE_INVALID_FORMAT"
 * checkCodeShape("function", "2010"); // "CODE_INVALID_LENGTH"
 * checkCodeShape("function", "30101"); // "CODE_KIND_MISMATCH"
 * ```
 */
export function checkCodeShape(kind: string, code: string): CodeProblem | undefined {
  const spec = codeKindSpec(kind);
  if (spec === undefined) return "CODE_KIND_UNKNOWN";
  if (!isDigits(code)) return "CODE_INVALID_FORMAT";
  if (!spec.lengths.includes(code.length)) return "CODE_INVALID_LENGTH";
  if (code[0] !== spec.leadingDigit) return "CODE_KIND_MISMATCH";
  return undefined;
}

/**
 * Throws the {@link JincaiError} for a shape problem found by {@link checkCodeShape}.
 *
 * @throws {JincaiError} CODE_KIND_UNKNOWN, CODE_INVALID_FORMAT, CODE_INVALID_LENGTH,
 *   CODE_KIND_MISMATCH
 * @example
 * ```ts
 * assertCodeShape("economic-dept", "30101"); // ok
 * assertCodeShape("economic-dept", "3010101"); // throws CODE_INVALID_LENGTH
 * ```
 */
export function assertCodeShape(kind: string, code: string): void {
  const problem = checkCodeShape(kind, code);
  if (problem !== undefined) {
    throw new JincaiError(problem, `not a ${kind} classification code: "${code}"`, {
      details: { kind, code },
    });
  }
}

function levelIndex(code: string): number {
  if (!isDigits(code)) {
    throw new JincaiError("CODE_INVALID_FORMAT", `not a classification code: "${code}"`, {
      details: { code },
    });
  }
  if (code.length % 2 === 0 || code.length < 3 || code.length > 9) {
    throw new JincaiError("CODE_INVALID_LENGTH", `a code has 3, 5, 7 or 9 digits: "${code}"`, {
      details: { code, length: code.length },
    });
  }
  return (code.length - 3) / 2;
}

/**
 * The level of a code from its length: 3 digits 类, 5 款, 7 项, 9 目.
 *
 * @throws {JincaiError} CODE_INVALID_FORMAT for non-digits, CODE_INVALID_LENGTH for other lengths
 * @example
 * ```ts
 * codeLevelOf("2050201"); // { level: 3, label: "项" }
 * ```
 */
export function codeLevelOf(code: string): CodeLevel {
  return LEVELS[levelIndex(code)] as CodeLevel;
}

/**
 * The structural parent of a code (its prefix one level up), or `undefined` for a 类.
 *
 * @throws {JincaiError} CODE_INVALID_FORMAT, CODE_INVALID_LENGTH
 * @example
 * ```ts
 * parentCodeOf("2050201"); // "20502"
 * parentCodeOf("205"); // undefined
 * ```
 */
export function parentCodeOf(code: string): string | undefined {
  return levelIndex(code) === 0 ? undefined : code.slice(0, code.length - 2);
}

/**
 * The prefix of a code at a level: rolls a 项 up to its 款 or 类 (a code rolls up to itself too).
 *
 * @throws {JincaiError} CODE_LEVEL_INVALID when `level` is not 1..the code's level;
 *   CODE_INVALID_FORMAT, CODE_INVALID_LENGTH for a malformed code
 * @example
 * ```ts
 * rollupCode("2050201", 2); // "20502"
 * rollupCode("2050201", 1); // "205"
 * rollupCode("20502", 3); // throws CODE_LEVEL_INVALID
 * ```
 */
export function rollupCode(code: string, level: number): string {
  const own = levelIndex(code) + 1;
  if (!Number.isInteger(level) || level < 1 || level > own) {
    throw new JincaiError("CODE_LEVEL_INVALID", `cannot roll "${code}" up to level ${level}`, {
      details: { code, level, codeLevel: own },
    });
  }
  return code.slice(0, 2 * level + 1);
}
