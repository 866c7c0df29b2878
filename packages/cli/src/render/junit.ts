/**
 * JUnit XML for CI systems: one test case per rule, failed when it has failing findings.
 */
import type { RuleFailure } from "@jincai/core";

/**
 * Text for an XML attribute or element. XML 1.0 has no way to write most control characters (a
 * hand-edited database can hold one), so each is written as `\u0001` text rather than making the
 * whole report unreadable to the CI system.
 */
const escape = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * Renders rule results as a JUnit XML test suite.
 *
 * @example
 * ```ts
 * renderJunit("jincai verify", ["ledger.balanced"], [], []);
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>…<testcase name="ledger.balanced" …/>…'
 * ```
 */
export function renderJunit(
  suite: string,
  rules: readonly string[],
  findings: readonly RuleFailure[],
  failing: readonly RuleFailure[],
): string {
  const cases = rules.map((rule) => {
    const bad = failing.filter((f) => f.rule === rule);
    const notes = findings.filter((f) => f.rule === rule && !failing.includes(f));
    const out = notes.length > 0 ? `<system-out>${escape(notes.map((n) => `${n.severity} ${n.message}`).join("\n"))}</system-out>` : "";
    if (bad.length === 0) return `    <testcase classname="${escape(suite)}" name="${escape(rule)}">${out}</testcase>`;
    const body = bad
      .map((f) => `${f.message}\n${Object.entries(f.evidence).map(([k, v]) => `  ${k}=${v}`).join("\n")}`)
      .join("\n");
    return `    <testcase classname="${escape(suite)}" name="${escape(rule)}"><failure message="${escape(`${bad.length} failure(s)`)}">${escape(body)}</failure>${out}</testcase>`;
  });
  const failures = rules.filter((r) => failing.some((f) => f.rule === r)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${rules.length}" failures="${failures}">`,
    `  <testsuite name="${escape(suite)}" tests="${rules.length}" failures="${failures}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
  ].join("\n");
}
