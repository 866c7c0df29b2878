/**
 * For the CLI end-to-end tests: runs the built `jincai` binary (dist/bin.js) with node in a
 * working directory of the test's own, with `JINCAI_PG_URL` removed from the environment unless
 * the test passes one, and captures stdout, stderr and the exit status.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/** The built binary the tests run. */
export const JINCAI_BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** The repository's sample city (agencies.csv, quotas.csv, payments.csv, bad-payments.csv). */
export const CITY_DIR = fileURLToPath(new URL("../../../../examples/city/", import.meta.url));

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** What one run of `jincai` printed and how it ended. */
export interface JincaiRun {
  /** Exit status (null when killed by a signal). */
  readonly code: number | null;
  /** The signal that ended the process, if any. */
  readonly signal: NodeJS.Signals | null;
  /** Everything written to stdout. */
  readonly stdout: string;
  /** Everything written to stderr. */
  readonly stderr: string;
}

/** Options of {@link runJincai} and {@link spawnJincai}. */
export interface RunOptions {
  /** Set `JINCAI_PG_URL` for this run (removed otherwise). */
  readonly pgUrl?: string;
  /** Set `JINCAI_READ_THREAD` for this run (removed otherwise): read CSV files on a worker thread or not. */
  readonly readThread?: "always" | "never";
}

function binOrThrow(): string {
  if (!existsSync(JINCAI_BIN)) {
    throw new Error(
      `${JINCAI_BIN} is missing: build the CLI first (npm test does; or run \`npx turbo run build --filter=@jincai/cli...\`)`,
    );
  }
  return JINCAI_BIN;
}

function childEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["JINCAI_PG_URL"];
  delete env["JINCAI_READ_THREAD"];
  if (options.pgUrl !== undefined) env["JINCAI_PG_URL"] = options.pgUrl;
  if (options.readThread !== undefined) env["JINCAI_READ_THREAD"] = options.readThread;
  return env;
}

/**
 * Starts `jincai args...` in `cwd` without waiting; {@link collect} waits for it.
 *
 * @example
 * ```ts
 * const child = spawnJincai(dir, ["import", "payments", "payments.csv"]);
 * child.kill("SIGKILL");
 * ```
 */
export function spawnJincai(cwd: string, args: readonly string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [binOrThrow(), ...args], { cwd, env: childEnv(options), stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Waits for a spawned process and returns what it printed.
 *
 * @example
 * ```ts
 * const run = await collect(spawnJincai(dir, ["verify"]));
 * ```
 */
export function collect(child: ChildProcess): Promise<JincaiRun> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/**
 * Runs `jincai args...` in `cwd` to completion.
 *
 * @throws {Error} when dist/bin.js has not been built
 * @example
 * ```ts
 * const { code, stderr } = await runJincai(dir, ["import", "payments", "bad.csv"]);
 * ```
 */
export function runJincai(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<JincaiRun> {
  return collect(spawnJincai(cwd, args, options));
}

/**
 * Makes a fresh temporary working directory; `cleanup` removes it.
 *
 * @example
 * ```ts
 * const dir = await tempDir();
 * ```
 */
export async function tempDir(): Promise<string> {
  binOrThrow();
  return mkdtemp(join(tmpdir(), "jincai-e2e-"));
}

/**
 * Removes a directory made by {@link tempDir}.
 *
 * @example
 * ```ts
 * await cleanup(dir);
 * ```
 */
export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Writes files (name → text or bytes, a name may hold subfolders) into `dir`.
 *
 * @example
 * ```ts
 * await writeFiles(dir, { "agencies.csv": AGENCIES_CSV });
 * ```
 */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

/** The header of the sample city's payment files (amount is column 11, status 13, refund date 14). */
export const CITY_PAYMENT_HEADER = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,用途,状态,退票日期";

/** The header of the sample city's quota file (amount is column 11). */
export const CITY_QUOTA_HEADER = "指标编号,指标文号,指标来源,年度,单位编码,资金性质,功能科目,经济科目,项目编码,支付方式,金额,是否可执行";

/**
 * Writes a CSV file of a header and rows into `dir`.
 *
 * @example
 * ```ts
 * await writeCsv(dir, "late.csv", CITY_PAYMENT_HEADER, ["LATE001,2026-01-20,…"]);
 * ```
 */
export async function writeCsv(dir: string, name: string, header: string, rows: readonly string[]): Promise<void> {
  await writeFile(join(dir, name), `${header}\n${rows.join("\n")}\n`);
}

/** The header of the small payment files (amount is column 11). */
export const PAYMENT_HEADER = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额";

/**
 * One payment line of {@link PAYMENT_HEADER} for agency 101001, function 2010301, project JB0000.
 *
 * @example
 * ```ts
 * payment("P9", "ZB1", "30101", "10.00"); // "P9,2026-03-09,ZB1,101001,111,2010301,30101,JB0000,…,10.00"
 * ```
 */
export function payment(id: string, quota: string, economicCode: string, amount: string, date = "2026-03-09"): string {
  return `${id},${date},${quota},101001,111,2010301,${economicCode},JB0000,青川办公用品有限公司,6222000000000009,${amount}`;
}

/** Small fixtures: two agencies, three quota lines of 101001 (two in economic 类 302), payments. */
export const SMALL = {
  agencies: "单位编码,单位名称,上级单位,单位类型\n101,青川市人民政府办公室,,行政\n101001,市政府办公室本级,101,行政\n",
  quotas:
    "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,项目编码,金额\n" +
    "ZB1,青财预〔2026〕1号,2026,101001,111,2010301,30101,JB0000,10000.00\n" +
    "ZB2,青财预〔2026〕1号,2026,101001,111,2010301,30201,JB0000,5000.00\n" +
    "ZB3,青财预〔2026〕2号,2026,101001,111,2010301,30205,JB0000,3000.00\n",
  payments:
    `${PAYMENT_HEADER}\n` +
    "P1,2026-03-01,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000001,1200.00\n" +
    "P2,2026-03-02,ZB2,101001,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000001,800.50\n" +
    "P3,2026-03-03,ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,300.00\n",
} as const;

/**
 * `init` plus agencies and quotas of {@link SMALL} in `dir` (SQLite unless `initArgs` say otherwise).
 *
 * @example
 * ```ts
 * await setupSmall(dir);
 * ```
 */
export async function setupSmall(dir: string, initArgs: readonly string[] = []): Promise<void> {
  await writeFiles(dir, { "agencies.csv": SMALL.agencies, "quotas.csv": SMALL.quotas, "payments.csv": SMALL.payments });
  for (const args of [
    ["init", "--year", "2026", "--division", "990100", ...initArgs],
    ["import", "agencies", "agencies.csv"],
    ["import", "quotas", "quotas.csv"],
  ]) {
    const run = await runJincai(dir, args);
    if (run.code !== 0) throw new Error(`jincai ${args.join(" ")} exited ${run.code}: ${run.stderr}`);
  }
}

/**
 * Copies a working directory made by {@link setupSmall} (config, SQLite file, fixtures) into
 * `dir`: a file's tests set the small database up once and start each test from a copy.
 *
 * @example
 * ```ts
 * await copyDir(template, dir);
 * ```
 */
export async function copyDir(from: string, dir: string): Promise<void> {
  await cp(from, dir, { recursive: true });
}

/** One row of `summary --format json`. */
export interface SummaryRow {
  /** Grouping keys and amounts (yuan text). */
  readonly [key: string]: string | number;
}

/**
 * Runs `summary --format json` (extra args appended) and parses it.
 *
 * @example
 * ```ts
 * const rows = await summaryJson(dir);
 * ```
 */
export async function summaryJson(dir: string, args: readonly string[] = []): Promise<SummaryRow[]> {
  const run = await runJincai(dir, ["summary", "--format", "json", ...args]);
  if (run.code !== 0) throw new Error(`summary exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as SummaryRow[];
}

/**
 * Sums one amount column of summary rows, in fen.
 *
 * @example
 * ```ts
 * totalFen(await summaryJson(dir), "paid"); // 230050n
 * ```
 */
export function totalFen(rows: readonly SummaryRow[], column: string): bigint {
  return rows.reduce((t, r) => t + BigInt(String(r[column]).replace(".", "")), 0n);
}

/**
 * Registers hooks giving each test of the file its own copy of a small database (set up once per
 * file with {@link setupSmall}); `db.dir` is the current test's directory.
 *
 * @example
 * ```ts
 * const db = useSmallDatabase();
 * it("imports", async () => expect((await runJincai(db.dir, ["verify"])).code).toBe(0));
 * ```
 */
export function useSmallDatabase(): { readonly dir: string } {
  let template = "";
  const state = { dir: "" };
  beforeAll(async () => {
    template = await tempDir();
    await setupSmall(template);
  });
  afterAll(() => cleanup(template));
  beforeEach(async () => {
    state.dir = await tempDir();
    await copyDir(template, state.dir);
  });
  afterEach(() => cleanup(state.dir));
  return state;
}
