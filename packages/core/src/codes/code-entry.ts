import type { CodeKind } from "./code-kind";

/**
 * One classification code of one fiscal year, as loaded from a code list.
 *
 * @example
 * ```ts
 * const entry: CodeEntry = { code: "2010101", name: "行政运行", kind: "function", year: 2026 };
 * registry.find("function", "2010101", 2026); // the same entry, once the starter list is loaded
 * ```
 */
export interface CodeEntry {
  /** The digits: 3/5/7/9 by level, e.g. `2010101`. */
  readonly code: string;
  /** The official name, e.g. `行政运行`. */
  readonly name: string;
  /** Which classification the code belongs to. */
  readonly kind: CodeKind;
  /** The fiscal year of the list, e.g. 2026. */
  readonly year: number;
}

/**
 * One problem found while loading a code list or a mapping; all problems are reported together.
 *
 * @example
 * ```ts
 * try {
 *   createCodeRegistry().load([{ code: "2010101", name: "行政运行", kind: "function", year: 2026 }]);
 * } catch (e) {
 *   const issues = (e as JincaiError).details.issues as CodeListIssue[];
 *   issues[0]; // { index: 0, code: "CODE_PARENT_MISSING", message: "…" }: 20101 is not loaded
 * }
 * ```
 */
export interface CodeListIssue {
  /** Zero-based index of the offending entry or data row in what was loaded. */
  readonly index: number;
  /** One-based line in the CSV text, when loaded from CSV. */
  readonly line?: number;
  /** Stable error code of the problem, e.g. `CODE_PARENT_MISSING` or `CODE_LIST_INVALID`. */
  readonly code: string;
  /** Readable explanation. */
  readonly message: string;
}

/**
 * What a successful load changed. Loading the same list twice adds nothing the second time.
 *
 * @example
 * ```ts
 * const codes = createCodeRegistry();
 * const first: CodeLoadResult = codes.loadCsv(STARTER_CODES_CSV); // { added: …, unchanged: 0 }
 * codes.loadCsv(STARTER_CODES_CSV); // { added: 0, unchanged: … }: loading twice adds nothing
 * ```
 */
export interface CodeLoadResult {
  /** Entries (or mapping rows) that were new. */
  readonly added: number;
  /** Entries already present with the same name (or mapping rows with the same target). */
  readonly unchanged: number;
}
