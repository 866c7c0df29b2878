import { describe, expect, it } from "vitest";
import { createSerialQueue } from "./serial-queue";

describe("createSerialQueue", () => {
  it("runs an approval that awaits before a later payment starts", async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const first = queue.run(async () => {
      log.push("approve:start");
      await new Promise((r) => setTimeout(r, 10));
      log.push("approve:end");
    });
    const second = queue.run(() => log.push("pay"));
    await Promise.all([first, second]);
    expect(log).toEqual(["approve:start", "approve:end", "pay"]);
  });

  it("keeps going after a task rejects", async () => {
    const queue = createSerialQueue();
    const failed = queue.run(() => {
      throw new Error("rejected voucher");
    });
    await expect(failed).rejects.toThrow("rejected voucher");
    await expect(queue.run(() => 42)).resolves.toBe(42);
  });
});
