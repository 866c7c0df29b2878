import { storeConformanceSuite } from "@jincai/core/testing";
import { destroyTempStore, openTempStore } from "./_testing/temp-store";

storeConformanceSuite({
  name: "sqlite (temp file)",
  create: async () => openTempStore(),
  destroy: destroyTempStore,
});
