/**
 * `jincai import agencies|codes|quotas|payments|adjustments <file...>`: streams CSV files or
 * `.xlsx` workbooks into the store, one transaction per file, with every bad row reported as
 * `file:line:column CODE message`. `--dry-run` checks all the files in one transaction, each in
 * a savepoint (a file that fails is undone alone, as a real import would leave it out), and rolls
 * the transaction back: later files see the earlier ones that passed.
 */
import { open, readFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import {
  JincaiError,
  adjustmentRowSchema,
  amountUnitShift,
  agencyRowSchema,
  codeRowSchema,
  createQuarantineWriter,
  formatFen,
  formatIssue,
  parseImportMapping,
  paymentRowSchema,
  quotaRowSchema,
  showInvisible,
} from "@jincai/core";
import type { ImportEncoding, ImportIssue, ImportMapping, RowSchema, StoreTx } from "@jincai/core";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { cliActor } from "../cli-actor";
import type { CliContext } from "../cli-context";
import type { JincaiConfig } from "../config";
import { EXIT } from "../exit-codes";
import { assertFiles, fileError } from "../file-error";
import { adjustmentImporter } from "../import/adjustment-importer";
import { keepEarlierQuarantine } from "../import/keep-earlier-quarantine";
import { agencyImporter, codeImporter } from "../import/reference-importers";
import { paymentImporter } from "../import/payment-importer";
import { quotaImporter } from "../import/quota-importer";
import { fileKind } from "../import/sheet-records";
import type { Importer } from "../import/row-outcome";
import { type ImportReport, runImport } from "../import/run-import";
import { assertOutputPaths, keptFiles } from "../output-guard";
import { controlReport, controlsBefore } from "../control-report";
import type { ControlReportLine } from "../control-report";
import { syncControls } from "../sync-controls";
import { withStore } from "../with-store";

type Prepare = (tx: StoreTx, config: JincaiConfig) => Promise<Importer<unknown>>;
/**
 * Each import kind's rows and importer; agencies and codes come in one batch (up to 100,000), so
 * a child may precede its parent.
 */
const KINDS: Readonly<Record<string, { schema: RowSchema<unknown>; prepare: Prepare; batchRows?: number }>> = {
  agencies: { schema: agencyRowSchema as RowSchema<unknown>, prepare: agencyImporter as Prepare, batchRows: 100_000 },
  codes: { schema: codeRowSchema as RowSchema<unknown>, prepare: codeImporter as Prepare, batchRows: 100_000 },
  quotas: { schema: quotaRowSchema as RowSchema<unknown>, prepare: quotaImporter as Prepare },
  payments: { schema: paymentRowSchema as RowSchema<unknown>, prepare: paymentImporter as Prepare },
  adjustments: { schema: adjustmentRowSchema as RowSchema<unknown>, prepare: adjustmentImporter as Prepare },
};

interface ImportOptions {
  map?: string;
  encoding?: string;
  quarantine?: string;
  json?: boolean;
  quiet?: boolean;
  shared?: boolean;
  dryRun?: boolean;
  sheet?: string;
}

/**
 * Registers `jincai import` on the program.
 *
 * @example
 * ```ts
 * registerImport(program, context);
 * ```
 */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command("import")
    .description("import CSV files or .xlsx workbooks: agencies, codes, quotas (指标), payments (支付) or quota adjustments (调剂, 收回)")
    .argument("<kind>", Object.keys(KINDS).join("|"))
    .argument("<files...>", "CSV files (UTF-8 with or without BOM, or GB18030) or .xlsx workbooks")
    .option("--map <file>", "JSON mapping of other headers, constants and value translations")
    .option("--encoding <encoding>", "force utf-8 or gb18030 instead of detecting it (CSV files)")
    .option("--sheet <name|number>", "the worksheet of an .xlsx workbook to read (default: the first)")
    .option("--quarantine <out.csv>", "commit the good rows; write the rejected ones here with a reason column (several input files: out.<input>.csv each)")
    .option("--dry-run", "check every row against the database as a real import would, then roll back: nothing is written (exit codes as for a real import)")
    .option("--json", "report issues and the summary as JSON lines")
    .option("--quiet", "no progress bar, no closing line and no control notices: only problems (row issues, controls past a limit or threshold)")
    .option("--shared", "keep a SQLite file open to other jincai commands during the import (write-ahead log; slower for large files)")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai import agencies examples/city/agencies.csv\n  $ jincai import quotas examples/city/quotas.csv\n  $ jincai import payments examples/city/payments.csv --quarantine rejected.csv\n  $ jincai import payments export.csv --map mapping.json --encoding gb18030\n  $ jincai import payments 支付明细.xlsx --sheet 支付\n  $ jincai import adjustments examples/city/adjustments.csv\n  $ jincai import payments today.csv --shared\n  $ jincai import payments today.csv --dry-run --json\n\nBy default an import of a SQLite file that no other process has open writes through a rollback\njournal (each new page written once): other jincai commands on it stop with STORE_BULK_LOAD_BUSY\nuntil it ends. --shared keeps the write-ahead log, so summary and verify can read the last commit\nwhile the import runs.\n\nA dry run checks the files in order as a real import would, each against the database and the\nfiles before it that passed (a file with bad rows is left out, as a real import would leave it),\nthen rolls everything back. --quarantine still writes the rows that would be rejected.\n\nAmounts are read in 元, or in the unit the file states: a note above the header (单位：万元)\nor the amount's header (金额（万元）); a mapping's \"units\": { \"amount\": \"万元\" } for files that\nstate none.`,
    )
    .action(async (kind: string, files: string[], opts: ImportOptions) => {
      const spec = KINDS[kind];
      if (!spec) throw new JincaiError("CLI_USAGE", `import: unknown kind "${kind}" (use ${Object.keys(KINDS).join(", ")})`);
      if (opts.encoding !== undefined && !["utf-8", "utf8", "gb18030", "gbk"].includes(opts.encoding.toLowerCase())) {
        throw new JincaiError("CLI_USAGE", "--encoding: use utf-8 or gb18030");
      }
      const encoding: ImportEncoding | undefined =
        opts.encoding === undefined ? undefined : opts.encoding.toLowerCase().startsWith("utf") ? "utf-8" : "gb18030";
      await assertFiles([...files, ...(opts.map ? [opts.map] : [])].map((f) => resolve(ctx.cwd, f)), [...files, ...(opts.map ? [opts.map] : [])]);
      if (opts.sheet !== undefined && !(await Promise.all(files.map((f) => fileKind(resolve(ctx.cwd, f))))).includes("xlsx")) {
        throw new JincaiError("CLI_USAGE", `--sheet reads a worksheet of an .xlsx workbook, and ${files.length === 1 ? `${files[0]} is not one` : "none of the files is one"}`);
      }
      const mapping: ImportMapping | undefined = opts.map ? parseImportMapping(await readFile(resolve(ctx.cwd, opts.map), "utf8")) : undefined;
      const reports = await withStore(ctx, async (store, config) => {
        const outPaths = opts.quarantine === undefined ? undefined : quarantinePaths(resolve(ctx.cwd, opts.quarantine), files);
        if (outPaths !== undefined) {
          const inputs = [...files.map((file) => ({ file, what: "the input file" })), ...(opts.map ? [{ file: opts.map, what: "the mapping file" }] : [])];
          await assertOutputPaths("--quarantine", outPaths.map((path) => ({ path, shown: relative(ctx.cwd, path) || path })), keptFiles(ctx, config, inputs));
        }
        const importAll = async (target: StoreTx): Promise<FileReport[]> => {
          // Every control defined or changed is said, with --json too (a pipeline keeps the record).
          // Said as each is made: one defined before another is refused stays defined.
          if (kind === "payments") {
            await syncControls(target, config, undefined, (notice) => {
              // A control's id or matchers come from the settings: their invisible characters are shown.
              const shown = { ...notice, message: showInvisible(notice.message) };
              if (opts.json === true) ctx.out(JSON.stringify({ control: shown }));
              else if (opts.quiet !== true) ctx.out(shown.message);
            });
          }
          const before = kind === "payments" ? await controlsBefore(target) : undefined;
          const out: FileReport[] = [];
          for (const [i, file] of files.entries()) {
            out.push(await importFile(ctx, target, config, kind, spec, file, opts, encoding, mapping, outPaths?.[i]));
          }
          // How the controls stand after every file, said once (read before a dry run rolls back).
          if (before !== undefined) printControlReport(ctx, await controlReport(target, before, { dryRun: opts.dryRun === true }), opts);
          return out;
        };
        if (opts.dryRun !== true) return importAll(store);
        // One transaction for the whole dry run, controls included, rolled back at the end.
        let out: FileReport[] = [];
        await store.transaction(async (tx) => {
          out = await importAll(tx);
          throw new DryRunOver();
        }).catch((error: unknown) => {
          if (!(error instanceof DryRunOver)) throw error;
        });
        return out;
      }, { bulkLoad: opts.shared !== true });
      const inputErrors = reports.some((r) => r.inputErrors);
      const rejected = reports.some((r) => r.rejected > 0);
      ctx.exitCode = inputErrors ? EXIT.usage : rejected ? EXIT.rules : EXIT.ok;
    });
}

/**
 * The closing report on the controls, after the files' closing lines: every line as JSON with
 * `--json`; with `--quiet` only the problems (a control past its advisory limit, a threshold
 * reached), not one brought back within its limit.
 */
function printControlReport(ctx: CliContext, lines: readonly ControlReportLine[], opts: ImportOptions): void {
  for (const line of lines) {
    // A control's id comes from the settings: its invisible characters are shown.
    const shown = { ...line, message: showInvisible(line.message) };
    if (opts.json === true) ctx.out(JSON.stringify({ control: shown }));
    else if (opts.quiet !== true || line.status !== "within-limit") ctx.out(shown.message);
  }
}

/** Ends a dry run's transaction: everything it did is rolled back. */
class DryRunOver extends Error {}

/** A file's report, and whether any of its errors was in the input itself (exit 2, not 1). */
type FileReport = ImportReport & { readonly inputErrors: boolean };

async function importFile(
  ctx: CliContext,
  target: StoreTx,
  config: JincaiConfig,
  kind: string,
  spec: { schema: RowSchema<unknown>; prepare: Prepare; batchRows?: number },
  file: string,
  opts: ImportOptions,
  encoding: ImportEncoding | undefined,
  mapping: ImportMapping | undefined,
  outPath: string | undefined,
): Promise<FileReport> {
  // Opened before the import, so a bad path stops it before anything is written; each write is
  // awaited inside the file's transaction, so a failed write rolls the file back: no rejected
  // row is lost while the good ones commit.
  // Rows an earlier import set aside there (yesterday's, not fixed yet) are kept, not emptied.
  const earlier = outPath === undefined ? undefined : await keepEarlierQuarantine(outPath).catch((error: unknown) => {
    throw fileError(error, outPath) ?? error;
  });
  if (earlier !== undefined && outPath !== undefined) {
    const [from, to] = [relative(ctx.cwd, outPath) || outPath, relative(ctx.cwd, earlier) || earlier];
    if (opts.json === true) ctx.out(JSON.stringify({ quarantine: { file: from, earlierKeptAs: to } }));
    else if (opts.quiet !== true) ctx.out(`${from} already held rows set aside before: kept as ${to}`);
  }
  const quarantineFile = outPath ? await open(outPath, "w") : undefined;
  // The file starts with a BOM: Excel, where a clerk fixes the rows, reads UTF-8 CSV as the
  // system's code page (GBK on a Chinese Windows) without one. The import reads it either way.
  let bom = "\uFEFF";
  const quarantine = quarantineFile
    ? createQuarantineWriter(async (text) => {
        try {
          await quarantineFile.write(bom + text);
          bom = "";
        } catch (error) {
          throw fileError(error, outPath) ?? error;
        }
      })
    : undefined;
  const bar = ctx.isTTY && !opts.quiet && !opts.json ? new SingleBar({
    // The ETA is the file's own (bytes left at the rate so far), so it survives the bar being
    // taken down and drawn again for issues.
    format: `${file} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {left}`,
    stream: process.stderr,
    // Stopping clears the bar's line, so issues printed meanwhile take its place (see onIssues).
    clearOnComplete: true,
  }) : undefined;
  const shown = { percent: 0, rows: 0, speed: 0, eta: "…" };
  const started = performance.now();
  bar?.start(100, 0, { rows: 0, speed: 0, left: shown.eta });
  // Each batch's issues are printed as soon as it is checked, not kept: a file of a million bad
  // rows then takes no more memory than a good one. A progress bar is taken down for them and
  // drawn again below them.
  let inputErrors = false;
  const errorCodes = new Map<string, number>();
  const onIssues = (issues: readonly ImportIssue[]): void => {
    bar?.stop();
    // One write per batch: stderr is written synchronously, a system call per line otherwise.
    const lines = new Array<string>(issues.length);
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i]!;
      if (issue.severity === "error") {
        if (issue.code.startsWith("IMPORT_")) inputErrors = true;
        errorCodes.set(issue.code, (errorCodes.get(issue.code) ?? 0) + 1);
      }
      // JSON keeps the cell's `value` exact; its message, like the text line, shows invisible characters.
      lines[i] = opts.json ? JSON.stringify({ ...issue, message: showInvisible(issue.message) }) : formatIssue(issue);
    }
    ctx.err(lines.join("\n"));
    bar?.start(100, shown.percent, { rows: shown.rows, speed: shown.speed, left: shown.eta });
  };
  try {
    const report = await runImport(target, {
      kind, path: resolve(ctx.cwd, file), file, schema: spec.schema, prepare: spec.prepare, config,
      ...(spec.batchRows !== undefined ? { batchRows: spec.batchRows } : {}),
      actor: cliActor(),
      dryRun: opts.dryRun === true,
      onIssues,
      ...(encoding ? { encoding } : {}),
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      ...(mapping ? { mapping } : {}),
      ...(quarantine ? { quarantine: (header: readonly string[], rows: Parameters<typeof quarantine.add>[0], notes: readonly string[]) => quarantine.add(rows, header, notes) } : {}),
      onProgress: (bytes, size, rows) => {
        const seconds = (performance.now() - started) / 1000;
        shown.percent = size === 0 ? 100 : Math.floor((bytes * 100) / size);
        shown.rows = rows;
        shown.speed = Math.round(rows / Math.max(seconds, 0.001));
        shown.eta = bytes > 0 ? formatEta(((size - bytes) * seconds) / bytes) : "…";
        bar?.update(shown.percent, { rows: shown.rows, speed: shown.speed, left: shown.eta });
      },
    });
    bar?.stop();
    printReport(ctx, report, opts, errorCodes);
    return { ...report, inputErrors };
  } finally {
    bar?.stop();
    await quarantineFile?.close();
  }
}

/**
 * Where the rejected rows of each file go: the `--quarantine` path itself for a single input
 * file; with several, one file each beside it, named after the input (`rejected.csv` and inputs
 * `day1.csv`, `day2.csv` → `rejected.day1.csv`, `rejected.day2.csv`), since their headers may
 * differ. Inputs of the same name (`march/支付.csv`, `april/支付.csv`) are numbered in order
 * (`rejected.支付.csv`, `rejected.支付-2.csv`): none overwrites another's rejected rows.
 */
function quarantinePaths(out: string, files: readonly string[]): string[] {
  if (files.length === 1) return [out];
  const ext = extname(out) || ".csv";
  const seen = new Map<string, number>();
  return files.map((file) => {
    const name = basename(file, extname(file));
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return join(dirname(out), `${basename(out, extname(out))}.${name}${n > 1 ? `-${n}` : ""}${ext}`);
  });
}

/**
 * Seconds left as the bar shows them: `42s`, `3m05s`, `1h02m`.
 *
 * @example
 * ```ts
 * formatEta(185.2); // "3m05s"
 * ```
 */
function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Errors past which the closing line is followed by their count per code (they no longer fit a screen). */
const TALLY_FROM = 21;

/**
 * The closing line of a file (its issues were printed as they came); after many errors, their
 * count per code, most frequent first, so a flood of one mistake (last year's file, a wrong
 * mapping) reads at a glance. JSON carries the counts whenever there are errors.
 */
function printReport(ctx: CliContext, r: ImportReport, opts: ImportOptions, errorCodes: ReadonlyMap<string, number>): void {
  const byCode = [...errorCodes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const summary = {
    file: r.file, rowsRead: r.rowsRead, applied: r.applied, rejected: r.rejected, duplicates: r.duplicates, committed: r.committed,
    ...(r.heldBack > 0 ? { heldBack: r.heldBack } : {}),
    ...(r.dryRun ? { dryRun: true, passed: r.passed } : {}), seconds: Number(r.seconds.toFixed(3)),
    ...(byCode.length > 0 ? { errorsByCode: Object.fromEntries(byCode) } : {}),
    ...(r.amountUnit === undefined ? {} : { amountUnit: r.amountUnit }),
  };
  if (opts.json) {
    ctx.out(JSON.stringify({ summary }));
    return;
  }
  if (opts.quiet) return;
  const unit = r.amountUnit;
  if (unit !== undefined && unit.unit !== "元") {
    const why = unit.from === "mapping" ? "the mapping's units" : `${r.file}:${unit.line}:${unit.column} "${unit.text}"`;
    ctx.out(`${r.file}: amounts read in ${unit.unit} (${why}): 1 ${unit.unit} = ${formatFen(10n ** BigInt(amountUnitShift(unit.unit)) * 100n)} 元`);
  }
  printClosingLine(ctx, r);
  const errors = byCode.reduce((n, [, count]) => n + count, 0);
  if (errors >= TALLY_FROM) ctx.out(`${r.file}: ${errors} errors by code: ${byCode.map(([code, count]) => `${code} ${count}`).join(", ")}`);
}

/** Why a file stopped as a whole was not imported: no row of it could be trusted. */
const STOPPED = "the file itself could not be read: see the error above; --quarantine cannot set its rows aside";

/** Says how many good rows wait for the file's bad ones, so the closing line's counts add up. */
const heldBackNote = (r: ImportReport): string =>
  r.heldBack === 0 ? "" : `, so its ${r.heldBack} good ${r.heldBack === 1 ? "row waits" : "rows wait"} too`;

function printClosingLine(ctx: CliContext, r: ImportReport): void {
  if (r.dryRun) {
    const verdict = r.aborted
      ? `a real import would write nothing (${STOPPED})`
      : !r.passed
      ? `a real import would write nothing (the file has bad rows${heldBackNote(r)}; fix them or use --quarantine)`
      : r.rowsRead === 0
        ? "a real import would change nothing (the file has no rows)"
      : r.applied === 0 && r.rejected === 0
        ? "a real import would change nothing (already imported)"
        : r.rejected > 0
          ? `a real import would commit the good rows and set the ${r.rejected} rejected aside`
          : "a real import would commit it";
    ctx.out(`${r.file}: ${r.rowsRead} rows read, ${r.applied} would apply, ${r.rejected} rejected, ${r.duplicates} duplicates in ${r.seconds.toFixed(2)} s; dry run, nothing written: ${verdict}`);
    return;
  }
  const verdict = r.aborted
    ? `nothing written (${STOPPED})`
    : !r.committed
    ? `nothing written (the file has bad rows${heldBackNote(r)}; fix them or use --quarantine)`
    : r.rowsRead === 0
      ? "nothing changed (the file has no rows)"
    : r.applied === 0 && r.rejected === 0
      ? "nothing changed (already imported)"
      : r.applied === 0
        ? `nothing applied (the ${r.rejected} rejected ${r.rejected === 1 ? "row was" : "rows were"} set aside)`
        : "committed";
  ctx.out(`${r.file}: ${r.rowsRead} rows read, ${r.applied} applied, ${r.rejected} rejected, ${r.duplicates} duplicates skipped in ${r.seconds.toFixed(2)} s; ${verdict}`);
}
