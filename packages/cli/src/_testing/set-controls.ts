/**
 * For the CLI end-to-end tests: replaces the `controls` of a working directory's
 * jincai.config.json, as a bureau edits its settings between imports.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Writes `controls` as the settings' controls, keeping every other setting.
 *
 * @example
 * ```ts
 * await setControls(dir, [{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00" }]);
 * ```
 */
export async function setControls(dir: string, controls: readonly object[]): Promise<void> {
  const path = join(dir, "jincai.config.json");
  const config = JSON.parse(await readFile(path, "utf8")) as { controls?: unknown };
  config.controls = controls;
  await writeFile(path, JSON.stringify(config, null, 2));
}
