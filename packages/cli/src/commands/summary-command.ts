/**
 * `jincai summary`: quota, reserved, paid, frozen, available, non-executable and execution rate
 * grouped by dimension. 可用 (available) is what can still be paid: what is left on a quota line
 * that is not executable (是否可执行 = 否) is shown apart as 不可执行, so every row and the total
 * reconcile: quota = reserved + paid + frozen + available + non-executable (without --period).
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { JincaiError, amountUnitDecimals, amountUnitNames, findAmountUnit, formatFen, formatInUnit } from "@jincai/core";
import type { AmountUnit } from "@jincai/core";
import { executionRate, executionSummary } from "@jincai/budget";
import type { ExecutionSummaryRow } from "@jincai/budget";
import type { Command } from "commander";
import type { CliContext } from "../cli-context";
import { fileError } from "../file-error";
import { csvLine } from "../render/csv-line";
import { summaryWorkbook } from "../render/summary-workbook";
import { renderTable } from "../render/table";
import { periodArgument } from "../period-argument";
import { summaryFormat } from "../summary-format";
import { assertOutputPaths, keptFiles } from "../output-guard";
import { DEPARTMENT, rollUpDepartments, summaryGroupBy } from "../department-rollup";
import { loadReferenceData } from "../reference-data";
import { NAMED_DIMENSIONS, summaryNames } from "../summary-names";
import type { SummaryNameOf } from "../summary-names";
import { withStore } from "../with-store";

/** `--by` names and the dimension keys they group by. */
const BY: Readonly<Record<string, string>> = {
  department: DEPARTMENT,
  agency: "agency",
  function: "functionCode",
  economic: "economicCode",
  fund: "fundType",
  project: "project",
  month: "month",
};
const TITLES: Readonly<Record<string, string>> = {
  [DEPARTMENT]: "主管部门 department",
  agency: "单位 agency",
  functionCode: "功能科目 function",
  economicCode: "经济科目 economic",
  fundType: "资金性质 fund",
  project: "项目 project",
  month: "月份 month",
};
const LEVELS: Readonly<Record<string, number>> = { 类: 3, 款: 5, 项: 7, class: 3, section: 5, item: 7 };

interface SummaryOptions {
  by?: string[];
  level?: string;
  period?: string;
  format?: string;
  output?: string;
  unit: string;
}

/** Amount text in the unit asked for: exact 元, or rounded 四舍五入 to 0.01 of a larger unit. */
type Show = (fen: bigint, grouping?: boolean) => string;

/**
 * Registers `jincai summary` on the program.
 *
 * @example
 * ```ts
 * registerSummary(program, context);
 * ```
 */
export function registerSummary(program: Command, ctx: CliContext): void {
  program
    .command("summary")
    .description("quota, reserved, paid, frozen, available (executable lines), non-executable and execution rate, grouped by dimension")
    // Collected, so that a second --by is refused rather than silently replacing the first.
    .option("--by <dims>", `group by: ${Object.keys(BY).join(",")} (department: the 主管部门 at the top of each agency's tree; default agency)`, (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option("--level <level>", "roll function and economic codes up to 类|款|项 (function) / 类|款 (economic)")
    .option("--period <range>", "only payments in this period, e.g. 2026-01..2026-06, 2026-Q1, 2026-H1 (上半年) or 2026年3月")
    .option("--format <format>", "table|csv|json|xlsx (default: table, or what the --output file's extension names: .xlsx, .csv, .json)")
    .option("--output <file>", "write to this file instead of standard output (needed for xlsx)")
    .option("--unit <unit>", `show amounts in ${amountUnitNames()}, rounded 四舍五入 to 0.01 of it`, "元")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai summary --by agency\n  $ jincai summary --by department\n  $ jincai summary --by agency,function --level 类\n  $ jincai summary --by function,month --period 2026-01..2026-06 --format csv\n  $ jincai summary --by agency,function --level 类 --format xlsx --output 执行情况.xlsx\n  $ jincai summary --by department --unit 万元\n\nWith --unit 万元 each figure, the total included, is rounded from its exact fen, so a column may\nmiss its total by a few 0.01 万元, as in any published table.`,
    )
    .action(async (opts: SummaryOptions) => {
      if (opts.by !== undefined && opts.by.length > 1) {
        throw new JincaiError("CLI_USAGE", `--by is given ${opts.by.length} times: name every grouping in one, --by ${opts.by.join(",")}`);
      }
      const groupBy = (opts.by?.[0] ?? "agency").split(",").map((b) => {
        const key = BY[b.trim()];
        if (!key) throw new JincaiError("CLI_USAGE", `--by: unknown dimension "${b}" (use ${Object.keys(BY).join(",")})`);
        return key;
      });
      const repeated = groupBy.find((key, i) => groupBy.indexOf(key) !== i);
      if (repeated !== undefined) throw new JincaiError("CLI_USAGE", `--by: "${repeated}" is named twice`);
      const format = summaryFormat(opts.format, opts.output);
      const unit = findAmountUnit(opts.unit);
      if (unit === undefined) throw new JincaiError("CLI_USAGE", `--unit: "${opts.unit}" is not a unit; use ${amountUnitNames()}`);
      const show: Show = unit === "元"
        ? (fen, grouping = true) => formatFen(fen, { grouping })
        : (fen, grouping = true) => formatInUnit(fen, unit, { grouping });
      const rollup: Record<string, number> = {};
      if (opts.level !== undefined) {
        const len = LEVELS[opts.level];
        if (len === undefined) throw new JincaiError("CLI_USAGE", `--level: use 类, 款 or 项`);
        if (len === 7 && !groupBy.includes("functionCode")) {
          throw new JincaiError("CLI_USAGE", "--level 项: economic codes end at 款 (use --level 款), 项 is a level of function codes");
        }
        if (!groupBy.includes("functionCode") && !groupBy.includes("economicCode")) {
          throw new JincaiError("CLI_USAGE", `--level rolls up function and economic codes: add function or economic to --by`);
        }
        rollup["functionCode"] = len;
        rollup["economicCode"] = Math.min(len, 5);
      }
      const range = opts.period !== undefined ? periodArgument(opts.period, "--period") : undefined;
      const { rows, nameOf } = await withStore(ctx, async (store, config) => {
        if (opts.output !== undefined) await assertOutputPaths("--output", [{ path: resolve(ctx.cwd, opts.output), shown: opts.output }], keptFiles(ctx, config));
        const year = config.fiscalYear;
        if (range !== undefined && (range.to < `${year}-01-01` || range.from > `${year}-12-31`)) {
          // A table of zeros would read as a year without payments: most often a typo (2025-03 for 2026-03).
          throw new JincaiError("CLI_USAGE", `--period ${opts.period}: ${range.from}..${range.to} has no day in fiscal year ${year} of these settings`);
        }
        const ref = await loadReferenceData(store, config.fiscalYear);
        const byDepartment = groupBy.includes(DEPARTMENT);
        const summary = await executionSummary(store, {
          groupBy: byDepartment ? summaryGroupBy(groupBy) : groupBy,
          rollup,
          fiscalYear: config.fiscalYear,
          ...(range ? { from: range.from, to: range.to } : {}),
        });
        return {
          rows: byDepartment ? rollUpDepartments(summary, groupBy, ref.agencies) : summary,
          nameOf: summaryNames(ref, config.fiscalYear),
        };
      });
      const path = opts.output === undefined ? undefined : resolve(ctx.cwd, opts.output);
      try {
        const shown = { unit, show, ...(range ? { period: range } : {}) };
        if (format === "xlsx") await (await workbook(groupBy, rows, nameOf, shown)).xlsx.writeFile(path!);
        else if (path !== undefined) {
          const lines: string[] = [];
          printSummary({ ...ctx, out: (line: string) => lines.push(line) }, groupBy, rows, format, nameOf, shown);
          // A CSV file starts with a BOM, so that Excel on a Chinese Windows opens it as UTF-8
          // (standard output has none: it is for pipes).
          await writeFile(path, `${format === "csv" ? "\uFEFF" : ""}${lines.join("\n")}\n`);
        } else printSummary(ctx, groupBy, rows, format, nameOf, shown);
      } catch (error) {
        throw fileError(error, path) ?? error;
      }
    });
}

/** The column titles of the table and the workbook: grouping columns, then the figures (in a unit other than 元, named). */
function titles(groupBy: readonly string[], unit: AmountUnit): string[] {
  const inUnit = unit === "元" ? "" : ` (${unit})`;
  const figures = ["指标 quota", "已占用 reserved", "已支付 paid", "冻结 frozen", "可用 available", "不可执行 non-executable"].map((t) => t + inUnit);
  return [...groupBy.map((g) => TITLES[g] ?? g), ...figures, "执行率 rate"];
}

/**
 * The 合计 row. Quota, reserved, frozen, available and non-executable are standing figures (as of a month's end), so by
 * month they are the last month's, summed over the other dimensions; paid is the period's flow,
 * summed over every row. (Each month has a row for every group: see executionSummary.)
 */
function total(rows: readonly ExecutionSummaryRow[]): { quota: bigint; reserved: bigint; paid: bigint; frozen: bigint; available: bigint; nonExecutable: bigint } {
  let last: string | undefined;
  for (const r of rows) if (r.key["month"] !== undefined && (last === undefined || r.key["month"] > last)) last = r.key["month"];
  const t = { quota: 0n, reserved: 0n, paid: 0n, frozen: 0n, available: 0n, nonExecutable: 0n };
  for (const r of rows) {
    t.paid += r.paid;
    if (last !== undefined && r.key["month"] !== last) continue;
    t.quota += r.quota;
    t.reserved += r.reserved;
    t.frozen += r.frozen;
    t.available += r.available;
    t.nonExecutable += r.nonExecutable;
  }
  return t;
}

/** The amount columns of a row or the total, in column order. */
const amountsOf = (r: Pick<ExecutionSummaryRow, "quota" | "reserved" | "paid" | "frozen" | "available" | "nonExecutable">): bigint[] =>
  [r.quota, r.reserved, r.paid, r.frozen, r.available, r.nonExecutable];

/** The workbook: each named dimension's code column is followed by a column of its names. */
function workbook(groupBy: readonly string[], rows: readonly ExecutionSummaryRow[], nameOf: SummaryNameOf, shown: { unit: AmountUnit; show: Show; period?: { from: string; to: string } }) {
  const t = total(rows);
  const keyTitles = groupBy.flatMap((g) => {
    const named = NAMED_DIMENSIONS[g];
    return named === undefined ? [TITLES[g] ?? g] : [TITLES[g] ?? g, named.title];
  });
  const keys = (r: ExecutionSummaryRow) =>
    groupBy.flatMap((g) => (NAMED_DIMENSIONS[g] === undefined ? [r.key[g] ?? ""] : [r.key[g] ?? "", nameOf(g, r.key[g] ?? "") ?? ""]));
  // Exact in the unit (every decimal it has), shown to 0.01 by the cells' format: sums taken in
  // Excel then match the total row.
  const exact = amountUnitDecimals(shown.unit);
  const figures = (amounts: readonly bigint[]) => amounts.map((fen) => formatInUnit(fen, shown.unit, { decimals: exact, grouping: false }));
  return summaryWorkbook([...keyTitles, ...titles([], shown.unit)], [
    ...rows.map((r) => ({ keys: keys(r), amounts: figures(amountsOf(r)), rate: r.executionRate })),
    { keys: ["合计 total"], amounts: figures(amountsOf(t)), rate: executionRate(t.paid, t.quota) },
  ], shown.period === undefined ? undefined : periodNote(shown.period, groupBy));
}

/** What a summary with --period shows, in words. */
const periodNote = (period: { from: string; to: string }, groupBy: readonly string[]): string =>
  groupBy.includes("month")
    ? `期间 period ${period.from}..${period.to}: each month's paid within the month; quota, reserved and available at the month's end`
    : `期间 period ${period.from}..${period.to}: paid within it; quota, reserved and available at its end`;

/** A code with its name (`101001 市政府办公室本级`) for the table, or the code alone. */
function labelled(nameOf: SummaryNameOf, dimension: string, code: string): string {
  const name = nameOf(dimension, code);
  return name === undefined ? code : `${code} ${name}`;
}

/** The names of a row's codes as JSON keys (`agencyName`, `functionName`…), those known only. */
function namesOf(nameOf: SummaryNameOf, groupBy: readonly string[], r: ExecutionSummaryRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of groupBy) {
    const named = NAMED_DIMENSIONS[g];
    const name = named === undefined ? undefined : nameOf(g, r.key[g] ?? "");
    if (name !== undefined) out[named!.jsonKey] = name;
  }
  return out;
}

function printSummary(
  ctx: Pick<CliContext, "out">,
  groupBy: readonly string[],
  rows: readonly ExecutionSummaryRow[],
  format: string,
  nameOf: SummaryNameOf,
  { unit, show, period }: { unit: AmountUnit; show: Show; period?: { from: string; to: string } },
): void {
  // With --period, paid is the period's flow and the standing figures are as of its end: every
  // format says which period, so a first-quarter file is not taken for the year's.
  if (format === "json") {
    const json = rows.map((r) => ({
      ...r.key,
      ...(period === undefined ? {} : { periodFrom: period.from, periodTo: period.to }),
      ...namesOf(nameOf, groupBy, r),
      quota: show(r.quota, false),
      reserved: show(r.reserved, false),
      paid: show(r.paid, false),
      frozen: show(r.frozen, false),
      available: show(r.available, false),
      nonExecutable: show(r.nonExecutable, false),
      ...(unit === "元" ? {} : { unit }),
      executionRate: r.executionRate,
      lines: r.lines,
    }));
    ctx.out(JSON.stringify(json, null, 2));
    return;
  }
  // In another unit the amount columns say so (quota(万元)), as jincai import reads such headers.
  const inUnit = unit === "元" ? "" : `(${unit})`;
  const header = [...groupBy, ...["quota", "reserved", "paid", "frozen", "available", "non_executable"].map((h) => h + inUnit), "execution_rate"];
  const periodCells = period === undefined ? [] : [period.from, period.to];
  if (format === "csv") {
    ctx.out(csvLine([...header, ...(period === undefined ? [] : ["period_from", "period_to"])]));
    for (const r of rows) {
      ctx.out(csvLine([...groupBy.map((g) => r.key[g] ?? ""), ...amountsOf(r).map((a) => show(a, false)), r.executionRate, ...periodCells]));
    }
    return;
  }
  if (period !== undefined) ctx.out(periodNote(period, groupBy));
  const sum = total(rows);
  // A 4-decimal ratio ("0.7512") read as hundredths of a percent prints as "75.12%".
  const pct = (rate: string) => `${formatFen(BigInt(rate.replace(".", "")), { grouping: false })}%`;
  const body = rows.map((r) => [...groupBy.map((g) => labelled(nameOf, g, r.key[g] ?? "")), ...amountsOf(r).map((a) => show(a)), pct(r.executionRate)]);
  const rate = executionRate(sum.paid, sum.quota);
  body.push([
    "合计 total",
    ...groupBy.slice(1).map(() => ""),
    ...amountsOf(sum).map((a) => show(a)),
    pct(rate),
  ]);
  const columns = titles(groupBy, unit).map((title, i) => (i < groupBy.length ? { title } : { title, align: "right" as const }));
  ctx.out(renderTable(columns, body));
}
