import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { CITY_DIR, cleanup, runJincai, tempDir } from "./run-jincai";

/**
 * A file of the sample city 青川市 (examples/city).
 *
 * @example
 * ```ts
 * await runJincai(dir, ["import", "quotas", city("quota-reallocations.csv")]);
 * ```
 */
export const city = (name: string): string => join(CITY_DIR, name);

/**
 * Registers hooks giving a test file one database with the whole sample city (26 agencies, 270
 * quota lines, 3000 payments), imported once before its tests and shared by them in order;
 * `db.dir` is its directory.
 *
 * @example
 * ```ts
 * const db = useCityDatabase();
 * it("verifies", async () => expect((await runJincai(db.dir, ["verify"])).code).toBe(0));
 * ```
 */
export function useCityDatabase(): { readonly dir: string } {
  const state = { dir: "" };
  beforeAll(async () => {
    state.dir = await tempDir();
    for (const args of [
      ["init", "--year", "2026", "--division", "990100"],
      ["import", "agencies", city("agencies.csv")],
      ["import", "quotas", city("quotas.csv")],
      ["import", "payments", city("payments.csv")],
    ]) {
      const run = await runJincai(state.dir, args);
      if (run.code !== 0) throw new Error(`jincai ${args.join(" ")} exited ${run.code}: ${run.stderr}`);
    }
  });
  afterAll(() => cleanup(state.dir));
  return state;
}
