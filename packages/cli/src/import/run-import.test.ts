// runImport as a library call: the unit of a file is `target.savepoint`, so a file is its own
// transaction on the store, and a savepoint inside a caller's transaction (how the CLI's dry run
// checks several files together). The CLI's behaviour is in the e2e tests.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agencyRowSchema, createMemoryStore } from "@jincai/core";
import type { ImportIssue, RowSchema, Store, StoreTx } from "@jincai/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JincaiConfig } from "../config";
import { AGENCY_COLLECTION } from "../reference-data";
import { agencyImporter } from "./reference-importers";
import { runImport } from "./run-import";
import type { RunImportOptions } from "./run-import";

const CONFIG: JincaiConfig = { store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100", controls: [] };
const HEADER = "单位编码,单位名称,上级单位,单位类型";
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "jincai-run-import-"));
  // The 主管部门 101 and one unit under it; a second file adds a unit under 101; a bad file.
  await writeFile(join(dir, "office.csv"), `${HEADER}\n101,青川市人民政府办公室,,行政\n101001,市政府办公室本级,101,行政\n`);
  await writeFile(join(dir, "more.csv"), `${HEADER}\n101002,市政府研究室,101,行政\n`);
  await writeFile(join(dir, "bad.csv"), `${HEADER}\n201,青川市教育局,,行政\n201001,,201,行政\n`);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const agencies = (target: Store | StoreTx, file: string, dryRun = false, more: Partial<RunImportOptions> = {}) =>
  runImport(target, {
    kind: "agencies", path: join(dir, file), file, schema: agencyRowSchema as RowSchema<unknown>,
    prepare: agencyImporter as RunImportOptions["prepare"], config: CONFIG, actor: "test", dryRun, ...more,
  });

async function codes(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const r of store.queryRecords(AGENCY_COLLECTION)) out.push(r.id);
  return out;
}

class DryRunOver extends Error {}

describe("runImport", () => {
  it("on the store, commits a good file as its own transaction and rolls a dry run back", async () => {
    const store = createMemoryStore();
    const dry = await agencies(store, "office.csv", true);
    expect(dry).toMatchObject({ applied: 2, passed: true, committed: false, dryRun: true });
    expect(await codes(store)).toEqual([]);
    expect(await agencies(store, "office.csv")).toMatchObject({ applied: 2, passed: true, committed: true, dryRun: false });
    expect(await codes(store)).toEqual(["101", "101001"]);
  });

  it("checks a file against the one before it in the caller's transaction, and the caller's rollback undoes both", async () => {
    const store = createMemoryStore();
    // Alone, the second file names a parent nobody has imported.
    expect((await agencies(store, "more.csv", true)).issues.map((i) => i.code)).toEqual(["ORG_PARENT_UNKNOWN"]);
    const reports = await store.transaction(async (tx) => {
      const out = [await agencies(tx, "office.csv", true), await agencies(tx, "more.csv", true)];
      expect(out.map((r) => [r.file, r.passed, r.committed])).toEqual([["office.csv", true, false], ["more.csv", true, false]]);
      throw new DryRunOver();
    }).catch((e: unknown) => (e instanceof DryRunOver ? "rolled back" : Promise.reject(e)));
    expect(reports).toBe("rolled back");
    expect(await codes(store)).toEqual([]);
  });

  it("hands each batch's issues to onIssues as it is checked, keeps none in the report, and still counts the errors", async () => {
    const store = createMemoryStore();
    const lines = [`${HEADER}`, "101,青川市人民政府办公室,,行政"];
    // 2,500 units, every one without a name: three batches of rejected rows.
    for (let i = 1; i <= 2_500; i++) lines.push(`101${String(i).padStart(4, "0")},,101,行政`);
    await writeFile(join(dir, "unnamed.csv"), `${lines.join("\n")}\n`);
    const seen: (readonly ImportIssue[])[] = [];
    const report = await agencies(store, "unnamed.csv", false, { onIssues: (issues) => seen.push(issues) });
    expect(report).toMatchObject({ rowsRead: 2_501, rejected: 2_500, errors: 2_500, passed: false, committed: false, issues: [] });
    expect(seen.map((batch) => batch.length)).toEqual([999, 1_000, 501]);
    expect(seen.flat().map((i) => i.line)).toEqual(Array.from({ length: 2_500 }, (_, k) => k + 3));
    expect(new Set(seen.flat().map((i) => i.code))).toEqual(new Set(["IMPORT_REQUIRED"]));
    expect(await codes(store)).toEqual([]);
    // Without onIssues the report holds them all.
    const kept = await agencies(store, "unnamed.csv");
    expect(kept.issues).toHaveLength(2_500);
    expect(kept.errors).toBe(2_500);
  });

  it("inside a transaction, undoes a file with a bad row alone: the files after it do not see its good rows", async () => {
    const store = createMemoryStore();
    await writeFile(join(dir, "under-201.csv"), `${HEADER}\n201002,青川市第一中学,201,事业\n`);
    await store.transaction(async (tx) => {
      const bad = await agencies(tx, "bad.csv");
      expect(bad).toMatchObject({ passed: false, committed: false, rejected: 1 });
      const next = await agencies(tx, "under-201.csv");
      expect(next.issues.map((i) => i.code)).toEqual(["ORG_PARENT_UNKNOWN"]);
      expect(await agencies(tx, "office.csv")).toMatchObject({ passed: true, committed: true });
    });
    expect(await codes(store)).toEqual(["101", "101001"]);
  });

  it("reports a batch's issues and quarantined rows in file order, whether the reader or the rules found them", async () => {
    const store = createMemoryStore();
    // Line 2 names a parent nobody has imported (the rules), line 3 has no name (the reader).
    await writeFile(join(dir, "mixed.csv"), `${HEADER}\n301001,青川市第二中学,301,事业\n301002,,301,事业\n`);
    const set: number[][] = [];
    const report = await agencies(store, "mixed.csv", false, { quarantine: async (_header, rows) => void set.push(rows.map((r) => r.line)) });
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([[2, "ORG_PARENT_UNKNOWN"], [3, "IMPORT_REQUIRED"]]);
    expect(set).toEqual([[2, 3]]);
  });
});
