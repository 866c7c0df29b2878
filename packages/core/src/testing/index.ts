/**
 * `@jincai/core/testing`: the store conformance suite, run unchanged against every backend, and
 * the fixture it uses (handy for a backend's own extra tests).
 */
export { storeConformanceSuite } from "./store-conformance-suite";
export { withStore } from "./store-harness";
export type { StoreHarness } from "./store-harness";
export { ACCOUNTS, CHART, DAY, FUNDING, grant, pay, seedLedger } from "./ledger-fixture";
