#!/usr/bin/env node
// Fails, naming each one, when an exported declaration of a package's public entry has no
// `@example` in its JSDoc (the style rule "JSDoc with an example on every public export").
//
// The entries are those of every packages/*/package.json "exports" (the `@jincai/source` condition,
// else src/index.ts for "."). The TypeScript compiler follows the re-exports (`export { x } from`,
// `export type`, `export *`, `import` then `export`) to the declarations, so a name is checked where it
// is written, whatever file it lives in. Only the packages' sources are parsed and bound, with no type
// check and no third-party declarations: about 3 s, so it runs as a test (check-examples.test.ts)
// and before typedoc in `npm run docs`. Run it alone: `node scripts/check-examples.mjs`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * The source entries of the packages under `root/packages`.
 *
 * @param {string} root - The repository root.
 * @returns {{ pkg: string, subpath: string, file: string }[]}
 */
export function packageEntries(root) {
  const dir = join(root, "packages");
  const entries = [];
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    const exportsMap = typeof pkg.exports === "object" && pkg.exports !== null && !Array.isArray(pkg.exports)
      ? (Object.keys(pkg.exports).some((k) => k.startsWith(".")) ? pkg.exports : { ".": pkg.exports })
      : { ".": pkg.exports };
    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (subpath.endsWith(".json")) continue; // `"./package.json"`: data, no declarations
      const source = typeof target === "object" && target !== null ? target["@jincai/source"] : undefined;
      const file = join(dir, name, typeof source === "string" ? source : subpath === "." ? "src/index.ts" : "");
      if (!file.endsWith(".ts") || !existsSync(file)) {
        throw new Error(`${relative(root, manifest)}: export "${subpath}" has no TypeScript source to check (an "@jincai/source" condition)`);
      }
      entries.push({ pkg: pkg.name ?? name, subpath, file });
    }
  }
  return entries;
}

const KINDS = [
  [ts.SyntaxKind.FunctionDeclaration, "function"],
  [ts.SyntaxKind.ClassDeclaration, "class"],
  [ts.SyntaxKind.InterfaceDeclaration, "interface"],
  [ts.SyntaxKind.TypeAliasDeclaration, "type"],
  [ts.SyntaxKind.EnumDeclaration, "enum"],
  [ts.SyntaxKind.VariableDeclaration, "variable"],
  [ts.SyntaxKind.ModuleDeclaration, "namespace"],
];
const kindOf = (node) => KINDS.find(([k]) => k === node.kind)?.[1];
const hasExample = (node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === "example");

/**
 * The exported declarations of the entries that lack an `@example`, in entry order.
 *
 * @param {string} root - The repository root.
 * @param {{ pkg: string, subpath: string, file: string }[]} [entries] - Defaults to {@link packageEntries}.
 * @returns {{ pkg: string, subpath: string, name: string, kind: string, where: string }[]}
 */
export function findMissingExamples(root, entries = packageEntries(root)) {
  // No lib, no @types and no third-party declarations (each stands in as an empty module): the
  // exports lead to the packages' own sources, and parsing the rest would be most of the time.
  const options = {
    noLib: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ["@jincai/source"],
    resolveJsonModule: true,
  };
  const host = ts.createCompilerHost(options, true);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) =>
    /[\\/]node_modules[\\/]/.test(fileName) ? ts.createSourceFile(fileName, "export {};", language) : readSource(fileName, language, onError, shouldCreate);
  const program = ts.createProgram({ rootNames: entries.map((e) => e.file), options, host });
  const checker = program.getTypeChecker();
  const missing = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry.file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue; // an entry with no exports at all
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter(kindOf);
      if (declarations.length === 0) {
        // Re-exported from a third-party module (or unresolvable): it has no JSDoc here to hold an
        // example, so it fails too; export a documented declaration of the package instead.
        missing.push({ pkg: entry.pkg, subpath: entry.subpath, name: exported.name, kind: "unresolved", where: relative(root, entry.file) });
        continue;
      }
      // A type alias beside a value of the same name (`const Code = {…}; type Code = …`) is documented
      // apart from it, so each needs its own example; overloads and merged interfaces share one.
      const aliases = declarations.filter((d) => kindOf(d) === "type");
      const groups = aliases.length > 0 && aliases.length < declarations.length
        ? [declarations.filter((d) => kindOf(d) !== "type"), aliases]
        : [declarations];
      for (const group of groups) {
        if (group.some(hasExample)) continue;
        const first = group[0];
        const file = first.getSourceFile();
        const { line, character } = file.getLineAndCharacterOfPosition(first.getStart());
        missing.push({
          pkg: entry.pkg,
          subpath: entry.subpath,
          name: exported.name,
          kind: kindOf(first),
          where: `${relative(root, file.fileName)}:${line + 1}:${character + 1}`,
        });
      }
    }
  }
  return missing;
}

/**
 * One line of the report: where the declaration is, what it is, and which entry exports it.
 *
 * @param {{ pkg: string, subpath: string, name: string, kind: string, where: string }} m - From {@link findMissingExamples}.
 * @returns {string}
 */
export function formatMissing(m) {
  const entry = m.subpath === "." ? m.pkg : `${m.pkg}/${m.subpath.slice(2)}`;
  return m.kind === "unresolved"
    ? `${m.where}: ${m.name} (exported by ${entry}) leads to no declaration of the package, so it has no JSDoc for an @example`
    : `${m.where}: ${m.kind} ${m.name} (exported by ${entry}) has no @example`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const missing = findMissingExamples(root);
  for (const m of missing) console.error(formatMissing(m));
  if (missing.length > 0) {
    console.error(`${missing.length} public export(s) without an @example: add one to each JSDoc (the style guide's rule).`);
    process.exit(1);
  }
  console.log("check-examples: every public export has an @example");
}
