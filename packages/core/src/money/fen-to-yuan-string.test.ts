import { describe, expect, it } from "vitest";
import { fenToYuanString } from "./fen-to-yuan-string";

const withCode = (code: string) => expect.objectContaining({ code });

describe("fenToYuanString", () => {
  it.each([
    [123456n, "1234.56"],
    [-50n, "-0.50"],
    [0n, "0.00"],
    [7n, "0.07"],
    [100000000000000n, "1000000000000.00"],
  ])("writes %s fen as %j", (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });

  it("rejects the JS number 100 with MONEY_AMOUNT_NOT_BIGINT", () => {
    expect(() => fenToYuanString(100 as unknown as bigint)).toThrow(
      withCode("MONEY_AMOUNT_NOT_BIGINT"),
    );
  });
});
