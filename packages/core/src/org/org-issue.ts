import { JincaiError } from "../errors/jincai-error";

/**
 * One problem found while validating divisions or agencies; all problems are reported together.
 *
 * @example
 * ```ts
 * const issue: OrgIssue = { index: 3, code: "ORG_CYCLE", subject: "101001", message: "…" };
 * ```
 */
export interface OrgIssue {
  /** Zero-based index of the offending input. */
  readonly index: number;
  /** Stable error code, e.g. `ORG_CYCLE`. */
  readonly code: string;
  /** The code of the division or agency concerned. */
  readonly subject: string;
  /** Readable explanation. */
  readonly message: string;
}

/** The error for a failed build: the first issue's code, every issue in `details.issues`. */
export function orgIssuesError(issues: readonly OrgIssue[]): JincaiError {
  const first = issues[0] as OrgIssue;
  const message = `${issues.length} problem(s); first: ${first.message}`;
  return new JincaiError(first.code, message, {
    details: { index: first.index, subject: first.subject, issues },
  });
}
