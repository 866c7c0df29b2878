/** The store conformance suite: every backend runs it unchanged, the memory store with no skips. */
import { describe } from "vitest";
import { accountSealsSuite } from "./account-seals.suite";
import { ledgerInvariantsSuite } from "./ledger-invariants.suite";
import { ledgerQuerySuite } from "./ledger-query.suite";
import { recordAuditSuite } from "./record-audit.suite";
import { recordBatchSuite } from "./record-batch.suite";
import { recordCountsSuite } from "./record-counts.suite";
import { savepointSuite } from "./savepoint.suite";
import { sealLinesSuite } from "./seal-lines.suite";
import type { StoreHarness } from "./store-harness";
import { transactionBalancesSuite } from "./transaction-balances.suite";
import { transactionSuite } from "./transaction.suite";
import { transferBatchSuite } from "./transfer-batch.suite";
import { transferFlowsSuite } from "./transfer-flows.suite";
import { transferStatusSuite } from "./transfer-status.suite";

/**
 * Registers every conformance test (vitest `describe`/`it`) for one store backend. Each test
 * creates its own store with `harness.create()` and disposes of it afterwards.
 *
 * @param harness - How to make and dispose of a fresh store.
 *
 * @example
 * ```ts
 * // packages/store-sqlite/src/sqlite-store.test.ts
 * import { storeConformanceSuite } from "@jincai/core/testing";
 * storeConformanceSuite({ name: "sqlite (:memory:)", create: async () => createSqliteStore({ filename: ":memory:" }) });
 * ```
 */
export function storeConformanceSuite(harness: StoreHarness): void {
  describe(`store conformance [${harness.name}]`, () => {
    transferStatusSuite(harness);
    transferBatchSuite(harness);
    ledgerQuerySuite(harness);
    transactionSuite(harness);
    transactionBalancesSuite(harness);
    savepointSuite(harness);
    recordAuditSuite(harness);
    recordBatchSuite(harness);
    recordCountsSuite(harness);
    ledgerInvariantsSuite(harness);
    transferFlowsSuite(harness);
    sealLinesSuite(harness);
    accountSealsSuite(harness);
  });
}
