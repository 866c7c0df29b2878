import { describe, expect, it } from "vitest";
import { assertFen } from "./assert-fen";

describe("assertFen", () => {
  it("accepts 123456n fen", () => {
    expect(() => assertFen(123456n)).not.toThrow();
  });

  it.each([[1234.56], [100], ["100"], [null], [undefined]])(
    "rejects %j with MONEY_AMOUNT_NOT_BIGINT",
    (value) => {
      expect(() => assertFen(value, "quota")).toThrow(
        expect.objectContaining({
          code: "MONEY_AMOUNT_NOT_BIGINT",
          details: expect.objectContaining({ name: "quota" }),
        }),
      );
    },
  );
});
