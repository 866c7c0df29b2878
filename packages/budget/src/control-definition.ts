/**
 * What defines a control, as its first limit transfer `quota-control-limit:<id>` records it: its
 * policy and its matchers. The control's document is what imports read (loadQuotaControls), and a
 * row anyone with the database can edit; the transfer is never updated, and a ledger seal
 * (`jincai audit checkpoint`) covers it. `control.record` compares the two.
 */
import type { QuotaControl } from "./quota-control";

/** A control's policy and matchers, as text. */
export interface ControlDefinition {
  /** `absolute`, `advisory` or `track`. */
  readonly policy: string;
  /** The matchers in dimension order, e.g. `agency=101001, economicCode=302*, fiscalYear=2026`. */
  readonly match: string;
}

/**
 * The definition of a control (or of a control document, whose fields an edit may have made
 * anything): matchers written in any order are the same.
 *
 * @example
 * ```ts
 * controlDefinition(control); // { policy: "absolute", match: "agency=101001, economicCode=302*" }
 * ```
 */
export function controlDefinition(control: Pick<QuotaControl, "policy" | "match">): ControlDefinition {
  return { policy: String(control.policy), match: matchText(control.match) };
}

/**
 * The memo of a control's first limit transfer: its definition as JSON.
 *
 * @example
 * ```ts
 * definitionMemo(control); // '{"policy":"absolute","match":"agency=101001, economicCode=302*"}'
 * ```
 */
export function definitionMemo(control: Pick<QuotaControl, "policy" | "match">): string {
  const { policy, match } = controlDefinition(control);
  return JSON.stringify({ policy, match });
}

/**
 * The definition a limit transfer's memo records; undefined when it records none (a control
 * defined before definitions were recorded, or another memo).
 *
 * @example
 * ```ts
 * definitionOfMemo('{"policy":"track","match":"agency=101001"}'); // { policy: "track", match: "agency=101001" }
 * definitionOfMemo(undefined); // undefined
 * ```
 */
export function definitionOfMemo(memo: string | undefined): ControlDefinition | undefined {
  if (memo === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(memo);
    if (typeof v !== "object" || v === null) return undefined;
    const { policy, match } = v as Record<string, unknown>;
    return typeof policy === "string" && typeof match === "string" ? { policy, match } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A control's matchers as a reader writes them, in dimension order: `agency=101001, economicCode=302*`.
 * Matchers that are not a list (an edited document) are shown as their JSON.
 *
 * @example
 * ```ts
 * matchText([{ dimension: "economicCode", value: "302", prefix: true }, { dimension: "agency", value: "101001" }]);
 * // "agency=101001, economicCode=302*"
 * ```
 */
export function matchText(match: QuotaControl["match"]): string {
  if (!Array.isArray(match)) return JSON.stringify(match) ?? "undefined";
  return match
    .map((m) => `${String(m?.dimension)}=${String(m?.value)}${m?.prefix === true ? "*" : ""}`)
    .sort()
    .join(", ");
}
