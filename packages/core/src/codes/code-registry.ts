/**
 * The classification-code registry: yearly code lists of the four kinds, their tree (parent,
 * children, ancestors, leaves), validation of a code for a year, and the 部门→政府 economic
 * mapping by unit type. It holds data only in memory and reads no files: load lists as entries
 * or CSV text (the CLI reads the file; a browser can use the embedded starter list).
 */
import { JincaiError } from "../errors/jincai-error";
import { getUnitType } from "../org/unit-type";
import type { CodeEntry, CodeListIssue, CodeLoadResult } from "./code-entry";
import type { CodeProblem } from "./code-error-code";
import type { CodeKind } from "./code-kind";
import { assertCodeShape, checkCodeShape, codeLevelOf, rollupCode } from "./code-shape";
import type { CodeLevel } from "./code-shape";
import { CodeTables } from "./_code-tables";
import type { CodeNode } from "./_code-tables";
import { EconomicMap, parseEconomicMappingCsv } from "./_economic-map";
import type { EconomicMappingRow } from "./economic-mapping-row";
import { parseCodeListCsv } from "./_parse-code-list-csv";

/**
 * Options of {@link CodeRegistry.check} and {@link CodeRegistry.validate}.
 *
 * @example
 * ```ts
 * const options: CodeCheckOptions = { leaf: true }; // postings go to leaves
 * registry.check("function", "20101", 2026, options); // "CODE_NOT_LEAF"
 * ```
 */
export interface CodeCheckOptions {
  /** Require a leaf: a code without children in that year (postings go to leaves). */
  readonly leaf?: boolean;
}

/**
 * Options of {@link CodeRegistry.load}.
 *
 * @example
 * ```ts
 * registry.load([{ kind: "function", code: "21305", name: "巩固拓展脱贫攻坚成果衔接乡村振兴", year: 2026 }], { rename: true });
 * ```
 */
export interface CodeLoadOptions {
  /**
   * A code already loaded under another name takes the new name instead of being refused as
   * `CODE_DUPLICATE`: an official list loaded over the starter list, whose names are unverified.
   */
  readonly rename?: boolean;
}

/**
 * Yearly classification codes with their tree, validation and the economic mapping.
 *
 * @example
 * ```ts
 * const registry: CodeRegistry = createStarterCodeRegistry();
 * registry.validate("function", "2010101", 2026).name; // "行政运行"
 * registry.childrenOf("function", "20101", 2026).map((e) => e.code); // ["2010101", …]
 * ```
 */
export interface CodeRegistry {
  /**
   * Loads entries atomically: every entry is checked (shape, name, year, duplicates, parent in the
   * batch or already loaded) and nothing is added if any fails. Identical entries are no-ops.
   * @throws {JincaiError} the first problem's code (e.g. CODE_PARENT_MISSING);
   *   every problem in `details.issues`
   */
  load(entries: readonly CodeEntry[], options?: CodeLoadOptions): CodeLoadResult;
  /**
   * Loads a code-list CSV (code,name,kind,year or 编码,名称,类型,年度) atomically.
   * @throws {JincaiError} CODE_LIST_INVALID with `details.line`;
   *   every problem in `details.issues`
   */
  loadCsv(text: string): CodeLoadResult;
  /**
   * Loads 部门→政府 mapping rows atomically; both codes must exist in the row's year.
   * @throws {JincaiError} the first problem's code (CODE_UNKNOWN, CODE_DUPLICATE, …);
   *   every problem in `details.issues`
   */
  loadEconomicMapping(rows: readonly EconomicMappingRow[]): CodeLoadResult;
  /**
   * Loads a mapping CSV (dept_code,unit_type,gov_code,year or 部门经济分类,单位类型,政府经济分类,年度).
   * @throws {JincaiError} CODE_LIST_INVALID with `details.line`;
   *   every problem in `details.issues`
   */
  loadEconomicMappingCsv(text: string): CodeLoadResult;
  /** The fiscal years with a loaded list, ascending. */
  years(): readonly number[];
  /**
   * Checks a code for a year without throwing; `undefined` means valid. Cheap (a few Map lookups,
   * no allocation on success) for hot import loops.
   */
  check(
    kind: CodeKind,
    code: string,
    year: number,
    options?: CodeCheckOptions,
  ): CodeProblem | undefined;
  /**
   * Returns the entry of a valid code, or throws.
   * @throws {JincaiError} the problem {@link CodeRegistry.check} reports
   */
  validate(kind: CodeKind, code: string, year: number, options?: CodeCheckOptions): CodeEntry;
  /** The entry of a code in a year, or `undefined`. */
  find(kind: CodeKind, code: string, year: number): CodeEntry | undefined;
  /**
   * The level (1..4 and 类/款/项/目) of a well-formed code of the kind.
   * @throws {JincaiError} CODE_INVALID_FORMAT, CODE_INVALID_LENGTH, CODE_KIND_MISMATCH
   */
  levelOf(kind: CodeKind, code: string): CodeLevel;
  /**
   * The parent entry of a code in a year (`undefined` for a 类).
   * @throws {JincaiError} the problem {@link CodeRegistry.check} reports for the code
   */
  parentOf(kind: CodeKind, code: string, year: number): CodeEntry | undefined;
  /**
   * The direct children of a code in a year, sorted by code.
   * @throws {JincaiError} the problem {@link CodeRegistry.check} reports for the code
   */
  childrenOf(kind: CodeKind, code: string, year: number): readonly CodeEntry[];
  /**
   * The ancestors of a code in a year, 类 first, without the code itself.
   * @throws {JincaiError} the problem {@link CodeRegistry.check} reports for the code
   */
  ancestorsOf(kind: CodeKind, code: string, year: number): readonly CodeEntry[];
  /**
   * Whether a code has no children in that year.
   * @throws {JincaiError} the problem {@link CodeRegistry.check} reports for the code
   */
  isLeaf(kind: CodeKind, code: string, year: number): boolean;
  /**
   * The prefix of a code at a level (same as {@link rollupCode}).
   * @throws {JincaiError} CODE_LEVEL_INVALID, CODE_INVALID_FORMAT, CODE_INVALID_LENGTH
   */
  rollup(code: string, level: number): string;
  /** Every entry of a kind in a year, sorted by code (empty when none). */
  list(kind: CodeKind, year: number): readonly CodeEntry[];
  /**
   * The 政府预算支出经济分类 code for a 部门 code and unit type (key or Chinese name) in a year.
   * @throws {JincaiError} CODE_MAPPING_MISSING, ORG_UNIT_TYPE_UNKNOWN, or the code's own problem
   */
  mapEconomicCode(deptCode: string, unitType: string, year: number): string;
}

function loadError(issues: readonly CodeListIssue[], fromCsv: boolean): JincaiError {
  const first = issues[0] as CodeListIssue;
  const code = fromCsv ? "CODE_LIST_INVALID" : first.code;
  const where = first.line === undefined ? `entry ${first.index}` : `line ${first.line}`;
  const message = `${issues.length} problem(s); first at ${where}: ${first.message}`;
  return new JincaiError(code, message, {
    details: { index: first.index, line: first.line, issues },
  });
}

function withLines(
  issues: readonly CodeListIssue[],
  indexes: readonly number[],
  lines: readonly number[],
): CodeListIssue[] {
  return issues.map((i) => ({ ...i, index: indexes[i.index] ?? i.index, line: lines[i.index] }));
}

const byIndex = (a: CodeListIssue, b: CodeListIssue): number => a.index - b.index;

type Checked<T> = { issues: CodeListIssue[]; fresh: T[]; unchanged: number };
type CsvParsed = { issues: CodeListIssue[]; indexes: number[]; lines: number[] };

/** The in-memory registry; arrow-function fields so that methods survive being detached. */
class MemoryCodeRegistry implements CodeRegistry {
  private readonly tables = new CodeTables();
  private readonly mapping = new EconomicMap();

  private finish<T>(checked: Checked<T>, commit: (fresh: T[]) => void, csv?: CsvParsed) {
    const issues =
      csv === undefined
        ? checked.issues
        : [...csv.issues, ...withLines(checked.issues, csv.indexes, csv.lines)].sort(byIndex);
    if (issues.length > 0) throw loadError(issues, csv !== undefined);
    commit(checked.fresh);
    return { added: checked.fresh.length, unchanged: checked.unchanged };
  }

  private readonly commitCodes = (fresh: readonly CodeEntry[]) => this.tables.commit(fresh);
  private readonly commitRows = (fresh: readonly EconomicMappingRow[]) =>
    this.mapping.commit(fresh);

  private node(kind: CodeKind, code: string, year: number, options?: CodeCheckOptions): CodeNode {
    const problem = this.check(kind, code, year, options);
    if (problem !== undefined) {
      const message = problem === "CODE_YEAR_INVALID"
        ? `${kind} code "${code}": the year must be an integer (a number such as 2026), not ${typeof year} ${JSON.stringify(year)}`
        : `${kind} code "${code}" is not valid for ${year}: ${problem}`;
      throw new JincaiError(problem, message, { details: { kind, code, year } });
    }
    return this.tables.table(kind, year)?.get(code) as CodeNode;
  }

  readonly load = (entries: readonly CodeEntry[], options?: CodeLoadOptions): CodeLoadResult =>
    this.finish(this.tables.check(entries, options?.rename === true), this.commitCodes);

  readonly loadCsv = (text: string): CodeLoadResult => {
    const parsed = parseCodeListCsv(text);
    return this.finish(this.tables.check(parsed.entries), this.commitCodes, parsed);
  };

  readonly loadEconomicMapping = (rows: readonly EconomicMappingRow[]): CodeLoadResult =>
    this.finish(this.mapping.check(rows, this.tables), this.commitRows);

  readonly loadEconomicMappingCsv = (text: string): CodeLoadResult => {
    const parsed = parseEconomicMappingCsv(text);
    return this.finish(this.mapping.check(parsed.rows, this.tables), this.commitRows, parsed);
  };

  readonly years = (): readonly number[] => this.tables.years();

  readonly check = (
    kind: CodeKind,
    code: string,
    year: number,
    options?: CodeCheckOptions,
  ): CodeProblem | undefined => {
    const shape = checkCodeShape(kind, code);
    if (shape !== undefined) return shape;
    const kinds = this.tables.kinds(year);
    // Only on a miss: a year given as text ("2026", from untyped data) is no loaded year.
    if (kinds === undefined) return Number.isInteger(year) ? "CODE_YEAR_UNKNOWN" : "CODE_YEAR_INVALID";
    const node = kinds.get(kind)?.get(code);
    if (node === undefined) return "CODE_UNKNOWN";
    if (options?.leaf === true && node.children.length > 0) return "CODE_NOT_LEAF";
    return undefined;
  };

  readonly validate = (kind: CodeKind, code: string, year: number, options?: CodeCheckOptions) =>
    this.node(kind, code, year, options).entry;

  readonly find = (kind: CodeKind, code: string, year: number): CodeEntry | undefined =>
    checkCodeShape(kind, code) === undefined
      ? this.tables.table(kind, year)?.get(code)?.entry
      : undefined;

  readonly levelOf = (kind: CodeKind, code: string): CodeLevel => {
    assertCodeShape(kind, code);
    return codeLevelOf(code);
  };

  readonly parentOf = (kind: CodeKind, code: string, year: number): CodeEntry | undefined => {
    this.node(kind, code, year);
    if (code.length === 3) return undefined;
    return this.tables.table(kind, year)?.get(code.slice(0, -2))?.entry;
  };

  readonly childrenOf = (kind: CodeKind, code: string, year: number): readonly CodeEntry[] =>
    this.node(kind, code, year).children.slice();

  readonly ancestorsOf = (kind: CodeKind, code: string, year: number): readonly CodeEntry[] => {
    this.node(kind, code, year);
    const table = this.tables.table(kind, year) as Map<string, CodeNode>;
    const out: CodeEntry[] = [];
    for (let len = 3; len < code.length; len += 2) {
      const node = table.get(code.slice(0, len));
      if (node !== undefined) out.push(node.entry);
    }
    return out;
  };

  readonly isLeaf = (kind: CodeKind, code: string, year: number): boolean =>
    this.node(kind, code, year).children.length === 0;

  readonly rollup = (code: string, level: number): string => rollupCode(code, level);

  readonly list = (kind: CodeKind, year: number): readonly CodeEntry[] => {
    const table = this.tables.table(kind, year);
    if (table === undefined) return [];
    return [...table.values()].map((n) => n.entry).sort((a, b) => (a.code < b.code ? -1 : 1));
  };

  readonly mapEconomicCode = (deptCode: string, unitType: string, year: number): string => {
    const unit = getUnitType(unitType);
    this.node("economic-dept", deptCode, year);
    const gov = this.mapping.lookup(deptCode, unit.key, year);
    if (gov !== undefined) return gov;
    const message = `no government economic code for ${deptCode} (${unit.name}) in ${year}`;
    throw new JincaiError("CODE_MAPPING_MISSING", message, {
      details: { deptCode, unitType: unit.key, year },
    });
  };
}

/**
 * Creates an empty code registry. Load the starter list or an official yearly list into it.
 *
 * @example
 * ```ts
 * const codes = createCodeRegistry();
 * codes.loadCsv(STARTER_CODES_CSV);
 * codes.check("function", "2010101", 2026, { leaf: true }); // undefined
 * codes.check("function", "20101", 2026, { leaf: true }); // "CODE_NOT_LEAF"
 * codes.ancestorsOf("function", "2050201", 2026).map((e) => e.name); // ["教育支出", "普通教育"]
 * ```
 */
export function createCodeRegistry(): CodeRegistry {
  return new MemoryCodeRegistry();
}
