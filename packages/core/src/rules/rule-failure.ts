/**
 * What a rule check reports: which rule failed, a readable message and the evidence (ids,
 * amounts as yuan strings, codes) that lets someone find the problem. Used by `jincai verify`.
 */

/**
 * How bad a finding is; `error` findings fail verification.
 *
 * @example
 * ```ts
 * const severity: RuleSeverity = "warning";
 * severityAtLeast(severity, "error"); // false: reported, but verification passes
 * ```
 */
export type RuleSeverity = "info" | "warning" | "critical" | "error";

/**
 * One finding of a rule check.
 *
 * @example
 * ```ts
 * const failure: RuleFailure = {
 *   rule: "quota.limit", severity: "error", message: "quota Q-2026-001 is overdrawn by 3,000.00",
 *   evidence: { quotaId: "Q-2026-001", overdrawn: "3000.00" },
 * };
 * ```
 */
export interface RuleFailure {
  /** Stable rule id, e.g. `ledger.balanced`, `quota.limit`, `code.valid`, `payment.tied`. */
  readonly rule: string;
  /** `error` fails verification; lower severities are reported. */
  readonly severity: RuleSeverity;
  /** Readable message naming the subject. */
  readonly message: string;
  /** The facts behind the finding (account ids, amounts in yuan, codes). */
  readonly evidence: Readonly<Record<string, string>>;
}

/**
 * Severities from the least to the most serious.
 *
 * @example
 * ```ts
 * RULE_SEVERITIES; // ["info", "warning", "critical", "error"]
 * const serious = findings.filter((f) => RULE_SEVERITIES.indexOf(f.severity) >= RULE_SEVERITIES.indexOf("critical"));
 * ```
 */
export const RULE_SEVERITIES: readonly RuleSeverity[] = ["info", "warning", "critical", "error"];

/**
 * Whether `severity` is at least `threshold`.
 *
 * @example
 * ```ts
 * severityAtLeast("critical", "warning"); // true
 * severityAtLeast("info", "warning"); // false
 * ```
 */
export function severityAtLeast(severity: RuleSeverity, threshold: RuleSeverity): boolean {
  return RULE_SEVERITIES.indexOf(severity) >= RULE_SEVERITIES.indexOf(threshold);
}
