/**
 * An in-process mutex as a promise chain: tasks run one after another, never interleaved, so
 * an async `transaction(fn)` owns the single connection until it commits or rolls back.
 */

/** Runs tasks one at a time, in the order they were queued. */
export interface SerialQueue {
  /** Queues `task`; resolves or rejects with its outcome once every earlier task has settled. */
  run<T>(task: () => T | Promise<T>): Promise<T>;
}

/**
 * Creates an empty queue.
 *
 * @example
 * ```ts
 * const queue = createSerialQueue();
 * await Promise.all([queue.run(() => 1), queue.run(async () => 2)]); // [1, 2], one after the other
 * ```
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => T | Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
