/**
 * The ledger seal over a store: the digest a seal gives over the fixture ledger of
 * `seal-fixture` is the one pinned there (computed when seals read `Transfer` objects), so that
 * seals made by earlier versions still verify, and the store's `transferSealLines` gives each
 * transfer's line as `transferSealLine` writes it.
 */
import { describe, expect, it } from "vitest";
import { LEDGER_SEAL_COLLECTION, sealLedger, verifyLedgerSeals } from "../audit/seal-ledger";
import { fixedClock } from "../time/clock";
import { SEAL_FIXTURE_PINNED, seedSealFixture } from "./seal-fixture";
import { withStore, type StoreHarness } from "./store-harness";

const clock = fixedClock("2026-12-07");

/**
 * Registers the seal-line tests.
 *
 * @example
 * ```ts
 * sealLinesSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function sealLinesSuite(h: StoreHarness): void {
  describe("seal lines", () => {
    it("seals the fixture ledger to the digest and chunk marks earlier versions gave", async () => {
      await withStore(h, async (store) => {
        await seedSealFixture(store);
        const seal = await store.transaction((tx) => sealLedger(tx, { actor: "test", clock }));
        expect(seal).toMatchObject({ after: 0, to: SEAL_FIXTURE_PINNED.to, count: SEAL_FIXTURE_PINNED.to, digest: SEAL_FIXTURE_PINNED.digest });
        const kept = await store.getRecord<{ marks: unknown }>(LEDGER_SEAL_COLLECTION, "1");
        expect(kept?.data.marks).toEqual(SEAL_FIXTURE_PINNED.marks);
        expect((await verifyLedgerSeals(store)).problems).toEqual([]);
      });
    }, 120_000);
  });
}
