import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}`, import.meta.url));

// Tests import workspace packages from their sources, so `npm test` needs no build of the
// libraries; only the CLI end-to-end tests run the built `jincai` binary.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@jincai\/core\/testing$/, replacement: src("core/src/testing/index.ts") },
      { find: /^@jincai\/([a-z-]+)$/, replacement: src("$1/src/index.ts") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "examples/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["packages/store-postgres/src/testing/pg-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
