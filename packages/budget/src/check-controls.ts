/**
 * Verification of the user's parent-level controls: the usage of each control (reserved plus
 * consumed, from its control account) against its thresholds and, for advisory controls, its
 * limit. Reported as `control.warning` findings with the threshold's severity, so `jincai verify
 * --fail-on warning` can fail a pipeline on them. A control whose document's limit is not what its
 * limit transfers posted (the document edited behind the store's back) is a `control.record` error.
 */
import { available, fenToYuanString, formatFen } from "@jincai/core";
import type { RuleFailure, StoreTx } from "@jincai/core";
import { controlWarnings } from "./control-warnings";
import { CONTROL_LIMIT_PREFIX } from "./define-quota-control";
import { loadQuotaControls } from "./load-quota-controls";
import { controlAccountIds } from "./quota-account-ids";

/**
 * Reports every control at or past one of its thresholds.
 *
 * @example
 * ```ts
 * const findings = await checkControls(store);
 * findings[0]?.severity; // "warning" when a control is at 90 % of its limit
 * ```
 */
export async function checkControls(tx: StoreTx): Promise<RuleFailure[]> {
  const controls = await loadQuotaControls(tx);
  if (controls.length === 0) return [];
  const ids = controls.map((c) => controlAccountIds(c.id).control);
  const balances = new Map((await tx.accountBalances({ accountIds: ids })).map((b) => [b.account.id, b.balance]));
  const findings: RuleFailure[] = [];
  // Each control's limit as its limit transfers posted it (raises credit it, cuts debit it).
  const posted = new Map<string, bigint>();
  const accounts = new Set(ids);
  for (const f of await tx.transferFlows({ idPrefix: CONTROL_LIMIT_PREFIX })) {
    if (accounts.has(f.creditAccountId)) posted.set(f.creditAccountId, (posted.get(f.creditAccountId) ?? 0n) + f.amount);
    if (accounts.has(f.debitAccountId)) posted.set(f.debitAccountId, (posted.get(f.debitAccountId) ?? 0n) - f.amount);
  }
  for (const control of controls) {
    const account = controlAccountIds(control.id).control;
    const balance = balances.get(account);
    if (balance === undefined) continue;
    const ledgerLimit = posted.get(account) ?? 0n;
    if (ledgerLimit !== control.limit) {
      // The document was edited behind the store's back: usage would be read against a wrong limit.
      findings.push({
        rule: "control.record",
        severity: "error",
        message: `control ${control.id}'s document says limit ${formatFen(control.limit)}, but its ledger account was given ${formatFen(ledgerLimit)}`,
        evidence: { controlId: control.id, limit: fenToYuanString(control.limit), ledgerLimit: fenToYuanString(ledgerLimit), code: "BUDGET_CONTROL_CONFLICT" },
      });
      continue;
    }
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
