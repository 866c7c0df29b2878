/**
 * `jincai audit verify`: walks the audit hash chain and reports the first broken link (an event
 * edited, deleted, inserted or reordered) and any bad checkpoint signature.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createEd25519Verifier, verifyAudit } from "@jincai/core";
import type { Command } from "commander";
import type { CliContext } from "../cli-context";
import { EXIT } from "../exit-codes";
import { withStore } from "../with-store";

/**
 * Registers `jincai audit` on the program.
 *
 * @example
 * ```ts
 * registerAudit(program, context);
 * ```
 */
export function registerAudit(program: Command, ctx: CliContext): void {
  const audit = program.command("audit").description("the audit hash chain of every state-changing command");
  audit
    .command("verify")
    .description("check the hash chain and checkpoint signatures; exit 1 on any problem")
    .option("--public-key <file>", "Ed25519 public key (PEM or JWK) that signed the checkpoints")
    .option("--json", "print the report as JSON")
    .addHelpText("after", `\nExamples:\n  $ jincai audit verify\n  $ jincai audit verify --public-key audit.pub.pem --json`)
    .action(async (opts: { publicKey?: string; json?: boolean }) => {
      const verifier = opts.publicKey ? await createEd25519Verifier(await readFile(resolve(ctx.cwd, opts.publicKey), "utf8")) : undefined;
      const report = await withStore(ctx, (store) => verifyAudit(store, verifier ? { verifier } : {}));
      if (opts.json) ctx.out(JSON.stringify(report, null, 2));
      else {
        for (const p of report.problems) ctx.out(`${p.code} at event ${p.sequence}: ${p.message}`);
        ctx.out(report.ok ? `audit: ${report.events} events, ${report.checkpoints} checkpoints, chain intact` : `audit: ${report.problems.length} problem(s)`);
      }
      ctx.exitCode = report.ok ? EXIT.ok : EXIT.rules;
    });
}
