import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertOutputPaths } from "./output-guard";

describe("assertOutputPaths", () => {
  it("refuses the input file by its path or through a link, and takes a new file or an old quarantine file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jincai-guard-"));
    try {
      const input = join(dir, "payments.csv");
      await writeFile(input, "支付单号\n");
      await symlink(input, join(dir, "link.csv"));
      await writeFile(join(dir, "rejected.csv"), "old\n");
      const kept = [{ path: input, what: "the input file payments.csv" }, { path: join(dir, "jincai.db"), what: "the database jincai.db" }];
      const out = (name: string) => [{ path: join(dir, name), shown: name }];
      await expect(assertOutputPaths("--quarantine", out("payments.csv"), kept)).rejects.toMatchObject({ code: "CLI_USAGE", message: expect.stringContaining("--quarantine payments.csv is the input file payments.csv") });
      await expect(assertOutputPaths("--quarantine", out("link.csv"), kept)).rejects.toMatchObject({ code: "CLI_USAGE" });
      await expect(assertOutputPaths("--quarantine", out("jincai.db"), kept)).rejects.toMatchObject({ message: expect.stringContaining("is the database jincai.db") });
      await expect(assertOutputPaths("--quarantine", out("rejected.csv"), kept)).resolves.toBeUndefined();
      await expect(assertOutputPaths("--quarantine", out("new.csv"), kept)).resolves.toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
