/**
 * Each quota line is kept twice: its document (the 指标 as loaded: document number, codes,
 * amount, flags) and its ledger accounts, whose dimensions summaries group by. A document deleted
 * or edited behind the store's back would leave payments tied to accounts that no document
 * explains, and summaries grouping by codes the document no longer has; `code.valid` and
 * `payment.tied` read the accounts only, so this rule holds the two together.
 */
import type { RuleFailure, StoreTx } from "@jincai/core";
import { quotaDimensions } from "./quota-dimensions";
import { QUOTA_BOOK } from "./quota-account-ids";
import { QUOTA_COLLECTION, quotaFromDocument } from "./quota-record";
import type { QuotaDocument } from "./quota-record";

/**
 * Checks that every quota line account has its quota document with the same dimensions, and
 * every quota document its account (`quota.record`).
 *
 * @example
 * ```ts
 * const failures = await checkQuotaRecords(store);
 * failures.map((f) => f.evidence.quotaId); // [] when documents and accounts agree
 * ```
 */
export async function checkQuotaRecords(tx: Pick<StoreTx, "accountBalances" | "queryRecords">): Promise<RuleFailure[]> {
  const failures: RuleFailure[] = [];
  const accounts = new Map<string, Readonly<Record<string, string>>>();
  for (const { account } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    if (account.id.startsWith("quota:")) accounts.set(account.id.slice("quota:".length), account.dimensions);
  }
  for await (const record of tx.queryRecords<QuotaDocument>(QUOTA_COLLECTION)) {
    const dims = accounts.get(record.id);
    accounts.delete(record.id);
    if (dims === undefined) {
      failures.push(fail(record.id, `quota ${record.id} has a document but no ledger account`, {}));
      continue;
    }
    const expected = quotaDimensions(quotaFromDocument(record.data));
    for (const [key, value] of Object.entries(expected)) {
      if ((dims[key] ?? "") === value) continue;
      failures.push(fail(record.id, `quota ${record.id}: its document says ${key} ${value}, its ledger account ${dims[key] ?? "(none)"}`, {
        dimension: key,
        document: value,
        account: dims[key] ?? "",
      }));
    }
  }
  for (const quotaId of accounts.keys()) failures.push(fail(quotaId, `quota ${quotaId} has a ledger account but no document`, {}));
  return failures;
}

function fail(quotaId: string, message: string, evidence: Record<string, string>): RuleFailure {
  return { rule: "quota.record", severity: "error", message, evidence: { quotaId, ...evidence } };
}
