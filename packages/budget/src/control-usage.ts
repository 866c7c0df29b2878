/**
 * What a control's quota lines have already used when the control is defined. A control counts
 * the reservations made while it exists; one added mid-year (a 三公经费 cap decided in June)
 * would otherwise start at zero while its lines have spent for months, and an `absolute` limit
 * could be passed without a word. So a new control starts from its lines' reserved and consumed
 * amounts (see defineQuotaControl).
 */
import type { Dimensions, StoreTx } from "@jincai/core";
import { findQuotas } from "./find-quotas";
import { quotaDimensions } from "./quota-dimensions";
import { quotaExecution } from "./quota-execution";
import type { QuotaControl } from "./quota-control";

/** A control's lines and what they have used. */
export interface ControlUsage {
  /** Reserved plus consumed on the lines, in fen. */
  readonly used: bigint;
  /** The quota lines the control may apply to. */
  readonly quotaIds: readonly string[];
}

/**
 * The quota lines a control may apply to and their reserved plus consumed amounts now.
 *
 * A line counts when a payment on it could match: each matcher agrees with the line's value, or
 * the line is coarser than the matcher (a line on economic 类 302 may pay 30201 under a control of
 * 30201), or the line lacks the dimension. So the sum may be more than the control would have
 * counted, never less: a limit is never passed unseen.
 *
 * @example
 * ```ts
 * await controlUsage(tx, { match: [{ dimension: "agency", value: "101001" }], … } as QuotaControl);
 * // { used: 1_410_000n, quotaIds: ["ZB202600001", "ZB202600002"] }
 * ```
 */
export async function controlUsage(tx: StoreTx, control: QuotaControl): Promise<ControlUsage> {
  const quotaIds = (await findQuotas(tx)).filter((line) => mayApply(control, quotaDimensions(line))).map((line) => line.id);
  if (quotaIds.length === 0) return { used: 0n, quotaIds };
  let used = 0n;
  for (const q of await quotaExecution(tx, { quotaIds })) used += q.reserved + q.consumed;
  return { used, quotaIds };
}

function mayApply(control: QuotaControl, dims: Dimensions): boolean {
  return control.match.every((m) => {
    const v = dims[m.dimension];
    if (v === undefined || v === "") return true;
    if (m.value.startsWith(v)) return true;
    return m.prefix === true ? v.startsWith(m.value) : v === m.value;
  });
}
