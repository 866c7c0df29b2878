/**
 * Verification of the user's parent-level controls: the usage of each control (reserved plus
 * consumed, from its control account) against its thresholds and, for advisory controls, its
 * limit. Reported as `control.warning` findings with the threshold's severity, so `jincai verify
 * --fail-on warning` can fail a pipeline on them. A control whose document disagrees with the
 * ledger (edited behind the store's back) is a `control.record` error: its limit against what its
 * limit transfers posted, its policy against its control account (limited exactly when
 * `absolute`), and its policy and matchers against the definition its first limit transfer
 * recorded (controls defined since definitions are recorded). Imports read the document: a policy
 * edited from `absolute` to `track` would stop the limit being enforced, matchers edited would
 * count other payments against it. A retired control's document must give the date its retirement
 * transfer records, and a control not retired must have none (a `retired` written into the
 * document alone would stop imports checking it); it raises no threshold warnings.
 */
import { available, fenToYuanString, formatFen } from "@jincai/core";
import type { Account, RuleFailure, StoreTx, Transfer, TransferFlow } from "@jincai/core";
import { controlDefinition, definitionOfMemo } from "./control-definition";
import { controlWarnings } from "./control-warnings";
import { CONTROL_LIMIT_PREFIX } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { CONTROL_SOURCE_ACCOUNT_ID, controlAccountIds } from "./quota-account-ids";
import { CONTROL_RETIRE_PREFIX, retiredOfMemo } from "./retire-quota-control";
import type { QuotaControl } from "./quota-control";

/**
 * Reports every control at or past one of its thresholds, and every control whose document
 * disagrees with the ledger. `flows`: every transfer already summed per account pair (as `jincai
 * verify` reads them once for several rules); without it, the limit transfers are summed here.
 *
 * @example
 * ```ts
 * const findings = await checkControls(store);
 * findings[0]?.severity; // "warning" when a control is at 90 % of its limit
 * ```
 */
export async function checkControls(tx: StoreTx, flows?: readonly TransferFlow[]): Promise<RuleFailure[]> {
  const controls = await loadQuotaControls(tx);
  if (controls.length === 0) return [];
  const ids = controls.map((c) => controlAccountIds(c.id).control);
  const read = await tx.accountBalances({ accountIds: ids });
  const balances = new Map(read.map((b) => [b.account.id, b.balance]));
  const accountsById = new Map(read.map((b) => [b.account.id, b.account]));
  // The first limit transfer of each control, which records its definition.
  const firsts = await tx.getTransfers(controls.map((c) => `${CONTROL_LIMIT_PREFIX}${c.id}`));
  // The retirement of each control, which the document's `retired` must agree with.
  const retirements = await tx.getTransfers(controls.map((c) => `${CONTROL_RETIRE_PREFIX}${c.id}`));
  const findings: RuleFailure[] = [];
  // Each control's limit as its limit transfers posted it: they alone move amounts between the
  // controls' source and a control account (raises credit it, cuts debit it).
  const posted = new Map<string, bigint>();
  const accounts = new Set(ids);
  for (const f of flows ?? (await tx.transferFlows({ idPrefix: CONTROL_LIMIT_PREFIX }))) {
    if (f.phase !== "posted") continue;
    if (f.debitAccountId === CONTROL_SOURCE_ACCOUNT_ID && accounts.has(f.creditAccountId)) posted.set(f.creditAccountId, (posted.get(f.creditAccountId) ?? 0n) + f.amount);
    if (f.creditAccountId === CONTROL_SOURCE_ACCOUNT_ID && accounts.has(f.debitAccountId)) posted.set(f.debitAccountId, (posted.get(f.debitAccountId) ?? 0n) - f.amount);
  }
  for (const [i, control] of controls.entries()) {
    const account = controlAccountIds(control.id).control;
    const balance = balances.get(account);
    if (balance === undefined) continue;
    const ledgerLimit = posted.get(account) ?? 0n;
    const problems = [
      ...recordProblems(control, ledgerLimit, accountsById.get(account)!, firsts[i]),
      ...retirementProblems(control, retirements[i]),
    ];
    if (problems.length > 0) {
      // The document was edited behind the store's back: usage would be read against a wrong limit,
      // and imports would apply a wrong policy or matchers.
      findings.push(...problems);
      continue;
    }
    // A retired control checks nothing any more: its thresholds would warn about the past forever.
    if (control.retired !== undefined) continue;
    // Usage is what the control account has been debited; `available` is limit − usage.
    for (const w of controlWarnings(control, available(balance), 0n)) {
      findings.push({
        rule: "control.warning",
        severity: w.severity,
        message: `control ${control.id}${control.name === control.id ? "" : ` (${control.name})`} has used ${formatFen(w.used)} of ${formatFen(w.limit)}${w.percent !== undefined ? `, at or past ${w.percent}%` : ", past its advisory limit"}`,
        evidence: { controlId: control.id, policy: control.policy, used: fenToYuanString(w.used), limit: fenToYuanString(w.limit), code: w.code },
      });
    }
  }
  return findings;
}

/**
 * The `control.record` errors of one control: its document's limit, policy and matchers against
 * what the ledger holds (`ledgerLimit` posted, its control account, its first limit transfer).
 */
function recordProblems(control: QuotaControl, ledgerLimit: bigint, account: Account, first: Transfer | undefined): RuleFailure[] {
  const out: RuleFailure[] = [];
  const problem = (message: string, evidence: Record<string, string>): void => {
    out.push({ rule: "control.record", severity: "error", message: `control ${control.id}'s document says ${message}`, evidence: { controlId: control.id, ...evidence, code: "BUDGET_CONTROL_CONFLICT" } });
  };
  if (ledgerLimit !== control.limit) {
    problem(`limit ${formatFen(control.limit)}, but its ledger account was given ${formatFen(ledgerLimit)}`, {
      field: "limit", limit: fenToYuanString(control.limit), ledgerLimit: fenToYuanString(ledgerLimit),
    });
  }
  const doc = controlDefinition(control);
  const recorded = definitionOfMemo(first?.references.memo);
  // The control account is limited (debits ≤ credits) exactly when the control is absolute.
  const limited = account.flags.debitsMustNotExceedCredits === true;
  if (limited !== (doc.policy === "absolute")) {
    const says = limited ? "limits its use to its limit, as only an absolute control's does" : "does not limit its use, as an absolute control's does";
    problem(`policy ${doc.policy}, but its ledger account ${says}`, { field: "policy", policy: doc.policy, ledgerPolicy: recorded?.policy ?? (limited ? "absolute" : "advisory or track") });
  } else if (recorded !== undefined && recorded.policy !== doc.policy) {
    problem(`policy ${doc.policy}, but its definition in the ledger (transfer ${first!.id}) says ${recorded.policy}`, { field: "policy", policy: doc.policy, ledgerPolicy: recorded.policy });
  }
  if (recorded !== undefined && recorded.match !== doc.match) {
    problem(`match ${doc.match}, but its definition in the ledger (transfer ${first!.id}) says ${recorded.match}`, { field: "match", match: doc.match, ledgerMatch: recorded.match });
  }
  return out;
}

/**
 * The `control.record` error of one control's retirement: the document's `retired` against the
 * date its retirement transfer `quota-control-retire:<id>` records (none when not retired).
 */
function retirementProblems(control: QuotaControl, retirement: Transfer | undefined): RuleFailure[] {
  const ledger = retirement === undefined ? undefined : (retiredOfMemo(retirement.references.memo) ?? "");
  if (ledger === control.retired) return [];
  const says = control.retired === undefined ? "it is in force" : `it was retired from ${String(control.retired)}`;
  const but = ledger === undefined ? "the ledger has no retirement of it" : `its retirement in the ledger (transfer ${retirement!.id}) says ${ledger}`;
  return [{
    rule: "control.record", severity: "error", message: `control ${control.id}'s document says ${says}, but ${but}`,
    evidence: { controlId: control.id, field: "retired", retired: String(control.retired ?? ""), ledgerRetired: ledger ?? "", code: "BUDGET_CONTROL_CONFLICT" },
  }];
}
