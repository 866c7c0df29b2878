import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// The README's quick start is what an embedding developer copies first: it must run as written.
describe("the @jincai/budget README's quick start", () => {
  it("runs as written and gives the execution rate it shows", async () => {
    const readme = await readFile(join(__dirname, "..", "README.md"), "utf8");
    const code = /## Quick start[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const last = /^\(await quotaExecution\(.*\)\)\[0\]\?\.executionRate; \/\/ "([\d.]+)".*$/m.exec(code!);
    expect(last).not.toBeNull();
    // Written beside the package, so that @jincai/core and @jincai/budget resolve as for a user.
    const dir = await mkdtemp(join(__dirname, "..", ".quick-start-"));
    try {
      const file = join(dir, "quick-start.mjs");
      await writeFile(file, code!.replace(last![0], `export const rate = ${last![0].split(";")[0]};`));
      const { rate } = (await import(pathToFileURL(file).href)) as { rate: string };
      expect(rate).toBe(last![1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
