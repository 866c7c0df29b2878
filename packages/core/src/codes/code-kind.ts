/**
 * The four kinds of 政府收支分类科目 and their shape, as data: code lengths per level, the leading
 * digit that every code of the kind starts with, and the names a CSV file may use for the kind.
 */

/**
 * A classification kind: 收入分类, 支出功能分类, 部门预算支出经济分类 or 政府预算支出经济分类.
 *
 * @example
 * ```ts
 * const kind: CodeKind = "economic-dept"; // 部门预算支出经济分类
 * registry.check(kind, "30201", 2026, { leaf: true }); // undefined: a valid leaf
 * ```
 */
export type CodeKind = "revenue" | "function" | "economic-dept" | "economic-gov";

/**
 * The shape of one classification kind.
 *
 * @example
 * ```ts
 * const spec: CodeKindSpec | undefined = codeKindSpec("function");
 * // { kind: "function", name: "支出功能分类", lengths: [3, 5, 7], leadingDigit: "2", aliases: ["功能分类", …] }
 * ```
 */
export interface CodeKindSpec {
  /** The kind's key, used in APIs and in the `kind` column of a code list. */
  readonly kind: CodeKind;
  /** The official Chinese name, e.g. `支出功能分类`. */
  readonly name: string;
  /** Code length per level, level 1 (类) first: 3/5/7/9 for revenue, 3/5/7 for function. */
  readonly lengths: readonly number[];
  /** The first digit every code of the kind starts with (1 revenue, 2 function, 3 dept, 5 gov). */
  readonly leadingDigit: string;
  /** Other spellings accepted in a CSV `kind`/`类型` column (Chinese names and short forms). */
  readonly aliases: readonly string[];
}

/**
 * The classification kinds as data. The leading digits and lengths follow the published
 * structure (domain-china §2.1): revenue 1xx 类/款/项/目 = 3/5/7/9, function 2xx 类/款/项 = 3/5/7,
 * department economic 3xx and government economic 5xx 类/款 = 3/5.
 *
 * @example
 * ```ts
 * CODE_KINDS.find((s) => s.kind === "function")?.lengths; // [3, 5, 7]
 * ```
 */
export const CODE_KINDS: readonly CodeKindSpec[] = [
  {
    kind: "revenue",
    name: "收入分类",
    lengths: [3, 5, 7, 9],
    leadingDigit: "1",
    aliases: ["收入分类", "政府收入分类", "收入", "收入分类科目", "收入科目"],
  },
  {
    kind: "function",
    name: "支出功能分类",
    lengths: [3, 5, 7],
    leadingDigit: "2",
    aliases: ["支出功能分类", "功能分类", "功能", "支出功能", "支出功能分类科目", "功能科目"],
  },
  {
    kind: "economic-dept",
    name: "部门预算支出经济分类",
    lengths: [3, 5],
    leadingDigit: "3",
    aliases: ["部门预算支出经济分类", "部门经济分类", "部门经济", "部门经济科目", "部门预算支出经济分类科目"],
  },
  {
    kind: "economic-gov",
    name: "政府预算支出经济分类",
    lengths: [3, 5],
    leadingDigit: "5",
    aliases: ["政府预算支出经济分类", "政府经济分类", "政府经济", "政府经济科目", "政府预算支出经济分类科目"],
  },
];

/**
 * The Chinese label of each level, level 1 first: 类, 款, 项, 目.
 *
 * @example
 * ```ts
 * CODE_LEVEL_LABELS[2 - 1]; // "款"
 * ```
 */
export const CODE_LEVEL_LABELS: readonly string[] = ["类", "款", "项", "目"];

const SPEC_BY_KIND: ReadonlyMap<string, CodeKindSpec> = new Map(CODE_KINDS.map((s) => [s.kind, s]));

const SPEC_BY_ALIAS: ReadonlyMap<string, CodeKindSpec> = new Map(
  CODE_KINDS.flatMap((s) => [[s.kind, s] as const, ...s.aliases.map((a) => [a, s] as const)]),
);

/**
 * The spec of a kind given by its key, or `undefined` for a string that is not a kind key.
 *
 * @example
 * ```ts
 * codeKindSpec("economic-dept")?.leadingDigit; // "3"
 * codeKindSpec("收入"); // undefined (aliases are for findCodeKind)
 * ```
 */
export function codeKindSpec(kind: string): CodeKindSpec | undefined {
  return SPEC_BY_KIND.get(kind);
}

/**
 * Finds a kind by its key or any alias (Chinese name or short form), ignoring surrounding spaces.
 *
 * @example
 * ```ts
 * findCodeKind("支出功能分类"); // "function"
 * findCodeKind("部门经济"); // "economic-dept"
 * findCodeKind("other"); // undefined
 * ```
 */
export function findCodeKind(value: string): CodeKind | undefined {
  return SPEC_BY_ALIAS.get(value.trim())?.kind;
}
