/**
 * A set of fiscal divisions as a tree. Parents are structural (from the code); a division whose
 * parent is not in the set is a root, so a city's system can hold its city and counties without
 * the province.
 */
import { JincaiError } from "../errors/jincai-error";
import { describeDivision, isDivisionCode } from "./fiscal-division";
import type { FiscalDivision } from "./fiscal-division";
import { orgIssuesError } from "./org-issue";
import type { OrgIssue } from "./org-issue";

/**
 * A division as supplied: code and name.
 *
 * @example
 * ```ts
 * const inputs: DivisionInput[] = [{ code: "320500", name: "苏州市" }, { code: "320505", name: "虎丘区" }];
 * buildDivisionTree(inputs).get("320505").parentCode; // "320500"
 * ```
 */
export interface DivisionInput {
  /** The 6-digit 财政区划 code. */
  readonly code: string;
  /** The division's name. */
  readonly name: string;
}

/**
 * A validated set of divisions.
 *
 * @example
 * ```ts
 * const divisions: DivisionTree = buildDivisionTree([{ code: "320500", name: "苏州市" }, { code: "320505", name: "虎丘区" }]);
 * divisions.roots().map((d) => d.code); // ["320500"]
 * divisions.find("320506"); // undefined
 * ```
 */
export interface DivisionTree {
  /** The division with this code, or `undefined`. */
  find(code: string): FiscalDivision | undefined;
  /**
   * The division with this code.
   * @throws {JincaiError} ORG_DIVISION_UNKNOWN
   */
  get(code: string): FiscalDivision;
  /** Divisions whose parent is not in the set, by code. */
  roots(): readonly FiscalDivision[];
  /** Direct children of a division, by code. */
  childrenOf(code: string): readonly FiscalDivision[];
  /** Every division below a division, depth first, by code. */
  descendantsOf(code: string): readonly FiscalDivision[];
  /** Every division, by code. */
  list(): readonly FiscalDivision[];
}

/**
 * Checks divisions without throwing: malformed codes, empty names, duplicates.
 *
 * @example
 * ```ts
 * validateDivisions([{ code: "3205", name: "苏州市" }])[0]?.code; // "ORG_DIVISION_INVALID"
 * ```
 */
export function validateDivisions(inputs: readonly DivisionInput[]): OrgIssue[] {
  const issues: OrgIssue[] = [];
  const seen = new Set<string>();
  inputs.forEach(({ code, name }, index) => {
    if (!isDivisionCode(code) || name.trim() === "") {
      const message = `division "${code}" needs a 6-digit code and a name`;
      issues.push({ index, code: "ORG_DIVISION_INVALID", subject: code, message });
    } else if (seen.has(code)) {
      const message = `division ${code} appears twice`;
      issues.push({ index, code: "ORG_DIVISION_DUPLICATE", subject: code, message });
    }
    seen.add(code);
  });
  return issues;
}

/**
 * Builds a division tree, throwing on any invalid input.
 *
 * @throws {JincaiError} ORG_DIVISION_INVALID, ORG_DIVISION_DUPLICATE
 *   (every issue in `details.issues`)
 * @example
 * ```ts
 * const divisions = buildDivisionTree([
 *   { code: "320500", name: "苏州市" },
 *   { code: "320505", name: "虎丘区" },
 * ]);
 * divisions.childrenOf("320500").map((d) => d.name); // ["虎丘区"]
 * ```
 */
export function buildDivisionTree(inputs: readonly DivisionInput[]): DivisionTree {
  const issues = validateDivisions(inputs);
  if (issues.length > 0) throw orgIssuesError(issues);
  const all = inputs
    .map((d) => describeDivision(d.code, d.name))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCode = new Map(all.map((d) => [d.code, d]));
  const children = new Map<string, FiscalDivision[]>();
  for (const d of all) {
    if (d.parentCode === undefined || !byCode.has(d.parentCode)) continue;
    const list = children.get(d.parentCode) ?? [];
    list.push(d);
    children.set(d.parentCode, list);
  }
  const get = (code: string): FiscalDivision => {
    const found = byCode.get(code);
    if (found !== undefined) return found;
    throw new JincaiError("ORG_DIVISION_UNKNOWN", `unknown division "${code}"`, {
      details: { code },
    });
  };
  const descendantsOf = (code: string): FiscalDivision[] =>
    (children.get(get(code).code) ?? []).flatMap((c) => [c, ...descendantsOf(c.code)]);
  return {
    find: (code) => byCode.get(code),
    get,
    roots: () => all.filter((d) => d.parentCode === undefined || !byCode.has(d.parentCode)),
    childrenOf: (code) => (children.get(get(code).code) ?? []).slice(),
    descendantsOf,
    list: () => all.slice(),
  };
}
