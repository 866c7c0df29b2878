/**
 * Reading a large import file on the second core: a worker thread (rows-worker) reads, decodes
 * and validates the file, CSV or workbook, and the main thread takes the batches as columns
 * (row-batch-codec) and spends its time on the checks and the store. The batches, their issues,
 * rejected rows and the reader's totals are the same as reading in the main thread gives; the
 * worker runs at most a few batches ahead, so memory stays flat. Used for CSV files from
 * {@link THREAD_FROM} bytes and workbooks from {@link WORKBOOK_THREAD_FROM} (starting the thread
 * costs about 0.3 s), and not when accepted rows must keep their cells (a quarantine file).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { JincaiError, checkImportMapping } from "@jincai/core";
import type { CsvRowReader, ImportBatch, ImportStats, RowSchema } from "@jincai/core";
import type { ReadImportFileOptions } from "./read-import-file";
import type { ThreadPlan } from "./row-outcome";
import type { RowsWorkerData } from "./rows-worker";
import { decodeRowBatch } from "./row-batch-codec";
import type { EncodedRowBatch } from "./row-batch-codec";

/** CSV files from this size on are read on a worker thread (unless `JINCAI_READ_THREAD` says otherwise). */
export const THREAD_FROM = 16 * 1024 * 1024;
/** Workbooks from this size on are (compressed, and several times slower to read than CSV). */
export const WORKBOOK_THREAD_FROM = 2 * 1024 * 1024;

type WorkerMessage =
  | { readonly type: "batch"; readonly batch: EncodedRowBatch; readonly prepared?: unknown; readonly stats: ImportStats }
  | { readonly type: "end"; readonly stats: ImportStats }
  | { readonly type: "error"; readonly error: { code?: string; details?: Record<string, unknown>; message: string; stack?: string } };

/** The worker's script beside this module in the built package; absent when running from source. */
const WORKER = fileURLToPath(new URL("./rows-worker.js", import.meta.url));

/**
 * Whether to read a file of `size` bytes (`text` for CSV) on a worker thread:
 * `JINCAI_READ_THREAD=always` or `never` decides (tests, measurements), else CSV files from
 * {@link THREAD_FROM} bytes and workbooks from {@link WORKBOOK_THREAD_FROM} are, when the package
 * is built (running from source, the worker's script does not exist).
 *
 * @throws {Error} with `always` when the worker's script is missing
 * @example
 * ```ts
 * readOnThread(150_000_000, "text", {}); // true
 * readOnThread(150_000_000, "text", { JINCAI_READ_THREAD: "never" }); // false
 * ```
 */
export function readOnThread(size: number, kind: string, env: NodeJS.ProcessEnv): boolean {
  const mode = env["JINCAI_READ_THREAD"];
  if (mode === "never") return false;
  const built = existsSync(WORKER);
  if (mode === "always" && !built) throw new Error(`JINCAI_READ_THREAD=always, but ${WORKER} is missing (build the CLI)`);
  return built && (mode === "always" || size >= (kind === "text" ? THREAD_FROM : WORKBOOK_THREAD_FROM));
}

/** A batch read on the thread, with what the thread worked out for it under a {@link ThreadPlan}. */
export type PreparedBatch<T> = ImportBatch<T> & { readonly prepared?: unknown };

/** What {@link threadedRows} returns. */
export type ThreadedRows<T> = CsvRowReader<T> & {
  close(): Promise<void>;
  /**
   * With `planAhead`, says once what the thread is to work out ahead for each batch (nothing
   * with `undefined`): the thread holds its first batch until told.
   */
  plan(plan: ThreadPlan | undefined): void;
};

/**
 * Reads and validates an import file on a worker thread; iterate it once, as `readImportFile`'s.
 * With `planAhead` the thread also works out what the importer's {@link ThreadPlan} asks for, and
 * each batch carries it as `prepared` (see {@link PreparedBatch}).
 *
 * @throws {JincaiError} IMPORT_MAPPING_INVALID at once when the mapping does not fit the schema
 * @example
 * ```ts
 * const reader = threadedRows("payments.csv", paymentRowSchema, { file: "payments.csv", batchSize: 1000, planAhead: true });
 * reader.plan(importer.threadPlan);
 * for await (const batch of reader) await importer.apply(batch.rows.map((r) => r.value), (batch as PreparedBatch<PaymentRow>).prepared);
 * ```
 */
export function threadedRows<T>(path: string, schema: RowSchema<T>, options: ReadImportFileOptions): ThreadedRows<T> {
  if (options.mapping !== undefined) checkImportMapping(options.mapping, schema as RowSchema<unknown>);
  const stats: ImportStats = {
    encoding: undefined, bytesRead: 0, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, errors: 0, warnings: 0,
    header: undefined, columns: {}, aborted: false,
  };
  // Started at once: loading the thread's modules (0.2-0.3 s) overlaps the importer's own
  // preparation. `close` (or the end of the iteration) stops it.
  const { planAhead, ...reading } = options;
  const worker = new Worker(WORKER, { workerData: { path, schema: schema.name, options: reading, planAhead: planAhead === true } satisfies RowsWorkerData });
  const inbox = listen(worker);
  let started = false;
  return {
    stats,
    [Symbol.asyncIterator]() {
      if (started) throw new Error("threadedRows: a reader can be iterated only once");
      started = true;
      return batches<T>(worker, inbox, stats)[Symbol.asyncIterator]();
    },
    async close() {
      await worker.terminate();
    },
    plan(plan) {
      worker.postMessage({ type: "plan", plan });
    },
  };
}

/** The worker's messages as they come, and its failure. */
interface Inbox {
  readonly messages: WorkerMessage[];
  failure: Error | undefined;
  /** Resolves when a message or a failure comes. */
  next(): Promise<void>;
}

function listen(worker: Worker): Inbox {
  let waiting: (() => void) | undefined;
  const wakeUp = (): void => {
    waiting?.();
    waiting = undefined;
  };
  const inbox: Inbox = {
    messages: [],
    failure: undefined,
    next: () => new Promise<void>((resolve) => (waiting = resolve)),
  };
  let finished = false; // the worker said "end" or "error"
  worker.on("message", (message: WorkerMessage) => {
    if (message.type !== "batch") finished = true;
    inbox.messages.push(message);
    wakeUp();
  });
  worker.on("error", (error) => {
    inbox.failure = error;
    wakeUp();
  });
  worker.on("exit", (code) => {
    // After its last message, or terminated by close(): only a stop before the end is a failure.
    if (!finished && inbox.failure === undefined) inbox.failure = new Error(`the import's reading thread stopped early (exit code ${code})`);
    wakeUp();
  });
  return inbox;
}

async function* batches<T>(worker: Worker, inbox: Inbox, stats: ImportStats): AsyncGenerator<PreparedBatch<T>, void, undefined> {
  try {
    for (;;) {
      while (inbox.messages.length === 0) {
        if (inbox.failure !== undefined) throw inbox.failure;
        await inbox.next();
      }
      const message = inbox.messages.shift()!;
      if (message.type === "error") throw rebuilt(message.error);
      Object.assign(stats, message.stats);
      if (message.type === "end") return;
      const batch: PreparedBatch<T> = decodeRowBatch<T>(message.batch);
      worker.postMessage(1); // one more batch may come
      yield message.prepared === undefined ? batch : { ...batch, prepared: message.prepared };
    }
  } finally {
    await worker.terminate();
  }
}

/** The worker's error as the main thread's: a JincaiError keeps its code and details. */
function rebuilt(error: { code?: string; details?: Record<string, unknown>; message: string; stack?: string }): Error {
  if (error.code !== undefined) return new JincaiError(error.code, error.message, error.details !== undefined ? { details: error.details } : {});
  const out = new Error(error.message);
  if (error.stack !== undefined) out.stack = error.stack;
  return out;
}
