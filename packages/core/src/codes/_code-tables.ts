/**
 * The in-memory tables behind a code registry: fiscal year → kind → code → node (the entry and its
 * children). Loads are validated as a whole and then committed, so a bad list changes nothing.
 */
import type { CodeKind } from "./code-kind";
import type { CodeEntry, CodeListIssue } from "./code-entry";
import { checkCodeShape } from "./code-shape";

/** A loaded code with its children (sorted by code) in the same year. */
export interface CodeNode {
  readonly entry: CodeEntry;
  readonly children: CodeEntry[];
}

/** The outcome of validating a batch: problems, and the entries that are new. */
export interface BatchCheck {
  readonly issues: CodeListIssue[];
  readonly fresh: CodeEntry[];
  readonly unchanged: number;
}

const keyOf = (e: CodeEntry): string => `${e.year}|${e.kind}|${e.code}`;

/** Year → kind → code → node. */
export class CodeTables {
  private readonly byYear = new Map<number, Map<string, Map<string, CodeNode>>>();

  /** The code → node table of a kind in a year; `undefined` when the year is not loaded. */
  table(kind: string, year: number): Map<string, CodeNode> | undefined {
    return this.byYear.get(year)?.get(kind);
  }

  /** The kind → table map of a year; `undefined` when nothing is loaded for the year. */
  kinds(year: number): ReadonlyMap<string, Map<string, CodeNode>> | undefined {
    return this.byYear.get(year);
  }

  /** The loaded years, ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /**
   * Validates a batch against itself and what is loaded; reports every problem. With `rename`, a
   * loaded code given another name is not a duplicate: it is fresh, and `commit` renames it.
   */
  check(entries: readonly CodeEntry[], rename = false): BatchCheck {
    const issues: CodeListIssue[] = [];
    const candidates: { index: number; entry: CodeEntry }[] = [];
    const batch = new Set<string>();
    let unchanged = 0;
    entries.forEach((entry, index) => {
      const problem = this.entryProblem(entry, batch, rename);
      if (problem === "unchanged") unchanged++;
      else if (problem !== undefined) issues.push({ index, ...problem });
      else candidates.push({ index, entry });
      batch.add(keyOf(entry));
    });
    const fresh: CodeEntry[] = [];
    for (const { index, entry } of candidates) {
      const parent = entry.code.length > 3 ? entry.code.slice(0, -2) : undefined;
      const found =
        parent === undefined ||
        batch.has(keyOf({ ...entry, code: parent })) ||
        this.table(entry.kind, entry.year)?.has(parent) === true;
      if (found) fresh.push(entry);
      else {
        const message = `${entry.kind} ${entry.code} (${entry.year}) has no parent ${parent}`;
        issues.push({ index, code: "CODE_PARENT_MISSING", message });
      }
    }
    issues.sort((a, b) => a.index - b.index);
    return { issues, fresh, unchanged };
  }

  private entryProblem(
    e: CodeEntry,
    batch: ReadonlySet<string>,
    rename: boolean,
  ): { code: string; message: string } | "unchanged" | undefined {
    if (typeof e.name !== "string" || e.name.trim() === "") {
      return { code: "CODE_LIST_INVALID", message: `code ${e.code} has no name` };
    }
    if (!Number.isInteger(e.year) || e.year < 1000 || e.year > 9999) {
      return { code: "CODE_LIST_INVALID", message: `code ${e.code} has no valid year: ${e.year}` };
    }
    const shape = checkCodeShape(e.kind, e.code);
    if (shape !== undefined) return { code: shape, message: `not a ${e.kind} code: "${e.code}"` };
    if (batch.has(keyOf(e))) {
      return { code: "CODE_DUPLICATE", message: `${e.kind} ${e.code} (${e.year}) appears twice` };
    }
    const existing = this.table(e.kind, e.year)?.get(e.code);
    if (existing === undefined) return undefined;
    if (existing.entry.name === e.name) return "unchanged";
    if (rename) return undefined;
    const message = `${e.kind} ${e.code} (${e.year}) is already "${existing.entry.name}"`;
    return { code: "CODE_DUPLICATE", message };
  }

  /**
   * Adds entries that passed {@link CodeTables.check}; parents go in before children. An entry
   * whose code is loaded already (a rename) keeps its place and children under its new name.
   */
  commit(fresh: readonly CodeEntry[]): void {
    const ordered = [...fresh].sort((a, b) => a.code.length - b.code.length);
    const touched = new Set<CodeNode>();
    for (const entry of ordered) {
      const table = this.ensureTable(entry.kind, entry.year);
      const stored: CodeEntry = Object.freeze({ ...entry });
      const parent = entry.code.length > 3 ? table.get(entry.code.slice(0, -2)) : undefined;
      const renamed = table.get(entry.code);
      table.set(entry.code, { entry: stored, children: renamed?.children ?? [] });
      if (parent === undefined) continue;
      const at = renamed === undefined ? -1 : parent.children.indexOf(renamed.entry);
      if (at >= 0) parent.children[at] = stored;
      else {
        parent.children.push(stored);
        touched.add(parent);
      }
    }
    for (const node of touched) node.children.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  private ensureTable(kind: CodeKind, year: number): Map<string, CodeNode> {
    let kinds = this.byYear.get(year);
    if (kinds === undefined) {
      kinds = new Map();
      this.byYear.set(year, kinds);
    }
    let table = kinds.get(kind);
    if (table === undefined) {
      table = new Map();
      kinds.set(kind, table);
    }
    return table;
  }
}
