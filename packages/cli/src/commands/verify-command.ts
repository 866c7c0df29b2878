/**
 * `jincai verify`: the rule check a CI pipeline runs on data before accepting it. Exit 1 on any
 * failure, each with its evidence; text, JSON or JUnit XML output.
 */
import { JincaiError, RULE_SEVERITIES, checkJournal, checkLedger, severityAtLeast, showInvisible } from "@jincai/core";
import type { RuleFailure, RuleSeverity } from "@jincai/core";
import { checkControls, checkQuotaFigures, checkQuotaMonths, checkQuotaRecords, checkQuotas } from "@jincai/budget";
import { PAYMENT_TRANSFER_PREFIX, checkPaymentDates, checkPaymentSteps, checkPayments } from "@jincai/treasury";
import type { Command } from "commander";
import type { CliContext } from "../cli-context";
import { EXIT } from "../exit-codes";
import { loadReferenceData } from "../reference-data";
import { renderJunit } from "../render/junit";
import { withStore } from "../with-store";

/** The rules `jincai verify` runs, in order. */
export const VERIFY_RULES = ["ledger.balanced", "ledger.limit", "ledger.journal", "code.valid", "quota.record", "quota.figures", "quota.month-end", "payment.tied", "payment.in-year", "payment.step-order", "control.record", "control.warning"] as const;

/** Findings shown per rule in text output; JSON and JUnit carry all of them. */
const TEXT_LIMIT = 20;

interface VerifyOptions {
  format: string;
  failOn: string;
}

/**
 * Registers `jincai verify` on the program.
 *
 * @example
 * ```ts
 * registerVerify(program, context);
 * ```
 */
export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command("verify")
    .description("check the ledger, quotas, codes and payments; exit 1 on any failure")
    .option("--format <format>", "text|json|junit", "text")
    .option("--fail-on <severity>", `lowest severity that fails: ${RULE_SEVERITIES.join("|")}`, "error")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai verify\n  $ jincai verify --format junit > verify.xml\n  $ jincai verify --fail-on warning --format json`,
    )
    .action(async (opts: VerifyOptions) => {
      if (!["text", "json", "junit"].includes(opts.format)) throw new JincaiError("CLI_USAGE", "--format: use text, json or junit");
      if (!RULE_SEVERITIES.includes(opts.failOn as RuleSeverity)) {
        throw new JincaiError("CLI_USAGE", `--fail-on: use ${RULE_SEVERITIES.join(", ")}`);
      }
      const failOn = opts.failOn as RuleSeverity;
      const findings = await withStore(ctx, async (store, config) => {
        const ref = await loadReferenceData(store, config.fiscalYear);
        // One scan of every transfer serves the journal (posted, by month), payment.tied (the
        // payments marked, posted and pending) and control.record (the limit transfers): a
        // million-transfer file is read once, not three times.
        const flows = await store.transferFlows({ phases: ["posted", "pending", "post"], byMonth: true, markIdPrefix: PAYMENT_TRANSFER_PREFIX });
        return [
          ...(await checkLedger(store)),
          ...(await checkJournal(store, flows)),
          ...(await checkQuotas(store, { codes: ref.codes, agencies: ref.agencyCodes, fundTypes: ref.fundTypes })),
          ...(await checkQuotaRecords(store)),
          ...(await checkQuotaFigures(store)),
          ...(await checkQuotaMonths(store, config.fiscalYear)),
          ...(await checkPayments(store, flows)),
          ...(await checkPaymentDates(store)),
          ...(await checkPaymentSteps(store)),
          ...(await checkControls(store, flows)),
        ];
      });
      const failing = findings.filter((f) => severityAtLeast(f.severity, failOn));
      print(ctx, opts.format, findings, failing, failOn);
      ctx.exitCode = failing.length > 0 ? EXIT.rules : EXIT.ok;
    });
}

function print(ctx: CliContext, format: string, findings: readonly RuleFailure[], failing: readonly RuleFailure[], failOn: RuleSeverity): void {
  if (format === "json") {
    ctx.out(JSON.stringify({ ok: failing.length === 0, rules: VERIFY_RULES, failures: failing, findings }, null, 2));
    return;
  }
  if (format === "junit") {
    ctx.out(renderJunit("jincai verify", VERIFY_RULES, findings, failing));
    return;
  }
  for (const rule of VERIFY_RULES) {
    const mine = findings.filter((f) => f.rule === rule);
    const bad = mine.filter((f) => failing.includes(f));
    ctx.out(`${bad.length === 0 ? "ok  " : "FAIL"} ${rule}${mine.length > 0 ? ` (${mine.length} finding${mine.length === 1 ? "" : "s"})` : ""}`);
    for (const f of mine.slice(0, TEXT_LIMIT)) {
      const evidence = Object.entries(f.evidence).map(([k, v]) => `${k}=${v}`).join(" ");
      // Ids in findings come from the data: their invisible characters are shown (`ZB1\u200b`).
      ctx.out(showInvisible(`     ${f.severity} ${f.message}${evidence ? `\n       evidence: ${evidence}` : ""}`));
    }
    if (mine.length > TEXT_LIMIT) ctx.out(`     … and ${mine.length - TEXT_LIMIT} more (use --format json for all)`);
  }
  // Findings below --fail-on do not fail the run, but a "pass" right under a critical one must say so.
  const below = findings.length - failing.length;
  const noted = below === 0 ? "" : ` (${below} finding${below === 1 ? "" : "s"} below --fail-on ${failOn}: ${severities(findings.filter((f) => !failing.includes(f)))})`;
  ctx.out(failing.length === 0 ? `verify: all rules pass${noted}` : `verify: ${failing.length} failure${failing.length === 1 ? "" : "s"}${noted}`);
}

/** "2 critical, 1 warning": the severities of some findings, most severe first. */
function severities(findings: readonly RuleFailure[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...RULE_SEVERITIES].reverse().filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(", ");
}
