/**
 * Importers of reference data: agencies (预算单位) and classification codes. Both live in the
 * record store; re-importing the same row is `exists`, a changed row updates the record.
 */
import { CODE_KINDS, ImportIssueCode, JincaiError, UNIT_TYPES, findCodeKind, findUnitType, isJincaiError, validateAgencies } from "@jincai/core";
import type { AgencyInput, AgencyRow, CodeEntry, CodeKind, CodeRow, OrgIssue, StoreTx } from "@jincai/core";
import type { JincaiConfig } from "../config";
import { AGENCY_COLLECTION, CODE_COLLECTION, loadReferenceData } from "../reference-data";
import type { Importer, RowOutcome, RowWarning } from "./row-outcome";

/** The column of each agency problem. */
const AGENCY_FIELDS: Readonly<Record<string, string>> = {
  ORG_AGENCY_INVALID: "agency_name", ORG_UNIT_TYPE_UNKNOWN: "agency_type", ORG_DIVISION_INVALID: "division",
  ORG_DIVISION_UNKNOWN: "division", ORG_DIVISION_MISMATCH: "division", ORG_PARENT_UNKNOWN: "parent_code",
  ORG_CYCLE: "parent_code", ORG_AGENCY_DUPLICATE: "agency_code",
};

/**
 * Prepares the agency importer. Each row is held to the rules of core's agency tree against the
 * agencies already stored and those earlier in the file: a known parent, no cycle, the parent's
 * division (and, for a changed agency, its children's), and one version per code per file. An
 * agency that broke them would make the tree, and so every later import and `verify`, fail.
 *
 * @example
 * ```ts
 * const importer = await agencyImporter(tx, config);
 * await importer.apply(rows);
 * ```
 */
export async function agencyImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<AgencyRow>> {
  const known = new Map<string, AgencyInput>();
  const children = new Map<string, Set<string>>();
  const adopt = (a: AgencyInput): void => {
    const before = known.get(a.code);
    if (before?.parentCode !== undefined) children.get(before.parentCode)?.delete(a.code);
    known.set(a.code, a);
    if (a.parentCode !== undefined) {
      let set = children.get(a.parentCode);
      if (set === undefined) children.set(a.parentCode, (set = new Set()));
      set.add(a.code);
    }
  };
  for await (const r of tx.queryRecords<AgencyInput>(AGENCY_COLLECTION)) adopt(r.data);
  const inFile = new Map<string, string>();
  /** Each agency of the rows being applied → its parent code, to tell a cycle from an unknown parent. */
  let parentsInChunk = new Map<string, string>();
  return {
    async apply(rows) {
      const out = new Array<RowOutcome>(rows.length);
      // Parents first, whatever the file's order (an export sorted by name lists 市财政局本级
      // before 市财政局); each outcome stays at its row.
      parentsInChunk = new Map(rows.map((r) => [r.agency_code, r.parent_code ?? ""]));
      for (const index of parentsFirst(rows)) out[index] = await applyRow(rows[index]!);
      return out;
    },
  };

  async function applyRow(row: AgencyRow): Promise<RowOutcome> {
    const unitType = findUnitType(row.agency_type ?? "行政");
    if (unitType === undefined) {
      const names = UNIT_TYPES.map((t) => t.name).join(", ");
      return { status: "rejected", code: "ORG_UNIT_TYPE_UNKNOWN", field: "agency_type", message: `agency_type: unknown unit type "${row.agency_type}" (${names}, or their full names such as 事业单位)` };
    }
    const parent = row.parent_code ?? "";
    const data: AgencyInput = {
      code: row.agency_code,
      name: row.agency_name,
      unitType: unitType.key,
      divisionCode: row.division ?? config.division,
      ...(parent !== "" ? { parentCode: parent } : {}),
    };
    const text = JSON.stringify(data);
    const earlier = inFile.get(data.code);
    if (earlier !== undefined && earlier !== text) {
      return { status: "rejected", code: "ORG_AGENCY_DUPLICATE", field: "agency_code", message: `agency_code: ${data.code} appears earlier in this file with other fields` };
    }
    const issue = cycleInFile(data.code, parentsInChunk) ?? agencyIssue(data, known, children);
    if (issue !== undefined) {
      return { status: "rejected", code: issue.code, field: AGENCY_FIELDS[issue.code] ?? "agency_code", message: issue.message };
    }
    const before = known.get(data.code);
    const outcome = await putIfChanged(tx, AGENCY_COLLECTION, data.code, data, { parent });
    inFile.set(data.code, text);
    adopt(data);
    const moved = before === undefined || outcome.status !== "ok" ? undefined : movedWarning(before, data);
    return moved === undefined ? outcome : { status: "ok", warnings: [moved] };
  }
}

/**
 * An agency stored under another parent or unit type than the row gives: the row is taken (a
 * restructuring), but it moves the agency's figures to another 主管部门 in every summary, past
 * months included, so it is said, `CLI_AGENCY_MOVED` at the column that changed.
 */
function movedWarning(before: AgencyInput, now: AgencyInput): RowWarning | undefined {
  const changes: string[] = [];
  if ((before.parentCode ?? "") !== (now.parentCode ?? "")) changes.push(`parent ${before.parentCode ?? "(none)"} → ${now.parentCode ?? "(none)"}`);
  const typeName = (key: string): string => UNIT_TYPES.find((t) => t.key === key)?.name ?? key;
  if (before.unitType !== now.unitType) changes.push(`unit type ${typeName(before.unitType)} → ${typeName(now.unitType)}`);
  if (changes.length === 0) return undefined;
  const field = changes[0]!.startsWith("parent") ? "parent_code" : "agency_type";
  return {
    code: "CLI_AGENCY_MOVED", field,
    message: `agency ${now.code} changed: ${changes.join(", ")} (summaries by department show all its figures, past months included, where it now is; its quota lines keep the codes they were loaded with)`,
  };
}

/**
 * Agencies of one file that name each other as parents (501 under 502, 502 under 501) have no
 * root: `ORG_CYCLE` with the loop, rather than each one's parent being "unknown".
 */
function cycleInFile(code: string, parents: ReadonlyMap<string, string>): OrgIssue | undefined {
  const path = [code];
  for (let p = parents.get(code); p !== undefined && p !== ""; p = parents.get(p)) {
    if (p === code) return { index: 0, code: "ORG_CYCLE", subject: code, message: `${code} is its own ancestor in this file: ${[...path, code].join(" → ")}` };
    if (path.includes(p)) return undefined;
    path.push(p);
  }
  return undefined;
}

/**
 * The order to apply agency rows in: each row after the row of its parent when the parent is in
 * the same rows (its first), else in file order. The rows of a cycle go in some order, for the
 * tree's check to report.
 */
function parentsFirst(rows: readonly AgencyRow[]): number[] {
  const firstOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!firstOf.has(r.agency_code)) firstOf.set(r.agency_code, i);
  });
  const order: number[] = [];
  const state = new Uint8Array(rows.length); // 0 new, 1 on the path, 2 placed
  for (let start = 0; start < rows.length; start++) {
    const path: number[] = [];
    for (let i: number | undefined = start; i !== undefined && state[i] === 0; ) {
      state[i] = 1;
      path.push(i);
      const parent: string | undefined = rows[i]!.parent_code;
      i = parent === undefined || parent === "" ? undefined : firstOf.get(parent);
    }
    for (let k = path.length - 1; k >= 0; k--) {
      state[path[k]!] = 2;
      order.push(path[k]!);
    }
  }
  return order;
}

/**
 * The first problem the agency tree would have with `a` in place: core's `validateAgencies` over
 * `a`, its ancestors (so its parent, cycles and division are checked) and its children (whose
 * division must stay its own).
 */
function agencyIssue(a: AgencyInput, known: ReadonlyMap<string, AgencyInput>, children: ReadonlyMap<string, ReadonlySet<string>>): OrgIssue | undefined {
  const group: AgencyInput[] = [a];
  const seen = new Set([a.code]);
  for (let code = a.parentCode; code !== undefined && !seen.has(code); ) {
    const p = known.get(code);
    if (p === undefined) break;
    group.push(p);
    seen.add(code);
    code = p.parentCode;
  }
  const firstChild = group.length;
  for (const child of children.get(a.code) ?? []) if (!seen.has(child)) group.push(known.get(child)!);
  // Problems the stored ancestors already had are not this row's.
  return validateAgencies(group).find((i) => i.index === 0 || (i.index >= firstChild && i.code === "ORG_DIVISION_MISMATCH"));
}

/**
 * Prepares the classification-code importer: each code is checked (level, parent, kind) against
 * the year's list as it grows.
 *
 * @example
 * ```ts
 * const importer = await codeImporter(tx, config);
 * ```
 */
export async function codeImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<CodeRow>> {
  const { codes } = await loadReferenceData(tx, config.fiscalYear);
  // The name each code of this file was loaded with: a code listed twice with two names (an
  // export that joined two lists) would otherwise take the last one without a word.
  const named = new Map<string, string>();
  return {
    async apply(rows) {
      const out = new Array<RowOutcome>(rows.length);
      // Shorter codes first: a code's parent is a prefix of it (201 of 20101), so a list in
      // any order loads; each outcome stays at its row.
      const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.code.length - rows[b]!.code.length || a - b);
      for (const index of order) out[index] = await applyRow(rows[index]!);
      return out;
    },
  };

  async function applyRow(row: CodeRow): Promise<RowOutcome> {
    const kind = row.kind !== undefined ? findCodeKind(row.kind) : CODE_KINDS.find((k) => k.leadingDigit === row.code[0])?.kind;
    if (kind === undefined) return unknownKind(row);
    const entry: CodeEntry = { code: row.code, name: row.name, kind, year: row.fiscal_year ?? config.fiscalYear };
    const key = `${entry.kind}:${entry.year}:${entry.code}`;
    const earlier = named.get(key);
    if (earlier !== undefined && earlier !== entry.name) {
      return {
        status: "rejected", code: ImportIssueCode.REPEATED_ROW, field: "name",
        message: `name: code ${entry.code} is on an earlier row of this file as ${earlier}; this row names it ${entry.name} (which name is right?)`,
      };
    }
    try {
      codes.load([entry], { rename: true });
    } catch (error) {
      if (!isJincaiError(error)) throw error;
      const issue = (error.details["issues"] as { code?: string; message?: string }[] | undefined)?.[0];
      return { status: "rejected", code: issue?.code ?? error.code, field: "code", message: `code: ${issue?.message ?? error.message}` };
    }
    named.set(key, entry.name);
    return putIfChanged(tx, CODE_COLLECTION, key, entry, { kind: entry.kind, year: String(entry.year) });
  }
}

const KIND_SHORT_NAMES: Readonly<Record<CodeKind, string>> = { revenue: "收入", function: "支出功能", "economic-dept": "部门经济", "economic-gov": "政府经济" };
const KIND_NAMES = CODE_KINDS.map((k) => `${k.leadingDigit} ${KIND_SHORT_NAMES[k.kind]}`).join(", ");

/**
 * The refusal of a code whose kind is not known. Without a 类型 the kind comes from the code's
 * leading digit, so the message names that digit and the cell to fill rather than an empty kind.
 */
function unknownKind(row: CodeRow): RowOutcome {
  if (row.kind === undefined) {
    return { status: "rejected", code: "CODE_KIND_UNKNOWN", field: "code", message: `code ${row.code}: no 类型/kind given, and no kind's codes start with ${row.code[0] ?? "nothing"} (${KIND_NAMES}): give its 类型` };
  }
  return { status: "rejected", code: "CODE_KIND_UNKNOWN", field: "kind", message: `kind: "${row.kind}" is not a code kind (收入, 支出功能, 部门经济, 政府经济 or revenue, function, economic-dept, economic-gov)` };
}

async function putIfChanged<T>(tx: StoreTx, collection: string, id: string, data: T, index: Record<string, string>): Promise<RowOutcome> {
  const existing = await tx.getRecord<T>(collection, id);
  if (existing !== undefined && JSON.stringify(existing.data) === JSON.stringify(data)) return { status: "exists" };
  try {
    await tx.putRecord({ collection, id, data, index, expectedVersion: existing?.version ?? 0 });
  } catch (error) {
    if (isJincaiError(error, "RECORD_VERSION_CONFLICT")) {
      throw new JincaiError("CLI_CONCURRENT_CHANGE", `${collection} ${id} changed while importing; re-run the import`, { cause: error });
    }
    throw error;
  }
  return { status: "ok" };
}
