/**
 * The stable error codes of the classification-code area, documented in `ERRORS.md` (Codes).
 * Never rename or reuse one.
 *
 * @example
 * ```ts
 * const problem: CodeProblem | undefined = registry.check("function", "2010101", 2026);
 * if (problem === CODE_ERROR_CODES.NOT_LEAF) console.log("post to a 项, not a 款");
 * ```
 */
export const CODE_ERROR_CODES = {
  /** The kind is not one of revenue, function, economic-dept, economic-gov. */
  KIND_UNKNOWN: "CODE_KIND_UNKNOWN",
  /** The code is empty or has a character other than the digits 0-9. */
  INVALID_FORMAT: "CODE_INVALID_FORMAT",
  /** The code's length is not a level length of its kind (e.g. 4 digits, or 7 for economic). */
  INVALID_LENGTH: "CODE_INVALID_LENGTH",
  /** The code's leading digit belongs to another kind (e.g. 30101 given as a function code). */
  KIND_MISMATCH: "CODE_KIND_MISMATCH",
  /** No code list is loaded for the fiscal year. */
  YEAR_UNKNOWN: "CODE_YEAR_UNKNOWN",
  /** The fiscal year is not an integer (the text `"2026"` from untyped data, `2026.5`). */
  YEAR_INVALID: "CODE_YEAR_INVALID",
  /** The code is well formed but absent from the year's list. */
  UNKNOWN: "CODE_UNKNOWN",
  /** The code has children in that year, and a leaf (posting) code was required. */
  NOT_LEAF: "CODE_NOT_LEAF",
  /** A loaded code's parent (its prefix one level up) is neither loaded nor in the same batch. */
  PARENT_MISSING: "CODE_PARENT_MISSING",
  /** The same kind, year and code twice in a batch, or again with another name or mapping. */
  DUPLICATE: "CODE_DUPLICATE",
  /** A code-list or mapping CSV (or entry) is malformed: columns, kind, year or an empty name. */
  LIST_INVALID: "CODE_LIST_INVALID",
  /** A roll-up level is not an integer between 1 and the code's own level. */
  LEVEL_INVALID: "CODE_LEVEL_INVALID",
  /** No 部门→政府 economic mapping for the code and unit type in that year. */
  MAPPING_MISSING: "CODE_MAPPING_MISSING",
} as const;

/**
 * Any error code of the classification-code area.
 *
 * @example
 * ```ts
 * try {
 *   registry.validate("function", "20101", 2026, { leaf: true });
 * } catch (e) {
 *   if (isJincaiError<CodeErrorCode>(e) && e.code === "CODE_NOT_LEAF") console.log("post to a 项 such as 2010101");
 * }
 * ```
 */
export type CodeErrorCode = (typeof CODE_ERROR_CODES)[keyof typeof CODE_ERROR_CODES];

/**
 * The problems {@link CodeRegistry.check} can report for a single code, most basic first.
 *
 * @example
 * ```ts
 * const p: CodeProblem = "CODE_NOT_LEAF";
 * ```
 */
export type CodeProblem =
  | "CODE_KIND_UNKNOWN"
  | "CODE_INVALID_FORMAT"
  | "CODE_INVALID_LENGTH"
  | "CODE_KIND_MISMATCH"
  | "CODE_YEAR_INVALID"
  | "CODE_YEAR_UNKNOWN"
  | "CODE_UNKNOWN"
  | "CODE_NOT_LEAF";
