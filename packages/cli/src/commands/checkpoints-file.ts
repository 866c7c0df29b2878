/**
 * The file of audit checkpoints kept outside the database: one checkpoint per line as JSON, as
 * `jincai audit checkpoint --out` appends them (a JSON array of them is read too).
 */
import { readFile } from "node:fs/promises";
import type { AuditCheckpoint } from "@jincai/core";
import { JincaiError } from "@jincai/core";
import { z } from "zod";

const checkpointSchema = z.strictObject({
  sequence: z.number().int().positive(),
  hash: z.string().min(1),
  at: z.string().min(1),
  algorithm: z.string().min(1),
  keyId: z.string().min(1),
  signature: z.string().min(1),
});

/**
 * Reads a checkpoints file; `shown` names it in errors.
 *
 * @throws {JincaiError} CLI_CHECKPOINTS_INVALID naming the line and what is wrong with it
 * @example
 * ```ts
 * await readCheckpointsFile("/mnt/audit/jincai-checkpoints.jsonl", "jincai-checkpoints.jsonl");
 * // [{ sequence: 42, hash: "…", at: "2026-03-01T18:00:00.000Z", algorithm: "ed25519", keyId: "…", signature: "…" }]
 * ```
 */
export async function readCheckpointsFile(path: string, shown: string): Promise<AuditCheckpoint[]> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  if (text.trimStart().startsWith("[")) return [...parse(text, shown, 1, true)];
  const out: AuditCheckpoint[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== "") out.push(...parse(line, shown, i + 1, false));
  });
  if (out.length === 0) throw invalid(shown, 1, "it holds no checkpoint");
  return out;
}

function parse(text: string, shown: string, line: number, array: boolean): AuditCheckpoint[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(shown, line, `not JSON (${(error as Error).message})`);
  }
  const items = array ? (Array.isArray(value) ? value : [value]) : [value];
  return items.map((item, k) => {
    const parsed = checkpointSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const where = array ? `item ${k + 1}` : "the checkpoint";
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join(".") : "it"}: ${i.message}`).join("; ");
    throw invalid(shown, line, `${where} is not one (${problems})`);
  });
}

function invalid(shown: string, line: number, why: string): JincaiError {
  return new JincaiError("CLI_CHECKPOINTS_INVALID", `${shown}:${line}: ${why}`, { details: { file: shown, line } });
}
