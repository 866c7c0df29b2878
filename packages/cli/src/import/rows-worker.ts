/**
 * The reading thread of a large import (see threaded-rows): reads, decodes and validates the
 * file (CSV or a workbook) with `readImportFile` in this thread, and posts each batch to the main
 * thread as columns (row-batch-codec), at most {@link AHEAD} batches ahead of what the main
 * thread has taken, so a slow store never lets the file pile up in memory.
 */
import { parentPort, workerData } from "node:worker_threads";
import { adjustmentRowSchema, agencyRowSchema, codeRowSchema, isJincaiError, paymentRowSchema, quotaRowSchema } from "@jincai/core";
import type { RowSchema } from "@jincai/core";
import { readImportFile } from "./read-import-file";
import type { ReadImportFileOptions } from "./read-import-file";
import { encodeRowBatch } from "./row-batch-codec";

/** Batches posted and not yet taken by the main thread, at most. */
export const AHEAD = 4;

/** What the main thread starts the worker with. */
export interface RowsWorkerData {
  readonly path: string;
  /** The row schema's name (`payments`): schemas hold functions, which cannot be posted. */
  readonly schema: string;
  readonly options: ReadImportFileOptions;
}

const SCHEMAS: Readonly<Record<string, RowSchema<unknown>>> = {
  payments: paymentRowSchema as RowSchema<unknown>,
  quotas: quotaRowSchema as RowSchema<unknown>,
  agencies: agencyRowSchema as RowSchema<unknown>,
  codes: codeRowSchema as RowSchema<unknown>,
  adjustments: adjustmentRowSchema as RowSchema<unknown>,
};

async function main(port: NonNullable<typeof parentPort>, data: RowsWorkerData): Promise<void> {
  let credits = AHEAD;
  let wake: (() => void) | undefined;
  port.on("message", () => {
    credits++;
    wake?.();
    wake = undefined;
  });
  try {
    const schema = SCHEMAS[data.schema];
    if (schema === undefined) throw new Error(`rows-worker: unknown row schema ${data.schema}`);
    const fields = Object.keys(schema.fields);
    const reader = await readImportFile(data.path, schema, { ...data.options, thread: false });
    for await (const batch of reader) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      const { encoded, transfer } = encodeRowBatch(batch, fields);
      port.postMessage({ type: "batch", batch: encoded, stats: { ...reader.stats } }, transfer);
    }
    port.postMessage({ type: "end", stats: { ...reader.stats } });
  } catch (error) {
    const code = isJincaiError(error) ? error.code : undefined;
    const details = isJincaiError(error) ? error.details : undefined;
    port.postMessage({ type: "error", error: { code, details, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } });
  }
  port.close();
}

if (parentPort !== null) void main(parentPort, workerData as RowsWorkerData);
