/**
 * The reading thread of a large import (see threaded-rows): reads, decodes and validates the
 * file (CSV or a workbook) with `readImportFile` in this thread, and posts each batch to the main
 * thread as columns (row-batch-codec), at most {@link AHEAD} batches ahead of what the main
 * thread has taken, so a slow store never lets the file pile up in memory. Told so by the main
 * thread (`planAhead`, then a `plan` message), it also plans each batch for the importer and
 * posts that beside the rows (see payment-hints).
 */
import { parentPort, workerData } from "node:worker_threads";
import { adjustmentRowSchema, agencyRowSchema, codeRowSchema, isJincaiError, paymentRowSchema, quotaRowSchema } from "@jincai/core";
import type { RowSchema } from "@jincai/core";
import { paymentHinter } from "./payment-hints";
import type { PaymentHintsData } from "./payment-hints";
import { readImportFile } from "./read-import-file";
import type { ReadImportFileOptions } from "./read-import-file";
import { encodeRowBatch } from "./row-batch-codec";
import type { ThreadPlan } from "./row-outcome";

/** Batches posted and not yet taken by the main thread, at most. */
export const AHEAD = 4;

/** What the main thread starts the worker with. */
export interface RowsWorkerData {
  readonly path: string;
  /** The row schema's name (`payments`): schemas hold functions, which cannot be posted. */
  readonly schema: string;
  readonly options: ReadImportFileOptions;
  /** Hold the first batch until the main thread says what to plan (a `plan` message). */
  readonly planAhead: boolean;
}

/** What the main thread posts: a credit for one more batch, or what to plan. */
type MainMessage = number | { readonly type: "plan"; readonly plan: ThreadPlan | undefined };

/** Plans a batch's rows: what is posted beside them, and the buffers handed over with it. */
type Planner = (rows: readonly unknown[]) => { encoded: unknown; transfer: ArrayBuffer[] };

function plannerOf(plan: ThreadPlan | undefined): Planner | undefined {
  if (plan === undefined) return undefined;
  const hint = paymentHinter(plan.data as PaymentHintsData);
  return (rows) => hint(rows as Parameters<typeof hint>[0]);
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
  // null until the main thread says (with planAhead), then the batches' planner or none.
  let planner = (data.planAhead ? null : undefined) as Planner | undefined | null;
  let planFailure: unknown;
  let wake: (() => void) | undefined;
  port.on("message", (message: MainMessage) => {
    if (typeof message === "number") credits++;
    else {
      try {
        planner = plannerOf(message.plan);
      } catch (error) {
        planner = undefined;
        planFailure = error;
      }
    }
    wake?.();
    wake = undefined;
  });
  try {
    const schema = SCHEMAS[data.schema];
    if (schema === undefined) throw new Error(`rows-worker: unknown row schema ${data.schema}`);
    const fields = Object.keys(schema.fields);
    const reader = await readImportFile(data.path, schema, { ...data.options, thread: false });
    for await (const batch of reader) {
      while (credits === 0 || planner === null) await new Promise<void>((resolve) => (wake = resolve));
      if (planFailure !== undefined) throw planFailure;
      credits--;
      const { encoded, transfer } = encodeRowBatch(batch, fields);
      let prepared: unknown;
      if (planner !== undefined && batch.rows.length > 0) {
        const planned = planner(batch.rows.map((r) => r.value));
        prepared = planned.encoded;
        transfer.push(...planned.transfer);
      }
      port.postMessage({ type: "batch", batch: encoded, prepared, stats: { ...reader.stats } }, transfer);
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
