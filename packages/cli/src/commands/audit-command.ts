/**
 * `jincai audit`: the audit hash chain of every state-changing command.
 * - `verify` walks the chain and reports the first broken link (an event edited, deleted,
 *   inserted or reordered), any bad checkpoint signature, and any sealed transfer changed since
 *   its seal (core's seal-ledger), and any payment document that disagrees with its transfers
 *   (treasury's checkPaymentDocuments: its reservation, and the refunds it lists or lacks), and any period the chain closed that the store's period
 *   locks no longer cover or any lock no `period.close` event names (core's verifyPeriodLocks);
 *   `--checkpoints FILE` also checks
 *   checkpoints kept outside the database, which alone reveal the newest events cut off
 *   together with the stored checkpoints that named them.
 * - `keygen` writes an Ed25519 key pair for signing checkpoints.
 * - `checkpoint` seals the transfers written since the last seal, the accounts created since
 *   (with or without transfers) and the payment and quota documents new or changed since, signs the
 *   chain's head, stores the checkpoint and appends it to a file meant to
 *   be kept elsewhere (the audit office, a log host, a daily report); it first verifies the chain
 *   (against the checkpoints already in that file too) and signs nothing when it is broken.
 */
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  JincaiError, checkpointAudit, createEd25519Signer, createEd25519Verifier, generateEd25519KeyPair, sealLedger, showInvisible, systemClock, verifyAudit, verifyLedgerSeals, verifyPeriodLocks,
} from "@jincai/core";
import type { LedgerSealResult, SealReport } from "@jincai/core";
import { QUOTA_COLLECTION } from "@jincai/budget";
import { PAYMENT_COLLECTION, checkPaymentDocuments } from "@jincai/treasury";
import type { Command } from "commander";
import { cliActor } from "../cli-actor";
import { nodeSha256Hasher } from "../node-sha256-hasher";
import type { CliContext } from "../cli-context";
import { EXIT } from "../exit-codes";
import { withStore } from "../with-store";
import { readCheckpointsFile } from "./checkpoints-file";

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
    .option("--public-key <file>", "Ed25519 public key (PEM or JWK) that signed the checkpoints; repeat it for each key after a rotation", collect, [])
    .option("--checkpoints <file>", "checkpoints kept outside the database (JSON lines, as `audit checkpoint --out` appends them)")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      `\nExamples:\n  $ jincai audit verify\n  $ jincai audit verify --public-key audit.pub.pem --checkpoints /mnt/audit-office/jincai-checkpoints.jsonl\n  $ jincai audit verify --public-key audit-2025.pub.pem --public-key audit-2026.pub.pem --json`,
    )
    .action(async (opts: { publicKey: string[]; checkpoints?: string; json?: boolean }) => {
      const keys = await Promise.all(opts.publicKey.map((file) => readFile(resolve(ctx.cwd, file), "utf8")));
      const verifier = keys.length > 0 ? await createEd25519Verifier(keys) : undefined;
      const external = opts.checkpoints === undefined ? undefined : await readCheckpointsFile(resolve(ctx.cwd, opts.checkpoints), opts.checkpoints);
      const { chain, ledger, documents, periods } = await withStore(ctx, async (store) => ({
        chain: await verifyAudit(store, { ...(verifier ? { verifier } : {}), ...(external ? { externalCheckpoints: external } : {}) }),
        ledger: await verifyLedgerSeals(store, { hasher: nodeSha256Hasher }),
        // The documents against the sealed transfers (1.1 s on a million payments: here, not in verify).
        documents: await checkPaymentDocuments(store),
        periods: await verifyPeriodLocks(store),
      }), { anyFiscalYear: true });
      // A sealed transfer or account changed behind the store's back is a problem of the chain's
      // own kind, and so is a closed period whose lock is gone (both at their event).
      const sealProblems = ledger.problems.map((p) => ({ code: p.code, sequence: p.sequence, message: p.message }));
      const lockProblems = periods.problems.flatMap((p) => (p.sequence === undefined ? [] : [{ code: p.code, sequence: p.sequence, message: p.message }]));
      // A lock no event names has no event to be at.
      const unrecorded = periods.problems.filter((p) => p.sequence === undefined).map((p) => ({ code: p.code, lock: p.lock, message: p.message }));
      const problems = [...chain.problems, ...sealProblems, ...lockProblems].sort((a, b) => a.sequence - b.sequence);
      const ok = problems.length === 0 && documents.length === 0 && unrecorded.length === 0;
      if (opts.json) {
        const summary = { seals: ledger.seals, sealedTo: ledger.sealedTo, unsealed: ledger.unsealed, withoutAccounts: ledger.withoutAccounts, withoutRecords: ledger.withoutRecords, records: ledger.records };
        ctx.out(JSON.stringify({ ...chain, ok, problems, ledger: summary, documents, periods: { closes: periods.closes, locks: periods.locks, unrecorded } }, null, 2));
      } else {
        for (const p of problems) ctx.out(`${p.code} at event ${p.sequence}: ${showInvisible(p.message)}`);
        for (const d of documents) ctx.out(`AUDIT_DOCUMENT_MISMATCH: ${showInvisible(d.message)}`);
        for (const u of unrecorded) ctx.out(`${u.code}: ${showInvisible(u.message)}`);
        const kept = external === undefined ? "" : ` and ${chain.externalCheckpoints} kept outside`;
        ctx.out(ok ? `audit: ${chain.events} events, ${chain.checkpoints} checkpoints${kept}, chain intact` : `audit: ${problems.length + documents.length + unrecorded.length} problem(s)`);
        if (ok && !chain.signaturesChecked && chain.checkpoints + chain.externalCheckpoints > 0) {
          ctx.out("audit: checkpoint signatures not checked (give --public-key)");
        }
        if (ledger.seals === 0 && ledger.unsealed > 0) ctx.out(`ledger: no seal yet; ${ledger.unsealed} transfers not sealed (jincai audit checkpoint seals them)`);
        else if (ledger.seals > 0) {
          const since = ledger.unsealed === 0 ? "" : `; ${ledger.unsealed} written since the last seal are not sealed yet (jincai audit checkpoint seals them)`;
          ctx.out(`ledger: transfers 1..${ledger.sealedTo} in ${ledger.seals} seal(s)${ledger.problems.length === 0 ? " unchanged" : ""}${since}`);
        }
        const sealedDocuments = documentsLine(ledger);
        if (sealedDocuments !== undefined) ctx.out(sealedDocuments);
        if (periods.closes > 0 && periods.problems.length === 0) ctx.out(`periods: ${periods.closes} closed in the chain, all still locked`);
      }
      ctx.exitCode = ok ? EXIT.ok : EXIT.rules;
    });
  audit
    .command("keygen")
    .description("write a new Ed25519 key pair for signing checkpoints: <prefix>.key.pem (keep it secret) and <prefix>.pub.pem")
    .argument("<prefix>", "path and name of the two files, e.g. keys/audit")
    .addHelpText("after", `\nExamples:\n  $ jincai audit keygen audit\n  $ jincai audit keygen /etc/jincai/audit-2026`)
    .action(async (prefix: string) => {
      const pair = await generateEd25519KeyPair();
      const privatePath = resolve(ctx.cwd, `${prefix}.key.pem`);
      const publicPath = resolve(ctx.cwd, `${prefix}.pub.pem`);
      // "wx": never overwrite a key, whose loss would orphan every checkpoint it signed.
      await writeExclusive(privatePath, `${prefix}.key.pem`, pair.privateKey, 0o600);
      await writeExclusive(publicPath, `${prefix}.pub.pem`, pair.publicKey, 0o644);
      ctx.out(`wrote ${prefix}.key.pem (private, mode 600: keep it off the database host if you can) and ${prefix}.pub.pem; key id ${pair.keyId}`);
    });
  audit
    .command("checkpoint")
    .description("sign the head of the audit chain, store the checkpoint, and append it to a file kept elsewhere")
    .requiredOption("--key <file>", "Ed25519 private key (PEM or JWK), e.g. from `jincai audit keygen`")
    .option("--out <file>", "append the checkpoint as one JSON line to this file (keep it outside the database's reach)")
    .addHelpText("after", `\nExamples:\n  $ jincai audit checkpoint --key audit.key.pem\n  $ jincai audit checkpoint --key audit.key.pem --out /mnt/audit-office/jincai-checkpoints.jsonl`)
    .action(async (opts: { key: string; out?: string }) => {
      const signer = await createEd25519Signer(await readFile(resolve(ctx.cwd, opts.key), "utf8"));
      // A signature vouches for the chain up to its head: a broken chain, or one cut off before
      // a checkpoint already kept in --out, is reported and not signed.
      const outPath = opts.out === undefined ? undefined : resolve(ctx.cwd, opts.out);
      const kept = outPath !== undefined && existsSync(outPath) ? await readCheckpointsFile(outPath, opts.out!) : [];
      const checkpoint = await withStore(ctx, (store) =>
        store.transaction(async (tx) => {
          const report = await verifyAudit(tx, { externalCheckpoints: kept });
          if (!report.ok) return report;
          // What was written since the last seal is sealed, so the signature covers it.
          const seal = await sealLedger(tx, { actor: cliActor(), clock: systemClock(), collections: SEALED_COLLECTIONS, hasher: nodeSha256Hasher });
          return { seal, ...(await checkpointAudit(tx, signer, { clock: systemClock() })) };
        }),
        { anyFiscalYear: true },
      );
      if ("problems" in checkpoint) {
        for (const p of checkpoint.problems) ctx.out(`${p.code} at event ${p.sequence}: ${p.message}`);
        ctx.out(`audit: not signed: the chain has ${checkpoint.problems.length} problem(s), which a checkpoint would vouch for`);
        ctx.exitCode = EXIT.rules;
        return;
      }
      const { seal, ...signed } = checkpoint;
      if (outPath !== undefined) await appendFile(outPath, `${JSON.stringify(signed)}\n`, "utf8");
      if (seal !== undefined) ctx.out(sealLine(seal));
      ctx.out(`audit checkpoint: event ${signed.sequence}, hash ${signed.hash}, key ${signed.keyId}${opts.out === undefined ? "" : `; appended to ${opts.out}`}`);
    });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The record collections `audit checkpoint` seals: payment documents and quota documents (指标). */
const SEALED_COLLECTIONS = [PAYMENT_COLLECTION, QUOTA_COLLECTION] as const;

/**
 * What `audit checkpoint` prints of its seal: `ledger seal: transfers 1..20 (20) sha-256:…`, then
 * `; 3 new account(s), 2 payment document(s), 1 quota document(s) new or changed` when there are
 * any; a seal of accounts or documents alone says `ledger seal: no new transfers; 1 new account(s)`.
 */
function sealLine(seal: LedgerSealResult): string {
  const transfers = seal.count === 0 ? "no new transfers" : `transfers ${seal.after + 1}..${seal.to} (${seal.count}) ${seal.digest}`;
  const documents = Object.entries(seal.changedRecordsBy).filter(([, n]) => n > 0).map(([collection, n]) => `${n} ${collection} document(s)`);
  const also = [
    ...(seal.newAccounts === 0 ? [] : [`${seal.newAccounts} new account(s)`]),
    ...(documents.length === 0 ? [] : [`${documents.join(", ")} new or changed`]),
  ];
  return `ledger seal: ${[transfers, also.join(", ")].filter((p) => p !== "").join("; ")}`;
}

/** What `audit verify` says of the sealed documents, and of the seals that did not record them. */
function documentsLine(ledger: SealReport): string | undefined {
  const { records } = ledger;
  if (ledger.seals === 0) return undefined;
  if (records.firstEvent === undefined) return `documents: no seal records the payment documents yet (made before documents were sealed; jincai audit checkpoint seals them)`;
  const since = records.changedSince + records.newSince;
  const pending = since === 0 ? "" : `; ${since} new or changed since the last seal are not sealed yet (jincai audit checkpoint seals them)`;
  const older = ledger.withoutRecords === 0 ? "" : `; the ${ledger.withoutRecords} seal(s) before event ${records.firstEvent} recorded none (made before documents were sealed): an edit made before it is found only against its transfers`;
  // A collection sealed from a later version on (quota documents after payments) is not covered by the seals before it.
  const later = Object.entries(records.firstEvents).filter(([, event]) => event > records.firstEvent!).map(([collection, event]) => `${collection} documents only from event ${event} (the seals before it did not record them)`);
  const missing = SEALED_COLLECTIONS.filter((c) => records.firstEvents[c] === undefined).map((c) => `no seal records the ${c} documents yet (jincai audit checkpoint seals them)`);
  const coverage = [...later, ...missing].map((p) => `; ${p}`).join("");
  return `documents: ${records.sealed} sealed${ledger.problems.some((p) => p.code === "AUDIT_RECORD_MISMATCH") ? "" : " unchanged"}${pending}${older}${coverage}`;
}

async function writeExclusive(path: string, shown: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(path, text, { flag: "wx", mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new JincaiError("CLI_USAGE", `${shown} exists: choose another prefix (a key is never overwritten)`, { details: { path } });
    throw error;
  }
}
