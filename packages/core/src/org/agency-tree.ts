/**
 * Budget units (预算单位) as a tree under their 主管部门 (the top-level department). Validation
 * reports every problem at once: malformed units, unknown unit types or divisions, duplicate
 * codes, unknown parents, cycles, and a parent in another division.
 */
import { JincaiError } from "../errors/jincai-error";
import type { Agency, AgencyInput } from "./agency";
import type { DivisionTree } from "./division-tree";
import { isDivisionCode } from "./fiscal-division";
import { orgIssuesError } from "./org-issue";
import type { OrgIssue } from "./org-issue";
import { findUnitType } from "./unit-type";

/**
 * Options of {@link buildAgencyTree} and {@link validateAgencies}.
 *
 * @example
 * ```ts
 * const options: AgencyTreeOptions = { divisions: buildDivisionTree([{ code: "320500", name: "苏州市" }]) };
 * buildAgencyTree([{ code: "205", name: "市教育局", unitType: "行政", divisionCode: "320599" }], options);
 * // throws ORG_DIVISION_UNKNOWN: 320599 is not among the divisions
 * ```
 */
export interface AgencyTreeOptions {
  /** When given, every agency's division must be in it (`ORG_DIVISION_UNKNOWN`). */
  readonly divisions?: DivisionTree;
}

/**
 * A validated tree of budget units.
 *
 * @example
 * ```ts
 * const tree: AgencyTree = buildAgencyTree([
 *   { code: "205", name: "市教育局", unitType: "行政", divisionCode: "320500" },
 *   { code: "205001", name: "市第一中学", parentCode: "205", unitType: "事业", divisionCode: "320500" },
 * ]);
 * tree.childrenOf("205").map((a) => a.name); // ["市第一中学"]
 * ```
 */
export interface AgencyTree {
  /** The unit with this code, or `undefined`. */
  find(code: string): Agency | undefined;
  /**
   * The unit with this code.
   * @throws {JincaiError} ORG_AGENCY_UNKNOWN
   */
  get(code: string): Agency;
  /** The 主管部门 (units without a parent), by code. */
  departments(): readonly Agency[];
  /**
   * The 主管部门 of a unit: its top-level ancestor, or the unit itself when it is one.
   * @throws {JincaiError} ORG_AGENCY_UNKNOWN
   */
  departmentOf(code: string): Agency;
  /** Direct children of a unit, by code. */
  childrenOf(code: string): readonly Agency[];
  /** Every unit below a unit, depth first, by code. */
  descendantsOf(code: string): readonly Agency[];
  /** The units above a unit, 主管部门 first, without the unit itself. */
  ancestorsOf(code: string): readonly Agency[];
  /** Every unit, by code. */
  list(): readonly Agency[];
}

type Issue = Omit<OrgIssue, "index" | "subject">;

function inputIssue(a: AgencyInput, options: AgencyTreeOptions): Issue | undefined {
  if (a.code.trim() === "" || a.code !== a.code.trim() || a.name.trim() === "") {
    return { code: "ORG_AGENCY_INVALID", message: `agency "${a.code}" needs a code and a name` };
  }
  if (findUnitType(a.unitType) === undefined) {
    const message = `${a.code}: unknown unit type "${a.unitType}"`;
    return { code: "ORG_UNIT_TYPE_UNKNOWN", message };
  }
  if (!isDivisionCode(a.divisionCode)) {
    const message = `${a.code}: not a 6-digit division code "${a.divisionCode}"`;
    return { code: "ORG_DIVISION_INVALID", message };
  }
  if (options.divisions !== undefined && options.divisions.find(a.divisionCode) === undefined) {
    const message = `${a.code}: unknown division ${a.divisionCode}`;
    return { code: "ORG_DIVISION_UNKNOWN", message };
  }
  return undefined;
}

function parentIssue(a: AgencyInput, byCode: ReadonlyMap<string, AgencyInput>): Issue | undefined {
  if (a.parentCode === undefined) return undefined;
  const parent = byCode.get(a.parentCode);
  if (parent === undefined) {
    return { code: "ORG_PARENT_UNKNOWN", message: `${a.code}: unknown parent ${a.parentCode}` };
  }
  const seen = new Set([a.code]);
  for (let p: AgencyInput | undefined = parent; p !== undefined; ) {
    if (seen.has(p.code)) return { code: "ORG_CYCLE", message: `${a.code} is its own ancestor` };
    seen.add(p.code);
    p = p.parentCode === undefined ? undefined : byCode.get(p.parentCode);
  }
  if (parent.divisionCode !== a.divisionCode) {
    const message = `${a.code} is in ${a.divisionCode} but its parent is in ${parent.divisionCode}`;
    return { code: "ORG_DIVISION_MISMATCH", message };
  }
  return undefined;
}

/**
 * Checks agencies without throwing; returns every problem, by input index.
 *
 * @example
 * ```ts
 * validateAgencies([
 *   { code: "205", name: "市教育局", unitType: "行政", divisionCode: "320500", parentCode: "205001" },
 *   { code: "205001", name: "市第一中学", unitType: "事业", divisionCode: "320500", parentCode: "205" },
 * ]).map((i) => i.code); // ["ORG_CYCLE", "ORG_CYCLE"]
 * ```
 */
export function validateAgencies(
  inputs: readonly AgencyInput[],
  options: AgencyTreeOptions = {},
): OrgIssue[] {
  const issues: OrgIssue[] = [];
  const byCode = new Map<string, AgencyInput>();
  inputs.forEach((a, index) => {
    const issue = inputIssue(a, options);
    if (issue !== undefined) issues.push({ index, subject: a.code, ...issue });
    else if (byCode.has(a.code)) {
      const message = `agency ${a.code} appears twice`;
      issues.push({ index, subject: a.code, code: "ORG_AGENCY_DUPLICATE", message });
    } else byCode.set(a.code, a);
  });
  inputs.forEach((a, index) => {
    if (byCode.get(a.code) !== a) return;
    const issue = parentIssue(a, byCode);
    if (issue !== undefined) issues.push({ index, subject: a.code, ...issue });
  });
  return issues.sort((x, y) => x.index - y.index);
}

function toAgency(a: AgencyInput): Agency {
  const unitType = findUnitType(a.unitType)?.key ?? "other";
  const base = { code: a.code, name: a.name, unitType, divisionCode: a.divisionCode };
  return Object.freeze(a.parentCode === undefined ? base : { ...base, parentCode: a.parentCode });
}

/**
 * Builds the agency tree, throwing on any invalid input.
 *
 * @throws {JincaiError} the first issue's code: ORG_AGENCY_INVALID, ORG_UNIT_TYPE_UNKNOWN,
 *   ORG_DIVISION_INVALID, ORG_DIVISION_UNKNOWN, ORG_AGENCY_DUPLICATE, ORG_PARENT_UNKNOWN,
 *   ORG_CYCLE, ORG_DIVISION_MISMATCH (all issues in `details.issues`)
 * @example
 * ```ts
 * const tree = buildAgencyTree([
 *   { code: "205", name: "市教育局", unitType: "行政", divisionCode: "320500" },
 *   { code: "205001", name: "市第一中学", parentCode: "205", unitType: "事业", divisionCode: "320500" },
 * ]);
 * tree.departmentOf("205001").name; // "市教育局"
 * ```
 */
export function buildAgencyTree(
  inputs: readonly AgencyInput[],
  options: AgencyTreeOptions = {},
): AgencyTree {
  const issues = validateAgencies(inputs, options);
  if (issues.length > 0) throw orgIssuesError(issues);
  const all = inputs.map(toAgency).sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCode = new Map(all.map((a) => [a.code, a]));
  const children = new Map<string, Agency[]>();
  for (const a of all) {
    if (a.parentCode === undefined) continue;
    const list = children.get(a.parentCode) ?? [];
    list.push(a);
    children.set(a.parentCode, list);
  }
  const get = (code: string): Agency => {
    const found = byCode.get(code);
    if (found !== undefined) return found;
    throw new JincaiError("ORG_AGENCY_UNKNOWN", `unknown agency "${code}"`, { details: { code } });
  };
  const ancestorsOf = (code: string): Agency[] => {
    const out: Agency[] = [];
    for (let a = get(code); a.parentCode !== undefined; ) {
      a = get(a.parentCode);
      out.unshift(a);
    }
    return out;
  };
  const descendantsOf = (code: string): Agency[] =>
    (children.get(get(code).code) ?? []).flatMap((c) => [c, ...descendantsOf(c.code)]);
  return {
    find: (code) => byCode.get(code),
    get,
    departments: () => all.filter((a) => a.parentCode === undefined),
    departmentOf: (code) => ancestorsOf(code)[0] ?? get(code),
    childrenOf: (code) => (children.get(get(code).code) ?? []).slice(),
    descendantsOf,
    ancestorsOf,
    list: () => all.slice(),
  };
}
