import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findMissingExamples, formatMissing, packageEntries } from "./check-examples.mjs";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = "/**\n * Documented.\n *\n * @example\n * ```ts\n * use();\n * ```\n */\n";
const BARE = "/** Documented, but with no example. */\n";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository with one package `@demo/ledger`, its files written as given (paths under the package). */
function repo(files: Readonly<Record<string, string>>, exportsMap?: unknown): string {
  const root = mkdtempSync(join(tmpdir(), "check-examples-"));
  roots.push(root);
  const pkg = join(root, "packages", "ledger");
  const manifest = { name: "@demo/ledger", ...(exportsMap === undefined ? {} : { exports: exportsMap }) };
  for (const [path, text] of Object.entries({ "package.json": JSON.stringify(manifest), ...files })) {
    mkdirSync(dirname(join(pkg, path)), { recursive: true });
    writeFileSync(join(pkg, path), text);
  }
  return root;
}

const names = (root: string): string[] => findMissingExamples(root).map((m) => `${m.kind} ${m.name}`);

describe("check-examples: every public export carries an @example", () => {
  it("passes on this repository: every package's public entries are documented with examples", () => {
    const missing = findMissingExamples(REPO);
    expect(missing.map(formatMissing)).toEqual([]);
    // It did look: the entries of every package, core's `./testing` among them.
    expect(packageEntries(REPO).map((e) => `${e.pkg} ${e.subpath}`)).toContain("@jincai/core ./testing");
  });

  it("names each export without an example, following every kind of re-export to its declaration", () => {
    const root = repo({
      "src/index.ts": [
        'export { reserve, release } from "./reserve";',
        'export type { Quota } from "./quota";',
        'export * from "./controls";',
        'import { QUOTA_BOOK } from "./book";',
        "export { QUOTA_BOOK };",
        'export { Code as LedgerCode } from "./code";',
        'export { type Side } from "./side";',
      ].join("\n"),
      "src/reserve.ts": `${EXAMPLE}export function reserve(): void {}\n${BARE}export function release(): void {}\n`,
      "src/quota.ts": `${BARE}export interface Quota { readonly id: string }\n`,
      "src/controls.ts": `${BARE}export class Control {}\n${EXAMPLE}export enum Policy { Absolute }\n${BARE}export enum Severity { Info }\n`,
      "src/book.ts": `${BARE}export const QUOTA_BOOK = "quota";\n`,
      // The const has its example, the type of the same name not: typedoc shows them apart.
      "src/code.ts": `${EXAMPLE}export const Code = { A: "A" } as const;\n${BARE}export type Code = (typeof Code)[keyof typeof Code];\n`,
      "src/side.ts": `${EXAMPLE}export type Side = "debit" | "credit";\n`,
    });
    expect(names(root)).toEqual([
      "function release",
      "interface Quota",
      "variable QUOTA_BOOK",
      "type LedgerCode",
      "class Control",
      "enum Severity",
    ]);
  });

  it("says where the declaration is and which entry exports it", () => {
    const root = repo({ "src/index.ts": 'export { release } from "./release";\n', "src/release.ts": `\n${BARE}export function release(): void {}\n` });
    expect(findMissingExamples(root).map(formatMissing)).toEqual([
      "packages/ledger/src/release.ts:3:1: function release (exported by @demo/ledger) has no @example",
    ]);
  });

  it("checks every entry of package.json exports, not only the index", () => {
    const root = repo(
      {
        "src/index.ts": `${EXAMPLE}export function reserve(): void {}\n`,
        "src/testing/index.ts": 'export { seedLedger } from "./seed";\n',
        "src/testing/seed.ts": `${BARE}export function seedLedger(): void {}\n`,
      },
      {
        ".": { "@jincai/source": "./src/index.ts" },
        "./testing": { "@jincai/source": "./src/testing/index.ts" },
        "./package.json": "./package.json", // data: nothing to check
      },
    );
    expect(findMissingExamples(root).map(formatMissing)).toEqual([
      "packages/ledger/src/testing/seed.ts:2:1: function seedLedger (exported by @demo/ledger/testing) has no @example",
    ]);
  });

  it("fails on an export it cannot follow to a declaration of the package (a third-party re-export)", () => {
    const root = repo({ "src/index.ts": 'export { Decimal } from "decimal.js";\n' });
    expect(names(root)).toEqual(["unresolved Decimal"]);
  });

  it("refuses an exports entry with no TypeScript source to check", () => {
    const root = repo({ "src/index.ts": "" }, { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" }, "./cli": "./dist/cli.js" });
    expect(() => findMissingExamples(root)).toThrow('packages/ledger/package.json: export "./cli" has no TypeScript source to check');
  });

  it("passes once each export has its example", () => {
    const root = repo({
      "src/index.ts": 'export * from "./quota";\n',
      "src/quota.ts": `${EXAMPLE}export interface Quota { readonly id: string }\n${EXAMPLE}export const QUOTA_BOOK = "quota";\n`,
    });
    expect(findMissingExamples(root)).toEqual([]);
  });
});
