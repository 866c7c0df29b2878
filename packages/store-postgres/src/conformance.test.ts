/**
 * The store conformance suite from `@jincai/core/testing`, unchanged and with no skips, against
 * PostgreSQL. Stores live on recycled schemas (emptied between tests) to keep the suite fast.
 */
import { storeConformanceSuite } from "@jincai/core/testing";
import { afterAll } from "vitest";
import { recyclingHarness } from "./testing/test-server";

const harness = recyclingHarness("postgres", 15);
afterAll(() => harness.dispose());

storeConformanceSuite(harness);
