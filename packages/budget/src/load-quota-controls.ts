import type { StoreTx } from "@jincai/core";
import { QUOTA_CONTROL_COLLECTION } from "./define-quota-control";
import type { QuotaControlDocument } from "./define-quota-control";
import type { QuotaControl } from "./quota-control";

/**
 * Reads every defined control, in id order (build once, then pass to `reserveQuota`).
 *
 * @example
 * ```ts
 * const controls = await loadQuotaControls(store); // [{ id: "101001-302", limit: 200000000n, … }]
 * ```
 */
export async function loadQuotaControls(tx: StoreTx): Promise<QuotaControl[]> {
  const out: QuotaControl[] = [];
  for await (const r of tx.queryRecords<QuotaControlDocument>(QUOTA_CONTROL_COLLECTION)) {
    out.push({ ...r.data, limit: BigInt(r.data.limit) });
  }
  return out;
}
